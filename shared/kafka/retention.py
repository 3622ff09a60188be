"""Retention of the inbox: it only needs to outlive the topics' own retention to catch every
redelivery. (The outbox needs none: the relay deletes each row in the transaction that sent it.)

Deletes run in bounded batches (short transactions, no long locks).
"""
import asyncio
import logging
from datetime import timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared import metrics
from shared.db.tables import INBOX_TIME_INDEX

log = logging.getLogger(__name__)
PRUNE_BATCH = 5000
PRUNE_INTERVAL_SECONDS = 600.0
RANGE_PAGES = 128  # the BRIN's pages_per_range (Postgres's default)

# One batch's delete. The old rows are picked by their physical place (`ctid`) and deleted by a TID scan: matched
# back by the key (`IN (subquery)`) Postgres plans a scan of the whole inbox for every batch. Inbox rows are never
# updated, so a row's place holds still within the statement. Answered: how many went, and the first page of each
# of the time index's block ranges they sat in.
PRUNE = text(f"""
WITH gone AS (
    DELETE FROM inbox_message WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM inbox_message WHERE processed_at < now() - CAST(:older_than AS interval) LIMIT :batch))
    RETURNING ctid)
SELECT count(*), coalesce(array_agg(DISTINCT (ctid::text::point)[0]::bigint / {RANGE_PAGES} * {RANGE_PAGES}),
                          CAST('{{}}' AS bigint[]))
FROM gone""")

# A BRIN keeps the lowest and highest time of each block range and never narrows them by itself: once the pages
# the retention emptied take new rows, their ranges would span the oldest times and the newest, and every batch
# after would read them all. Summarized again from the rows still there (none, or the newer ones), a range covers
# only the times it holds. Only where the time index is a BRIN (a database still at an earlier revision has a B-tree).
_WHERE_BRIN = f"""WHERE (SELECT a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam
                     WHERE c.oid = to_regclass('{INBOX_TIME_INDEX}')) = 'brin'"""
DESUMMARIZE = text(f"SELECT count(brin_desummarize_range('{INBOX_TIME_INDEX}', page)) "
                   f"FROM unnest(CAST(:ranges AS bigint[])) AS page {_WHERE_BRIN}")
SUMMARIZE = text(f"SELECT coalesce(sum(brin_summarize_range('{INBOX_TIME_INDEX}', page)), 0) "
                 f"FROM unnest(CAST(:ranges AS bigint[])) AS page {_WHERE_BRIN}")


def prune_statement(older_than: timedelta, batch: int):
    """One batch's delete with its parameters bound."""
    return PRUNE.bindparams(older_than=older_than, batch=batch)


async def prune_inbox(engine: AsyncEngine, *, older_than: timedelta, batch: int = PRUNE_BATCH) -> int:
    """Deletes inbox rows recorded more than `older_than` ago, then summarizes the time index's ranges they left
    from what is still in them; returns how many rows went."""
    statement = prune_statement(older_than, batch)
    total, ranges = 0, set()
    while True:
        async with engine.begin() as conn:
            deleted, emptied = (await conn.execute(statement)).one()
        total += deleted
        ranges.update(emptied)
        if deleted < batch:
            break
        await asyncio.sleep(0)  # let the service's other work in between batches
    if ranges:
        await resummarize(engine, sorted(ranges))
    return total


async def resummarize(engine: AsyncEngine, ranges: list[int]) -> None:
    """Each range's summary dropped, then built from the rows the range holds now (the deleted ones are dead to
    it once no transaction can still see them; a range summarized while one could is only as wide as before, and
    narrowed by the retention's next pass)."""
    async with engine.begin() as conn:
        await conn.execute(DESUMMARIZE, {"ranges": ranges})
    async with engine.begin() as conn:
        await conn.execute(SUMMARIZE, {"ranges": ranges})


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
