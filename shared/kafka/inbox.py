"""The idempotent consumer: event ids recorded in the handler's own transaction."""
from uuid import UUID

from sqlalchemy import text

from shared.db.array_literals import array_literal
from shared.db.tables import inbox_message
from shared.db.transaction_driver import TransactionDriver

# The batch's ids and topics travel as two arrays: one statement text whatever the batch's size, so a
# connection prepares it once (a multi-row VALUES list is a new statement for every batch size). The topics
# travel as an array literal (shared/db/array_literals.py), the ids as a list (shared/db/bulk.py's `_literal`).
CLAIM_NEW = text("""
INSERT INTO inbox_message (consumer, event_id, topic)
SELECT CAST(:consumer AS text), e.event_id, e.topic
FROM unnest(CAST(:event_ids AS uuid[]), CAST(CAST(:topics AS text) AS text[])) AS e(event_id, topic)
ON CONFLICT DO NOTHING
RETURNING event_id
""").columns(inbox_message.c.event_id)


async def claim_new_events(driver: TransactionDriver, consumer: str, events: list[tuple[UUID, str]]) -> set[UUID]:
    """Insert (consumer, event_id) rows in the unit of work's transaction; returns the ids not seen before.
    One round trip per batch."""
    if not events:
        return set()
    topics = dict(events)  # a batch can hold the same event twice: one row for it
    rows = await driver.fetch(CLAIM_NEW, {"consumer": consumer,
                                          "event_ids": list(topics),
                                          "topics": array_literal(list(topics.values()))})
    return {row[0] for row in rows}
