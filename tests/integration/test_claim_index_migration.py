"""The migration to fewer indexes on claim, on a database that already holds claims and files: the upgrade
leaves the claim table with the tenant's submissions index (valid, built concurrently) in place of the
status and submission ones, lists the claims of the files still waiting to be sent (not of those sent) and
leaves room on the counts' member pages; the downgrade brings the old indexes and full pages back, and
upgrading again lands in the same place."""
import asyncio

from alembic import command

from tests.integration.figures_support import execute, migrated

BEFORE = "a1c3e5b7d9f2"
DB = "claims_index_migration"  # billing_claims_index_migration: a database of its own, migrated back and forth
DROPPED = {"ix_claim_status", "ix_claim_submitted_at"}
ADDED = "ix_claim_tenant_submitted"
SEED = """
INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code,
                   total_charge, coded, edits, submitted_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'MIG' || i,
       CASE WHEN i % 2 = 0 THEN 'ready' ELSE 'submitted' END, 'AETNA', '1', 100, '{}', '[]',
       CASE WHEN i % 2 = 1 THEN now() END
FROM generate_series(1, 400) AS i
"""
FILES = """
INSERT INTO interchange (id, tenant_id, payer_id, x12, claim_count, ack_status)
VALUES (901, '00000000-0000-0000-0000-000000000001', 'AETNA', 'ISA', 3, 'sending'),
       (902, '00000000-0000-0000-0000-000000000001', 'AETNA', 'ISA', 2, 'accepted')
"""
IN_FILES = ("UPDATE claim SET interchange_id = CASE WHEN patient_control_number IN ('MIG2', 'MIG4', 'MIG6') "
            "THEN 901 ELSE 902 END WHERE patient_control_number IN ('MIG2', 'MIG4', 'MIG6', 'MIG8', 'MIG10')")
MEMBER_OPTIONS = "SELECT reloptions::text FROM pg_class WHERE relname = 'claim_tally_member'"
LISTED = ("SELECT array_agg(ARRAY[i.id::text, (SELECT string_agg(c.patient_control_number, ',' ORDER BY "
          "c.patient_control_number) FROM claim c WHERE c.id = ANY(i.claim_ids))] ORDER BY i.id) FROM interchange i")


async def _indexes(server: str) -> dict[str, bool]:
    """The claim table's indexes, each with whether it is valid (a failed concurrent build leaves it not)."""
    rows = (await execute(server, DB, (
        "SELECT array_agg(ARRAY[c.relname::text, i.indisvalid::text]) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'claim'::regclass",)))[0]
    return {name: valid == "true" for name, valid in rows}


async def test_the_claim_index_migration_goes_down_and_up_on_a_table_with_claims(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "claims", DB, BEFORE)
    await execute(server, DB, (SEED,), (FILES,), (IN_FILES,))
    assert DROPPED <= (await _indexes(server)).keys()

    await asyncio.to_thread(command.upgrade, config, "head")
    upgraded = await _indexes(server)
    assert upgraded[ADDED] and all(upgraded.values())
    assert not DROPPED & upgraded.keys()
    assert await execute(server, DB, (LISTED,)) == [[["901", "MIG2,MIG4,MIG6"], ["902", None]]]
    assert await execute(server, DB, (MEMBER_OPTIONS,)) == ["{fillfactor=70}"]

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    downgraded = await _indexes(server)
    assert DROPPED <= downgraded.keys() and all(downgraded.values()) and ADDED not in downgraded
    assert await execute(server, DB, (MEMBER_OPTIONS,)) == [None]

    await asyncio.to_thread(command.upgrade, config, "head")
    assert (await _indexes(server)).keys() == upgraded.keys()
