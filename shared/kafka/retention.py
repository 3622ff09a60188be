"""Retention of the outbox and inbox: published outbox rows hold PHI and must not stay forever,
and the inbox only needs to outlive the topics' own retention to catch every redelivery.

Deletes run in bounded batches (short transactions, no long locks); parked and unpublished
outbox rows are never touched.
"""
import asyncio
import logging
from datetime import timedelta

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine

from shared import metrics
from shared.db.tables import inbox_message, outbox_message

log = logging.getLogger(__name__)
PRUNE_BATCH = 5000
PRUNE_INTERVAL_SECONDS = 600.0


async def prune_published_outbox(engine: AsyncEngine, *, older_than: timedelta, batch: int = PRUNE_BATCH) -> int:
    """Deletes outbox rows published more than `older_than` ago; returns how many."""
    old = (select(outbox_message.c.id)
           .where(outbox_message.c.published_at < func.now() - older_than).limit(batch).scalar_subquery())
    return await _delete_in_batches(engine, delete(outbox_message).where(outbox_message.c.id.in_(old)), batch)


async def prune_inbox(engine: AsyncEngine, *, older_than: timedelta, batch: int = PRUNE_BATCH) -> int:
    """Deletes inbox rows recorded more than `older_than` ago; returns how many."""
    key = tuple_(inbox_message.c.consumer, inbox_message.c.event_id)
    old = (select(inbox_message.c.consumer, inbox_message.c.event_id)
           .where(inbox_message.c.processed_at < func.now() - older_than).limit(batch))
    return await _delete_in_batches(engine, delete(inbox_message).where(key.in_(old)), batch)


async def _delete_in_batches(engine: AsyncEngine, statement, batch: int) -> int:
    total = 0
    while True:
        async with engine.begin() as conn:
            deleted = (await conn.execute(statement)).rowcount
        total += deleted
        if deleted < batch:
            return total
        await asyncio.sleep(0)  # let the service's other work in between batches


async def prune_once(engine: AsyncEngine, *, service: str, outbox_retention: timedelta,
                     inbox_retention: timedelta) -> tuple[int, int]:
    outbox = await prune_published_outbox(engine, older_than=outbox_retention)
    inbox = await prune_inbox(engine, older_than=inbox_retention)
    metrics.OUTBOX_PRUNED.labels(service, "outbox_message").inc(outbox)
    metrics.OUTBOX_PRUNED.labels(service, "inbox_message").inc(inbox)
    if outbox or inbox:
        log.info("retention deleted %d outbox and %d inbox rows", outbox, inbox)
    return outbox, inbox


async def retention_loop(runtime) -> None:
    """A ServiceRuntime background loop: prune now, then every few minutes."""
    settings = runtime.settings
    while not runtime.stopping.is_set():
        await prune_once(runtime.engine, service=runtime.service,
                         outbox_retention=timedelta(hours=settings.outbox_retention_hours),
                         inbox_retention=timedelta(days=settings.inbox_retention_days))
        try:
            await asyncio.wait_for(runtime.stopping.wait(), timeout=PRUNE_INTERVAL_SECONDS)
        except asyncio.TimeoutError:
            pass
