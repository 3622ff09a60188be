"""The inbox's time index as a BRIN, in every service's chain, on a database whose inbox holds rows: the upgrade
swaps the B-tree for a BRIN of the same name and keeps every row; the downgrade builds the B-tree back; upgrading
again lands in the same place; and the retention deletes exactly the old rows whichever form the index has."""
import asyncio
import json
from datetime import timedelta

import asyncpg
import pytest
from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from shared.kafka.retention import prune_inbox
from tests.integration.figures_support import driver_url, execute, migrated
from tools.bench.stages import database_url

# Each service's revision before the BRIN: the downgrade gives a database the B-tree it had there.
BEFORE = {"gateway": "b5d7f9a1c3e6", "coding": "c4e1a7b3d9f2", "claims": "d7f9b1c3e5a8",
          "payments": "e8a0c2d4f6b9", "denials": "f9b1d3e5a7c0"}
SEED = """
INSERT INTO inbox_message (consumer, event_id, topic, processed_at)
SELECT 'mig-' || (i % 3), md5('event' || i)::uuid, 't', now() - interval '30 days' + make_interval(secs => i * 60)
FROM generate_series(1, 30000) AS i"""
ROWS = "SELECT md5(string_agg(consumer || ':' || event_id || ':' || processed_at, ',' ORDER BY consumer, event_id)) FROM inbox_message"
INDEXES = ("SELECT array_agg(ARRAY[c.relname::text, a.amname::text, i.indisvalid::text] ORDER BY c.relname) "
           "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
           "WHERE i.indrelid = 'inbox_message'::regclass")
OLD = "SELECT count(*) FROM inbox_message WHERE processed_at < now() - interval '14 days'"


async def _indexes(server: str, db: str) -> dict:
    return {name: (method, valid) for name, method, valid in (await execute(server, db, (INDEXES,)))[0]}


@pytest.mark.parametrize("service", sorted(BEFORE))
async def test_the_inbox_time_index_goes_to_brin_and_back_on_an_inbox_with_rows(infrastructure, service):
    server, db = infrastructure.database_url, f"inbox_time_index_{service}"
    config = await migrated(server, service, db)
    assert (await _indexes(server, db))["ix_inbox_processed_at"] == ("brin", "true")  # a new database's
    await asyncio.to_thread(command.downgrade, config, BEFORE[service])
    await execute(server, db, ("DELETE FROM inbox_message",), (SEED,))
    before = await _indexes(server, db)
    assert before == {"inbox_message_pkey": ("btree", "true"), "ix_inbox_processed_at": ("btree", "true")}
    rows = (await execute(server, db, (ROWS,)))[0]

    await asyncio.to_thread(command.upgrade, config, "head")
    after = await _indexes(server, db)
    assert after == {"inbox_message_pkey": ("btree", "true"), "ix_inbox_processed_at": ("brin", "true")}
    assert (await execute(server, db, (ROWS,)))[0] == rows

    await asyncio.to_thread(command.downgrade, config, BEFORE[service])
    assert await _indexes(server, db) == before
    assert (await execute(server, db, (ROWS,)))[0] == rows

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _indexes(server, db) == after


@pytest.mark.parametrize("form", ["btree", "brin"])
async def test_the_retention_deletes_exactly_the_old_rows_with_either_form_of_the_time_index(infrastructure, form):
    server, db = infrastructure.database_url, f"inbox_retention_{form}"
    config = await migrated(server, "denials", db)
    if form == "btree":
        await asyncio.to_thread(command.downgrade, config, BEFORE["denials"])
    await execute(server, db, ("DELETE FROM inbox_message",), (SEED,), ("VACUUM ANALYZE inbox_message",))
    old, total = await execute(server, db, (OLD,), ("SELECT count(*) FROM inbox_message",))
    engine = create_async_engine(driver_url(server, db))
    try:
        assert await prune_inbox(engine, older_than=timedelta(days=14), batch=1000) == old
    finally:
        await engine.dispose()
    assert await execute(server, db, (OLD,), ("SELECT count(*) FROM inbox_message",)) == [0, total - old]


NEWER = """INSERT INTO inbox_message (consumer, event_id, topic)
SELECT 'mig-new', gen_random_uuid(), 't' FROM generate_series(1, 10000)"""
# Nothing is due here (the retention deleted up to 14 days, this asks for an hour before that), so any row the
# read goes through is one of a range whose summary reaches back past what it holds.
NOTHING_DUE = ("EXPLAIN (ANALYZE, FORMAT JSON) SELECT ctid FROM inbox_message "
               "WHERE processed_at < now() - interval '14 days 1 hour'")


def _rechecked(plan: dict) -> int:
    return plan.get("Rows Removed by Index Recheck", 0) + sum(_rechecked(child) for child in plan.get("Plans", []))


@pytest.mark.parametrize("resummarized", [True, False])
async def test_pages_the_retention_emptied_take_new_rows_without_widening_its_next_read(
        infrastructure, monkeypatch, resummarized):
    server, db = infrastructure.database_url, f"inbox_brin_ranges_{resummarized}".lower()
    await migrated(server, "denials", db)
    await execute(server, db, ("DELETE FROM inbox_message",), (SEED,), ("VACUUM ANALYZE inbox_message",))
    if not resummarized:
        async def left_as_they_are(engine, ranges):
            return None
        monkeypatch.setattr("shared.kafka.retention.resummarize", left_as_they_are)
    engine = create_async_engine(driver_url(server, db))
    try:
        assert await prune_inbox(engine, older_than=timedelta(days=14)) > 20_000
    finally:
        await engine.dispose()
    await execute(server, db, ("VACUUM inbox_message",), (NEWER,), ("ANALYZE inbox_message",))
    conn = await asyncpg.connect(database_url(server, db))
    try:
        await conn.execute("SET enable_seqscan = off")  # the BRIN's read, as on an inbox too large to scan
        plan = json.loads(await conn.fetchval(NOTHING_DUE))[0]["Plan"]
    finally:
        await conn.close()
    # Without the summaries built again, the ranges that took the 10,000 new rows still reach back to the old
    # times, and the read goes through the new rows to drop them.
    if resummarized:
        assert _rechecked(plan) == 0, plan
    else:
        assert _rechecked(plan) >= 5_000, plan
