"""The outbox relay: publishes committed outbox rows to Kafka in batches, then marks them.

One relay per service database publishes at a time (a Postgres advisory lock), so events of one
key leave in the order they were written even with several replicas. A crash after the send and
before the mark re-sends the batch: at-least-once, and consumers dedupe by event id.
"""
import asyncio
import logging
import time
import zlib

from aiokafka import AIOKafkaProducer
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from shared import metrics
from shared.db.tables import outbox_message
from shared.kafka.errors import is_transient

log = logging.getLogger(__name__)
BACKLOG_INTERVAL_SECONDS = 5.0


class OutboxRelay:
    def __init__(self, engine: AsyncEngine, producer: AIOKafkaProducer, *, service: str, batch_size: int = 500):
        self._engine = engine
        self._producer = producer
        self._service = service
        self._batch_size = batch_size
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._lock_key = zlib.crc32(f"outbox-relay:{service}".encode())

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay:{self._service}")

    async def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._task:
            await asyncio.wait([self._task], timeout=15)

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.measure_backlog()
                async with self._engine.connect() as lock_conn:
                    if not await self._try_lock(lock_conn):
                        await self._sleep(2.0)
                        continue
                    await self._publish_while_leader()
            except Exception as exc:
                if not is_transient(exc):
                    log.error("outbox relay error: %s", type(exc).__name__)
                await self._sleep(1.0)

    async def _try_lock(self, conn) -> bool:
        result = await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._lock_key})
        await conn.commit()
        return bool(result.scalar())

    async def _publish_while_leader(self) -> None:
        measured = time.monotonic()
        while not self._stopping.is_set():
            published = await self.publish_batch()
            if time.monotonic() - measured > BACKLOG_INTERVAL_SECONDS:
                measured = time.monotonic()
                await self.measure_backlog()
            if published < self._batch_size:
                await self._sleep(0.5)

    async def measure_backlog(self) -> int:
        """Counts committed, unpublished rows (a partial index covers them); a stalled relay shows here."""
        async with self._engine.connect() as conn:
            backlog = (await conn.execute(
                select(func.count()).select_from(outbox_message).where(outbox_message.c.published_at.is_(None))
            )).scalar_one()
        metrics.OUTBOX_BACKLOG.labels(self._service).set(backlog)
        return backlog

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            pass
        self._wake.clear()

    async def publish_batch(self) -> int:
        async with self._engine.begin() as conn:
            rows = (
                await conn.execute(
                    select(outbox_message.c.id, outbox_message.c.topic, outbox_message.c.message_key,
                           outbox_message.c.value, outbox_message.c.headers)
                    .where(outbox_message.c.published_at.is_(None))
                    .order_by(outbox_message.c.id)
                    .limit(self._batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            futures = [
                await self._producer.send(
                    row.topic, value=row.value, key=row.message_key,
                    headers=[(k, str(v).encode()) for k, v in (row.headers or {}).items()],
                )
                for row in rows
            ]
            await asyncio.gather(*futures)
            await conn.execute(
                update(outbox_message).where(outbox_message.c.id.in_([r.id for r in rows])).values(published_at=text("now()"))
            )
        metrics.OUTBOX_PUBLISHED.labels(self._service).inc(len(rows))
        return len(rows)
