"""Retention of the inbox: it only needs to outlive the topics' own retention to catch every
redelivery. (The outbox needs none: the relay deletes each row in the transaction that sent it.)

Deletes run in bounded batches (short transactions, no long locks).
"""
import asyncio
import logging
from datetime import timedelta

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine

from shared import metrics
from shared.db.tables import inbox_message

log = logging.getLogger(__name__)
PRUNE_BATCH = 5000
PRUNE_INTERVAL_SECONDS = 600.0


async def prune_inbox(engine: AsyncEngine, *, older_than: timedelta, batch: int = PRUNE_BATCH) -> int:
    """Deletes inbox rows recorded more than `older_than` ago; returns how many."""
    key = tuple_(inbox_message.c.consumer, inbox_message.c.event_id)
    old = (select(inbox_message.c.consumer, inbox_message.c.event_id)
           .where(inbox_message.c.processed_at < func.now() - older_than).limit(batch))
    statement = delete(inbox_message).where(key.in_(old))
    total = 0
    while True:
        async with engine.begin() as conn:
            deleted = (await conn.execute(statement)).rowcount
        total += deleted
        if deleted < batch:
            return total
        await asyncio.sleep(0)  # let the service's other work in between batches


async def prune_once(engine: AsyncEngine, *, service: str, inbox_retention: timedelta) -> int:
    inbox = await prune_inbox(engine, older_than=inbox_retention)
    metrics.INBOX_PRUNED.labels(service).inc(inbox)
    if inbox:
        log.info("retention deleted %d inbox rows", inbox)
    return inbox


async def retention_loop(runtime) -> None:
    """A ServiceRuntime background loop: prune now, then every few minutes."""
    while not runtime.stopping.is_set():
        await prune_once(runtime.engine, service=runtime.service,
                         inbox_retention=timedelta(days=runtime.settings.inbox_retention_days))
        try:
            await asyncio.wait_for(runtime.stopping.wait(), timeout=PRUNE_INTERVAL_SECONDS)
        except asyncio.TimeoutError:
            pass
