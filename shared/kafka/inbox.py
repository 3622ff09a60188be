"""The idempotent consumer: event ids recorded in the handler's own transaction."""
from uuid import UUID

from sqlalchemy import text

from shared.db.array_literals import array_literal
from shared.db.tables import inbox_message
from shared.db.transaction_driver import TransactionDriver
from shared.kafka.errors import ConcurrentDelivery, causes, sqlstate

# The batch's ids and topics travel as two arrays: one statement text whatever the batch's size, so a
# connection prepares it once (a multi-row VALUES list is a new statement for every batch size). The topics
# travel as an array literal (shared/db/array_literals.py), the ids as a list (shared/db/bulk.py's `_literal`).
# Ids already recorded are left out by the anti-join, and the rest are inserted plainly: an
# `ON CONFLICT DO NOTHING` insert is speculative, one more WAL record (its confirmation) for every row. An id
# a concurrent transaction inserts between the anti-join and the insert (a zombie consumer still handling the
# batch after a rebalance) fails the insert on the key instead; `claim_new_events` turns that into a retry.
# `OFFSET 0` keeps the test a probe of the key per id: as a join, an inbox of a few thousand rows was planned as a
# read of all of the consumer's rows for every batch.
CLAIM_NEW = text("""
INSERT INTO inbox_message (consumer, event_id, topic)
SELECT CAST(:consumer AS text), e.event_id, e.topic
FROM unnest(CAST(:event_ids AS uuid[]), CAST(CAST(:topics AS text) AS text[])) AS e(event_id, topic)
WHERE NOT EXISTS (
    SELECT FROM inbox_message seen WHERE seen.consumer = CAST(:consumer AS text) AND seen.event_id = e.event_id
    OFFSET 0)
RETURNING event_id
""").columns(inbox_message.c.event_id)
INBOX_KEY = "inbox_message_pkey"
UNIQUE_VIOLATION = "23505"


async def claim_new_events(driver: TransactionDriver, consumer: str, events: list[tuple[UUID, str]]) -> set[UUID]:
    """Insert (consumer, event_id) rows in the unit of work's transaction; returns the ids not seen before.
    One round trip per batch. Raises `ConcurrentDelivery` (transient: the batch is retried, and the retry
    skips what the other transaction committed) when another consumer recorded one of the ids meanwhile."""
    if not events:
        return set()
    topics = dict(events)  # a batch can hold the same event twice: one row for it
    try:
        rows = await driver.fetch(CLAIM_NEW, {"consumer": consumer,
                                              "event_ids": list(topics),
                                              "topics": array_literal(list(topics.values()))})
    except Exception as exc:
        if _recorded_meanwhile(exc):
            raise ConcurrentDelivery("an event of the batch was recorded by another transaction") from exc
        raise
    return {row[0] for row in rows}


def _recorded_meanwhile(exc: BaseException) -> bool:
    return any(sqlstate(link) == UNIQUE_VIOLATION and getattr(link, "constraint_name", None) == INBOX_KEY
               for link in causes(exc))
