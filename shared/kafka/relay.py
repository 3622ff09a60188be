"""The outbox relay: publishes committed outbox rows to Kafka in batches, then deletes them.

One relay per service database publishes at a time: each batch's transaction takes a Postgres
advisory transaction lock, so events of one key leave in the order they were written even with
several replicas, and the lock ends with the transaction whatever happens (never left behind on a
pooled connection). The transaction that takes and locks a batch deletes the rows Kafka acknowledged,
so the outbox holds only rows not yet sent and parked ones: a sent row is written once (its insert) and
removed once, with no row version or index entry in between, and the outbox keeps no event once it is sent.
A crash after the send and before the commit re-sends the batch: at-least-once, and consumers dedupe by
event id. A row Kafka refuses for good is parked with its reason and the rows after it go on; the relay
owns its producer so it can replace one whose state a refusal broke.
"""
import asyncio
import logging
import time
import zlib
from collections.abc import Callable, Sequence

from aiokafka import AIOKafkaProducer
from aiokafka import errors as kafka_errors
from sqlalchemy import ARRAY, BigInteger, Boolean, any_, bindparam, column, delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared import metrics
from shared.db.tables import outbox_message
from shared.kafka.errors import is_transient
from shared.kafka.stall import until_ended_or_stalled
from shared.kafka.outbox_sending import is_refused, needs_new_producer, park_reason, send_rows, topic_exists

log = logging.getLogger(__name__)
BACKLOG_INTERVAL_SECONDS = 5.0
SEND_TIMEOUT_SECONDS = 60.0
STALL_SECONDS = 90.0

PARKED = outbox_message.c.parked_at.is_not(None)
# Both gauges in one statement: every row in the outbox is either waiting to be sent or parked.
BACKLOG_AND_PARKED = select(func.count().filter(outbox_message.c.parked_at.is_(None)),
                            func.count().filter(PARKED)).select_from(outbox_message)
# One statement text whatever the batch's size, so every connection prepares it once.
DELETE_SENT = delete(outbox_message).where(outbox_message.c.id == any_(bindparam("ids", type_=ARRAY(BigInteger))))
# The relay's own transaction only deletes the rows it sent and parks refused ones: it commits without
# waiting for the WAL flush (synchronous_commit off, this transaction only). A delete lost with a crash of
# Postgres means the rows are sent again, as after a crash between send and commit; consumers drop them by
# event id.
LEAD_AND_TAKE = text("""
WITH lead AS MATERIALIZED (
    SELECT pg_try_advisory_xact_lock(:k) AS leading, set_config('synchronous_commit', 'off', true))
SELECT lead.leading, o.id, o.topic, o.message_key, o.value, o.headers
FROM lead LEFT JOIN LATERAL (
    SELECT id, topic, message_key, value, headers FROM outbox_message
    WHERE lead.leading AND parked_at IS NULL
    ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED) AS o ON true
""").columns(column("leading", Boolean), outbox_message.c.id, outbox_message.c.topic,
             outbox_message.c.message_key, outbox_message.c.value, outbox_message.c.headers)


class IdlePause:
    """How long the relay waits for a wake before looking again. This process's commits wake it at
    once; the look without a wake is for rows no wake announced (another replica's while this one
    held the lock), so a leader that keeps finding nothing looks less and less often, up to
    `longest`, and a follower looks every `follower` seconds."""

    def __init__(self, first: float = 0.5, longest: float = 4.0, follower: float = 2.0):
        self.first, self.longest, self.follower = first, longest, follower
        self._next = first

    def after(self, settled: int, *, leading: bool) -> float:
        """The pause after a turn that settled `settled` rows (fewer than a full batch)."""
        if not leading:
            return self.follower
        if settled:
            self._next = self.first
        pause, self._next = self._next, min(self._next * 2, self.longest)
        return pause


