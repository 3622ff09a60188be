"""The idempotent consumer: event ids recorded in the handler's own transaction."""
from uuid import UUID

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.tables import inbox_message


async def claim_new_events(session: AsyncSession, consumer: str, events: list[tuple[UUID, str]]) -> set[UUID]:
    """Insert (consumer, event_id) rows; returns the ids not seen before. One round trip per batch."""
    if not events:
        return set()
    rows = [{"consumer": consumer, "event_id": event_id, "topic": topic} for event_id, topic in dict(events).items()]
    statement = insert(inbox_message).values(rows).on_conflict_do_nothing().returning(inbox_message.c.event_id)
    result = await session.execute(statement)
    return {row[0] for row in result}
