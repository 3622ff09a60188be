"""Retention of the inbox: it only needs to outlive the topics' own retention to catch every
redelivery. (The outbox needs none: the relay deletes each row in the transaction that sent it.)

Deletes run in bounded batches (short transactions, no long locks).
"""
import asyncio
import logging
from datetime import timedelta

from sqlalchemy import delete, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncEngine

from shared import metrics
from shared.db.tables import inbox_message

log = logging.getLogger(__name__)
PRUNE_BATCH = 5000
PRUNE_INTERVAL_SECONDS = 600.0


def prune_statement(older_than: timedelta, batch: int):
    """One batch's delete. The old rows are picked by their physical place (`ctid`) and deleted by a TID scan:
    matched back by the key (`IN (subquery)`) Postgres plans a scan of the whole inbox for every batch. Inbox rows
    are never updated, so a row's place holds still within the statement."""
    old = (select(literal_column("ctid")).select_from(inbox_message)
           .where(inbox_message.c.processed_at < func.now() - older_than).limit(batch))
    return delete(inbox_message).where(literal_column("ctid") == func.any(func.array(old.scalar_subquery())))


async def prune_inbox(engine: AsyncEngine, *, older_than: timedelta, batch: int = PRUNE_BATCH) -> int:
    """Deletes inbox rows recorded more than `older_than` ago; returns how many."""
    statement = prune_statement(older_than, batch)
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
