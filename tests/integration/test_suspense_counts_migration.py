"""The migration to maintained open-suspense counts, on a database that already holds suspense items: the
upgrade counts the open ones per tenant and over every tenant, and from then on the triggers keep the counts
as items open, close and go; the downgrade brings the partial index back, and upgrading again counts anew."""
import asyncio

from alembic import command

from tests.integration.figures_support import execute, migrated

BEFORE = "a637f0b06cd2"
DB = "payments_suspense_counts"  # a database of its own, migrated back and forth
TENANTS = ("00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b")
SEED = """
INSERT INTO suspense_item (kind, tenant_id, remit_id, patient_control_number, payment, reason, status, created_at)
SELECT 'payment', CASE WHEN i % 3 = 0 THEN $1::uuid ELSE $2::uuid END, gen_random_uuid(), 'SUS' || i, '{}',
       'no claim', CASE WHEN i % 4 = 0 THEN 'closed' ELSE 'open' END, now()
FROM generate_series(1, 40) AS i
"""
COUNTS = ("SELECT array_agg(ARRAY[tenant_id::text, source_rows::text] ORDER BY tenant_id) FROM open_suspense",)
ALL = ("SELECT source_rows FROM open_suspense_all",)
INDEX = ("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_suspense_item_open'",)
EXPECTED = [[TENANTS[0], "10"], [TENANTS[1], "20"]]  # i % 3 = 0: 13 items, 3 closed; the other 27: 7 closed


async def test_the_suspense_counts_migration_counts_what_is_open_and_goes_down_and_up(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "payments", DB, BEFORE)
    await execute(server, DB, ("DELETE FROM suspense_item",), (SEED, *TENANTS))

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await execute(server, DB, COUNTS, ALL, INDEX) == [EXPECTED, 30, 0]
    await execute(server, DB, (f"UPDATE suspense_item SET status = 'closed' WHERE tenant_id = '{TENANTS[0]}'",),
                  ("DELETE FROM suspense_item WHERE patient_control_number = 'SUS1'",))
    assert await execute(server, DB, COUNTS, ALL) == [[[TENANTS[1], "19"]], 19]

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert await execute(server, DB, INDEX) == [1]

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await execute(server, DB, COUNTS, ALL, INDEX) == [[[TENANTS[1], "19"]], 19, 0]
