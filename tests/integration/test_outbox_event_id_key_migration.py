"""The outbox without its unique key on `event_id`, in every service's chain, on a database whose outbox holds
rows: the upgrade drops the key and keeps every row and the primary key the relay reads by; the downgrade builds the
key back (a unique constraint, valid) over the kept rows; upgrading again lands in the same place."""
import asyncio

import pytest
from alembic import command

from tests.integration.figures_support import execute, migrated

# Each service's revision before the key went: a database made today has no key, the downgrade gives it one.
BEFORE = {"gateway": "f4b6d8a0c2e5", "coding": "e3a5c7b9d1f4", "claims": "d9f3b5c7e1a4",
          "payments": "a2c4e6f8b0d3", "denials": "9d3c258d01ae"}
KEY = "outbox_message_event_id_key"
SEED = """
INSERT INTO outbox_message (event_id, topic, message_key, value, parked_at, park_reason)
SELECT md5('event' || i)::uuid, 'mig.' || CASE WHEN i % 100 = 0 THEN 'parked' ELSE 'waiting' END, 'k', 'v',
       CASE WHEN i % 100 = 0 THEN now() END, CASE WHEN i % 100 = 0 THEN 'MessageSizeTooLargeError' END
FROM generate_series(1, 3000) AS i"""
ROWS = "SELECT md5(string_agg(id || ':' || event_id || ':' || topic, ',' ORDER BY id)) FROM outbox_message"
INDEXES = ("SELECT array_agg(ARRAY[c.relname::text, i.indisvalid::text, i.indisunique::text] ORDER BY c.relname) "
           "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'outbox_message'::regclass")
CONSTRAINTS = ("SELECT array_agg(conname::text ORDER BY conname) FROM pg_constraint "
               "WHERE conrelid = 'outbox_message'::regclass AND contype IN ('p', 'u')")


async def _shape(server: str, db: str) -> tuple[dict, list[str]]:
    """The outbox's indexes (name -> valid, unique) and its key constraints."""
    indexes, constraints = await execute(server, db, (INDEXES,), (CONSTRAINTS,))
    return {name: (valid, unique) for name, valid, unique in indexes}, constraints


@pytest.mark.parametrize("service", sorted(BEFORE))
async def test_the_outbox_event_id_key_goes_up_and_down_on_an_outbox_with_rows(infrastructure, service):
    server, db = infrastructure.database_url, f"outbox_event_id_key_{service}"
    config = await migrated(server, service, db)
    assert KEY not in (await _shape(server, db))[1]
    await asyncio.to_thread(command.downgrade, config, BEFORE[service])
    await execute(server, db, ("DELETE FROM outbox_message",), (SEED,))
    keyed = await _shape(server, db)
    assert keyed[0][KEY] == ("true", "true") and KEY in keyed[1]
    rows = (await execute(server, db, (ROWS,)))[0]

    await asyncio.to_thread(command.upgrade, config, "head")
    indexes, constraints = await _shape(server, db)
    assert indexes == {"outbox_message_pkey": ("true", "true")} and constraints == ["outbox_message_pkey"]
    assert (await execute(server, db, (ROWS,)))[0] == rows

    await asyncio.to_thread(command.downgrade, config, BEFORE[service])
    assert await _shape(server, db) == keyed
    assert (await execute(server, db, (ROWS,)))[0] == rows

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _shape(server, db) == (indexes, constraints)
