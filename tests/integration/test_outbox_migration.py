"""The migration to an outbox without sent rows, on a database whose outbox still marks them: the upgrade
deletes the marked rows (more than one batch of them), keeps the unsent and parked ones and drops the
column and both of its indexes; the downgrade brings the column and indexes back over the kept rows, and
upgrading again lands in the same place."""
import asyncio

from alembic import command

from tests.integration.figures_support import execute, migrated

BEFORE = "4b450d9d03c0"  # the gateway's revision before the outbox stopped marking sent rows
DB = "outbox_migration"  # billing_outbox_migration: a database of its own, migrated back and forth
MARKED_INDEXES = {"ix_outbox_published_at", "ix_outbox_unpublished"}
SEED = """
INSERT INTO outbox_message (event_id, topic, message_key, value, published_at, parked_at, park_reason)
SELECT gen_random_uuid(), 'mig.' || kind, 'k', 'v',
       CASE WHEN kind = 'sent' THEN now() END,
       CASE WHEN kind = 'parked' THEN now() END,
       CASE WHEN kind = 'parked' THEN 'MessageSizeTooLargeError' END
FROM (SELECT CASE WHEN i <= 12000 THEN 'sent' WHEN i <= 12003 THEN 'unsent' ELSE 'parked' END AS kind
      FROM generate_series(1, 12004) AS i) AS rows
"""
KEPT = "SELECT array_agg(topic ORDER BY id)::text FROM outbox_message"
COLUMN = ("SELECT count(*) FROM information_schema.columns "
          "WHERE table_name = 'outbox_message' AND column_name = 'published_at'")
INDEXES = "SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE tablename = 'outbox_message'"


async def test_the_outbox_migration_deletes_sent_rows_and_goes_down_and_up(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "gateway", DB)
    # A database made today has no marks; the downgrade gives it the outbox as it was before the change.
    await asyncio.to_thread(command.downgrade, config, BEFORE)
    await execute(server, DB, ("DELETE FROM outbox_message",), (SEED,))
    assert await execute(server, DB, (COLUMN,)) == [1]
    assert MARKED_INDEXES <= set((await execute(server, DB, (INDEXES,)))[0])

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await execute(server, DB, (KEPT,), (COLUMN,)) == ["{mig.unsent,mig.unsent,mig.unsent,mig.parked}", 0]
    upgraded = set((await execute(server, DB, (INDEXES,)))[0])
    assert not MARKED_INDEXES & upgraded

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert await execute(server, DB, (COLUMN,), ("SELECT count(*) FROM outbox_message WHERE published_at IS NULL",)) \
        == [1, 4]
    assert MARKED_INDEXES <= set((await execute(server, DB, (INDEXES,)))[0])

    await asyncio.to_thread(command.upgrade, config, "head")
    assert set((await execute(server, DB, (INDEXES,)))[0]) == upgraded
    assert await execute(server, DB, (KEPT,)) == ["{mig.unsent,mig.unsent,mig.unsent,mig.parked}"]
