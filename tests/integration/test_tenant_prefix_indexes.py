"""coded_encounter's and encounter_intake's index on tenant_id alone, dropped because the tenant leads another
index of each table (coding's same-day index, the gateway's unique (tenant, external id)): on databases that already
hold rows, the upgrade leaves the table without it and a tenant's rows are read through the other index, answering
the same rows; the downgrade brings it back, and upgrading again lands in the same place. The repositories' reads by
tenant (the review queue, the encounters page) go through an index in a generic plan, never a sequential scan."""
import asyncio
from dataclasses import dataclass
from hashlib import md5
from uuid import UUID

import asyncpg
import pytest
from alembic import command

from shared.db.engine import make_engine
from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.settings import Settings as CodingSettings
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.settings import Settings as GatewaySettings
from tests.integration.figures_support import execute, migrated
from tests.integration.plan_support import seeded_and_planned
from tools.bench.stages import database_url

TENANT_ONE = UUID(md5(b"1").hexdigest())
# 50 tenants' 20,000 rows; one in twenty of each tenant's coded encounters waits for review.
CODED = """
INSERT INTO coded_encounter (encounter_id, tenant_id, external_id, status, diagnoses, procedures, edits, encounter,
                             rendering_npi, date_of_service, patient_ref)
SELECT md5('encounter' || i)::uuid, md5((i % 50)::text)::uuid, 'E' || i,
       CASE WHEN (i / 50) % 20 = 0 THEN 'needs_review' ELSE 'coded' END, '[]', '[]', '[]', '{}',
       '12345678' || (i % 7), DATE '2026-11-01' + i % 30, 'P' || i
FROM generate_series(1, 20000) AS i"""
INTAKE = """
INSERT INTO encounter_intake (id, tenant_id, external_id, source_format, received_at)
SELECT md5('intake' || i)::uuid, md5((i % 50)::text)::uuid, 'E' || i, 'fhir', now() - i * interval '1 s'
FROM generate_series(1, 20000) AS i"""


@dataclass(frozen=True)
class PrefixIndex:
    service: str
    before: str
    table: str
    dropped: str
    serving: str  # the index the tenant leads
    seed: str
    key: str  # the row's id column


PREFIXES = [
    PrefixIndex("coding", "35512fb3b447", "coded_encounter", "ix_coded_encounter_tenant_id",
                "ix_coded_encounter_same_day", CODED, "encounter_id"),
    PrefixIndex("gateway", "30ebecffa13f", "encounter_intake", "ix_encounter_intake_tenant_id",
                "encounter_intake_tenant_id_external_id_key", INTAKE, "id"),
]
INDEXES = ("SELECT array_agg(ARRAY[c.relname::text, i.indisvalid::text] ORDER BY c.relname) "
           "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '{table}'::regclass")


async def _indexes(server: str, db: str, prefix: PrefixIndex) -> dict[str, bool]:
    """The table's indexes, each with whether it is valid."""
    rows = (await execute(server, db, (INDEXES.format(table=prefix.table),)))[0]
    return {name: valid == "true" for name, valid in rows}


async def _tenant_rows(server: str, db: str, prefix: PrefixIndex) -> tuple[str, str]:
    """A tenant's rows (their md5, in id order), and the plan of that read (sequential scans off)."""
    conn = await asyncpg.connect(database_url(server, db))
    try:
        read = (f"SELECT md5(string_agg({prefix.key}::text, ',' ORDER BY {prefix.key})) FROM {prefix.table} "
                "WHERE tenant_id = $1")
        await conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in await conn.fetch(f"EXPLAIN {read}", TENANT_ONE))
        return await conn.fetchval(read, TENANT_ONE), plan
    finally:
        await conn.close()


@pytest.mark.parametrize("prefix", PREFIXES, ids=lambda p: p.table)
async def test_the_tenant_index_goes_up_and_down_on_a_table_with_rows(infrastructure, prefix):
    server, db = infrastructure.database_url, f"{prefix.table}_prefix_migration"
    config = await migrated(server, prefix.service, db, prefix.before)
    await execute(server, db, (prefix.seed,), (f"ANALYZE {prefix.table}",))
    before = await _indexes(server, db, prefix)
    assert before[prefix.dropped] and before[prefix.serving]
    rows, _ = await _tenant_rows(server, db, prefix)

    await asyncio.to_thread(command.upgrade, config, "head")
    upgraded = await _indexes(server, db, prefix)
    assert upgraded.keys() == before.keys() - {prefix.dropped} and all(upgraded.values())
    after, plan = await _tenant_rows(server, db, prefix)
    assert after == rows and prefix.serving in plan

    await asyncio.to_thread(command.downgrade, config, prefix.before)
    assert await _indexes(server, db, prefix) == before

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _indexes(server, db, prefix) == upgraded


def _scans(plan: dict, table: str) -> list[tuple[str, str | None]]:
    """Every read of `table` in the plan: (node, index), a bitmap scan once per index under it."""
    def indexes_under(node: dict) -> list[str | None]:
        return [node.get("Index Name")] if node["Node Type"] == "Bitmap Index Scan" else [
            name for child in node.get("Plans", []) for name in indexes_under(child)]
    found = []
    if plan.get("Relation Name") == table:
        names = indexes_under(plan) if plan["Node Type"] == "Bitmap Heap Scan" else [plan.get("Index Name")]
        found += [(plan["Node Type"], name) for name in names]
    return found + [scan for child in plan.get("Plans", []) for scan in _scans(child, table)]


async def _planned(server: str, settings, unit_of_work, seed: str, table: str, read) -> tuple[list, list]:
    """What `read(uow)` answers over the seeded rows (rolled back after), and its plans' reads of `table`."""
    engine = make_engine(settings(database_url=server))
    try:
        answer, _, plans = await seeded_and_planned(engine, (seed, f"ANALYZE {table}"),
                                                    lambda session: read(unit_of_work(session)))
        return answer, [scan for plan in plans for scan in _scans(plan, table)]
    finally:
        await engine.dispose()


async def test_the_review_queue_reads_a_tenants_rows_by_index(infrastructure):
    answer, scans = await _planned(infrastructure.database_url, CodingSettings, CodingUnitOfWork, CODED,
                                   "coded_encounter",
                                   lambda uow: uow.encounters.review_queue(TENANT_ONE, limit=50, after=None,
                                                                           edit_id=None, assigned_to=None))
    assert len(answer) == 20 and {row.status for row in answer} == {"needs_review"}
    assert scans and all(node != "Seq Scan" and index != "ix_coded_encounter_tenant_id" for node, index in scans)


async def test_the_encounters_page_reads_a_tenants_rows_by_the_unique_key(infrastructure):
    answer, scans = await _planned(infrastructure.database_url, GatewaySettings, GatewayUnitOfWork, INTAKE,
                                   "encounter_intake",
                                   lambda uow: uow.encounters.page(TENANT_ONE, limit=25, before=None))
    assert len(answer) == 25 and {row.tenant_id for row in answer} == {TENANT_ONE}
    assert scans and {index for _, index in scans} == {"encounter_intake_tenant_id_external_id_key"}
