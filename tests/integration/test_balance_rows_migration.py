"""The migration that lets a claim's balance and its A/R aging member be rewritten in place, on a database that
already holds balances: the upgrade drops the covering index of open balances and leaves room on both tables'
pages, so that a posting's update of a balance inserted since stays on its page (HOT); the downgrade brings the
index and full pages back, and upgrading again lands in the same place."""
import asyncio

import asyncpg
from alembic import command

from tests.integration.figures_support import execute, migrated
from tools.bench.stages import database_url

BEFORE = "a9c1e3f5b7d2"
DB = "claim_balance_migration"  # billing_claim_balance_migration: a database of its own, migrated back and forth
INDEX = "ix_claim_balance_open"
TENANT = "00000000-0000-0000-0000-000000000001"
SEED = f"""
INSERT INTO claim_balance (claim_id, tenant_id, insurance_ar, patient_ar)
SELECT gen_random_uuid(), '{TENANT}', 100 + i, 0 FROM generate_series(1, 400) AS i
"""
OPTIONS = ("SELECT array_agg(coalesce(reloptions::text, '') ORDER BY relname) FROM pg_class "
           "WHERE relname IN ('ar_aging_member', 'claim_balance')")
ROOM = ["{fillfactor=70}", "{fillfactor=70}"]
INDEXES = ("SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_index i "
           "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'claim_balance'::regclass AND i.indisvalid")


async def _hot_updates_of_a_new_balance(server: str) -> int:
    """A balance inserted and then paid off in a later transaction: how many of the payment's updates were HOT."""
    conn = await asyncpg.connect(database_url(server, DB))
    try:
        claim_id = await conn.fetchval(f"INSERT INTO claim_balance (claim_id, tenant_id, insurance_ar, patient_ar) "
                                       f"VALUES (gen_random_uuid(), '{TENANT}', 120, 0) RETURNING claim_id")
        async with conn.transaction():
            await conn.execute("UPDATE claim_balance SET insurance_ar = 0, patient_ar = 20 WHERE claim_id = $1",
                               claim_id)
            return await conn.fetchval("SELECT pg_stat_get_xact_tuples_hot_updated('claim_balance'::regclass)")
    finally:
        await conn.close()


async def test_the_claim_balance_migration_goes_down_and_up_on_a_table_with_balances(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "payments", DB, BEFORE)
    await execute(server, DB, (SEED,))
    assert INDEX in (await execute(server, DB, (INDEXES,)))[0]

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await execute(server, DB, (INDEXES,), (OPTIONS,)) == [["claim_balance_pkey"], ROOM]
    assert await _hot_updates_of_a_new_balance(server) == 1

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert await execute(server, DB, (INDEXES,), (OPTIONS,)) == [["claim_balance_pkey", INDEX], ["", ""]]
    assert await _hot_updates_of_a_new_balance(server) == 0

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await execute(server, DB, (INDEXES,), (OPTIONS,)) == [["claim_balance_pkey"], ROOM]