class OutboxRelay:
    def __init__(self, engine: AsyncEngine, new_producer: Callable[[], AIOKafkaProducer], *, service: str,
                 batch_size: int = 500, stall_after: float = STALL_SECONDS):
        self._engine = engine
        self._new_producer = new_producer
        self._producer: AIOKafkaProducer | None = None
        self._service = service
        self._batch_size = batch_size
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._watch: asyncio.Task | None = None
        self._stall_after = stall_after
        self.restarts = 0
        self._lock_key = zlib.crc32(f"outbox-relay:{service}".encode())
        self.heartbeat: float | None = None  # time.monotonic() of the last completed cycle
        self.leading = False
        self._pause = IdlePause()

    def wake(self) -> None:
        self._wake.set()

    @property
    def alive(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        self._begin()
        self._watch = asyncio.create_task(self._restart_when_stalled(), name=f"outbox-relay-watch:{self._service}")

    def _begin(self) -> None:
        self.heartbeat = time.monotonic()
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay:{self._service}")

    async def _restart_when_stalled(self) -> None:
        """A relay stuck in an await is cancelled (its transaction rolls back: the rows stay to be sent) and
        started again on a new producer; one that ended otherwise is left to liveness."""
        while not self._stopping.is_set():
            assert self._task is not None
            stalled_at = await until_ended_or_stalled(self._task, lambda: self.heartbeat, stall_after=self._stall_after)
            if stalled_at is None or self._stopping.is_set():
                return
            self.restarts += 1
            log.error("outbox relay stalled for %.0fs in %s; restarting it", self._stall_after, stalled_at)
            await self._drop_producer()
            self._begin()

    async def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._watch:
            self._watch.cancel()
        if self._task:
            await asyncio.wait([self._task], timeout=15)
        await self._drop_producer()

    async def _run(self) -> None:
        measured = 0.0
        while not self._stopping.is_set():
            try:
                if time.monotonic() - measured > BACKLOG_INTERVAL_SECONDS:
                    measured = time.monotonic()
                    await self.measure_outbox()
                published = await self.publish_batch()
                self.heartbeat = time.monotonic()
                if published < self._batch_size:
                    await self._sleep(self._pause.after(published, leading=self.leading))
            except Exception as exc:  # noqa: BLE001 - the relay outlives every failure; health shows a stall
                self.heartbeat = time.monotonic()
                if not is_transient(exc):
                    log.error("outbox relay error: %s", type(exc).__name__)
                if needs_new_producer(exc):
                    await self._drop_producer()
                await self._sleep(1.0)

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            pass
        self._wake.clear()

    async def _ready_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self._new_producer()
            await producer.start()
            self._producer = producer
        return self._producer

    async def _drop_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                await asyncio.wait_for(producer.stop(), timeout=10)
            except Exception as exc:  # noqa: BLE001 - it is discarded either way
                log.warning("stopping the relay producer: %s", type(exc).__name__)

    async def _lead_and_take(self, conn: AsyncConnection) -> list:
        """One round trip: the advisory lock (it lives as long as this transaction, never longer) and,
        if this relay got it, the next rows waiting to be sent, locked."""
        rows = (await conn.execute(LEAD_AND_TAKE, {"k": self._lock_key, "n": self._batch_size})).all()
        self.leading = bool(rows and rows[0].leading)
        return [row for row in rows if row.id is not None]

    async def publish_batch(self) -> int:
        """Publishes up to one batch if this relay leads; returns the rows it settled (sent or parked)."""
        async with self._engine.begin() as conn:
            rows = await self._lead_and_take(conn)
            if not rows:
                return 0
            sent, parked = await self._send(rows)
            await self._settle(conn, sent, parked)
        metrics.OUTBOX_PUBLISHED.labels(self._service).inc(len(sent))
        if parked:
            await self.measure_outbox()
        return len(sent) + len(parked)

    async def _send(self, rows: Sequence) -> tuple[list[int], dict[int, str]]:
        """Sends the batch; rows refused in it are sent once more alone before being parked, as a
        refused record batch fails every row in it, not only the one at fault."""
        outcomes = await send_rows(await self._ready_producer(), rows, timeout=SEND_TIMEOUT_SECONDS)
        if outcomes.count(None) == len(rows):  # the usual batch: Kafka stored every row, nothing to judge
            return [row.id for row in rows], {}
        sent = [row.id for row, error in zip(rows, outcomes) if error is None]
        if any(needs_new_producer(error) or is_refused(error) for error in outcomes):
            await self._drop_producer()
        missing_topics = await self._missing_topics(rows, outcomes)
        parked: dict[int, str] = {}
        for row, error in zip(rows, outcomes):
            if row.topic in missing_topics:
                parked[row.id] = park_reason(kafka_errors.UnknownTopicOrPartitionError())
            elif is_refused(error):
                error = await self._send_alone(row)
                if error is None:
                    sent.append(row.id)
                elif is_refused(error):
                    parked[row.id] = park_reason(error)
        for row_id, reason in parked.items():
            log.error("outbox row parked: %s", reason, extra={"outbox_id": row_id})
        return sent, parked

    async def _missing_topics(self, rows: Sequence, outcomes: list[BaseException | None]) -> set[str]:
        """Topics Kafka had no metadata for, confirmed missing by a fresh look (not merely unreachable)."""
        unknown = {row.topic for row, error in zip(rows, outcomes)
                   if isinstance(error, kafka_errors.UnknownTopicOrPartitionError)}
        return {topic for topic in unknown if await topic_exists(await self._ready_producer(), topic) is False}

    async def _send_alone(self, row) -> BaseException | None:
        (error,) = await send_rows(await self._ready_producer(), [row], timeout=SEND_TIMEOUT_SECONDS)
        if needs_new_producer(error) or is_refused(error):
            await self._drop_producer()
        return error

    @staticmethod
    async def _settle(conn: AsyncConnection, sent: list[int], parked: dict[int, str]) -> None:
        """Deletes the sent rows and parks the refused ones, in the transaction that locked them."""
        if sent:
            await conn.execute(DELETE_SENT, {"ids": sent})
        for row_id, reason in parked.items():
            await conn.execute(update(outbox_message).where(outbox_message.c.id == row_id)
                               .values(parked_at=func.now(), park_reason=reason))

    async def measure_outbox(self) -> tuple[int, int]:
        """Sets both gauges, the backlog (a stalled relay shows here) and the parked rows, with one statement."""
        async with self._engine.connect() as conn:
            backlog, parked = (await conn.execute(BACKLOG_AND_PARKED)).one()
        metrics.OUTBOX_BACKLOG.labels(self._service).set(backlog)
        metrics.OUTBOX_PARKED.labels(self._service).set(parked)
        return backlog, parked


async def count_parked(engine: AsyncEngine) -> int:
    """Outbox rows Kafka refused for good, waiting for an operator."""
    async with engine.connect() as conn:
        return (await conn.execute(
            select(func.count()).select_from(outbox_message).where(PARKED)
        )).scalar_one()


async def parked_rows(engine: AsyncEngine, *, limit: int = 100) -> list[dict]:
    """The parked rows for an ops view: ids, topic, when and why; never the event's content."""
    columns = (outbox_message.c.id, outbox_message.c.event_id, outbox_message.c.topic,
               outbox_message.c.created_at, outbox_message.c.parked_at, outbox_message.c.park_reason)
    async with engine.connect() as conn:
        rows = await conn.execute(select(*columns).where(PARKED)
                                  .order_by(outbox_message.c.id).limit(limit))
        return [dict(row._mapping) for row in rows]
