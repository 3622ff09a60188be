"""The timeline's key by claim, on a database that already holds events: the upgrade leaves claim_event with its
primary key on (claim_id, id) and without the (claim_id, id) index it replaces, a claim's timeline read through
the key, and new events numbered by the same sequence; the downgrade brings the key on id and the index back,
and upgrading again lands in the same place."""
import asyncio

import asyncpg
from alembic import command

from tests.integration.figures_support import execute, migrated
from tools.bench.stages import database_url

BEFORE = "c9e1a3b5d7f2"
DB = "claim_event_key_migration"  # billing_claim_event_key_migration: a database of its own
SEED = """
WITH claims AS (SELECT gen_random_uuid() AS id FROM generate_series(1, 300))
INSERT INTO claim_event (tenant_id, claim_id, event, status, detail)
SELECT '00000000-0000-0000-0000-000000000001', c.id, e.event, 'ready', '{}'
FROM claims c, (VALUES ('built'), ('ready'), ('submitted')) AS e(event)
"""
INDEXES = ("SELECT array_agg(ARRAY[c.relname::text, pg_get_indexdef(i.indexrelid), i.indisprimary::text, "
           "i.indisvalid::text] ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
           "WHERE i.indrelid = 'claim_event'::regclass")
A_CLAIM = "SELECT claim_id::text FROM claim_event ORDER BY id LIMIT 1"
TIMELINE = "SELECT string_agg(event, ',' ORDER BY id) FROM claim_event WHERE claim_id = $1::uuid"
NEXT_EVENT = ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) "
              "SELECT tenant_id, claim_id, 'noted', status, '{}' FROM claim_event ORDER BY id DESC LIMIT 1")
NUMBERS = "SELECT ARRAY[count(*), count(DISTINCT id), max(id)] FROM claim_event"


async def _indexes(server: str) -> dict[str, tuple[str, bool, bool]]:
    """claim_event's indexes: each one's columns (as Postgres defines it), whether it is the key, and valid."""
    rows = (await execute(server, DB, (INDEXES,)))[0]
    return {name: (definition.split(" USING btree ")[1], key == "true", valid == "true")
            for name, definition, key, valid in rows}


async def _timeline_plan(server: str, claim_id: str) -> str:
    """The index a claim's timeline is read through (sequential scans off: the table is small)."""
    conn = await asyncpg.connect(database_url(server, DB))
    try:
        await conn.execute("SET enable_seqscan = off")
        rows = await conn.fetch(f"EXPLAIN {TIMELINE}", claim_id)
    finally:
        await conn.close()
    return " ".join(r[0] for r in rows)


async def test_the_timeline_key_goes_by_claim_up_and_down_on_a_table_with_events(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "claims", DB, BEFORE)
    await execute(server, DB, (SEED,))
    claim_id = (await execute(server, DB, (A_CLAIM,)))[0]
    before = await _indexes(server)
    assert before["claim_event_pkey"][:2] == ("(id)", True)
    assert before["ix_claim_event_claim_id_id"][:2] == ("(claim_id, id)", False)

    await asyncio.to_thread(command.upgrade, config, "head")
    upgraded = await _indexes(server)
    assert upgraded["claim_event_pkey"] == ("(claim_id, id)", True, True)
    assert "ix_claim_event_claim_id_id" not in upgraded and all(valid for *_, valid in upgraded.values())
    assert "claim_event_pkey" in await _timeline_plan(server, claim_id)
    assert (await execute(server, DB, (TIMELINE, claim_id)))[0] == "built,ready,submitted"
    await execute(server, DB, (NEXT_EVENT,))
    assert (await execute(server, DB, (NUMBERS,)))[0] == [901, 901, 901]

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    downgraded = await _indexes(server)
    assert downgraded.keys() == before.keys() and all(valid for *_, valid in downgraded.values())
    assert downgraded["claim_event_pkey"][:2] == ("(id)", True)
    assert downgraded["ix_claim_event_claim_id_id"][:2] == ("(claim_id, id)", False)

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _indexes(server) == upgraded
