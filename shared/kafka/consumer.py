"""The consumer runner: batches in, one transaction per batch, offsets committed only after it.

A handler is a typed async function registered on an EventRouter; it receives the unit of work and
the parsed envelope, and must not commit. The runner records each event id in the inbox in the
same transaction, so a redelivered event changes nothing; permanent failures go to `<topic>.dlq`;
transient failures retry the whole batch with backoff and nothing is committed meanwhile.

The poll loop is supervised: if it dies anyway, or stops turning (an await that never returns), it is
restarted on a fresh AIOKafkaConsumer (which resumes from the committed offsets, so an uncommitted batch
is redelivered, never skipped), and `heartbeat` tells the health endpoints whether the loop still turns.
"""
import asyncio
import collections
import contextlib
import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError
from aiokafka.structs import ConsumerRecord
from pydantic import BaseModel

from shared import metrics
from shared.contracts.envelope import Envelope
from shared.contracts.registry import EVENT_TYPES
from shared.db.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shared.contracts.topics import dlq
from shared.kafka.dlq import Abandoned, dead_letter_envelope, send_to_dlq_until_stored
from shared.kafka.errors import PermanentError, describe, is_transient
from shared.kafka.inbox import claim_new_events
from shared.kafka.records import FetchShape, HeldOffsets, decode
from shared.kafka.stall import until_ended_or_stalled
from shared.telemetry import consume_span

log = logging.getLogger(__name__)

Handler = Callable[[UnitOfWork, Envelope], Awaitable[None]]
BatchHandler = Callable[[UnitOfWork, "EventBatch"], Awaitable[None]]
LAG_INTERVAL_SECONDS = 5.0
LAG_TIMEOUT_SECONDS = 5.0
MAX_RESTART_DELAY_SECONDS = 30.0
STALL_SECONDS = 90.0
STOP_SECONDS = 15.0


@dataclass(frozen=True)
class Subscription:
    topic: str
    handler: Handler
    event_type: str
    model: type[BaseModel]
    dead_letters: bool = False
    batch: bool = False


class EventRouter:
    """Groups a service's handlers: `@router.subscribe("claim.coded")` over `async def f(uow, event)`.

    The payload model comes from the contract registry; `model=` is for topics outside it (tests).
    """

    def __init__(self) -> None:
        self.subscriptions: dict[str, Subscription] = {}

    def subscribe(self, topic: str, *, model: type[BaseModel] | None = None) -> Callable[[Handler], Handler]:
        event_type = EVENT_TYPES[topic].name if model is None else topic
        payload_model = model or EVENT_TYPES[topic].model

        def register(handler: Handler) -> Handler:
            self.subscriptions[topic] = Subscription(topic, handler, event_type, payload_model)
            return handler

        return register

    def subscribe_batch(self, topic: str, *, model: type[BaseModel] | None = None) -> Callable[[BatchHandler], BatchHandler]:
        """`async def f(uow, batch: EventBatch)`: the new events of one topic at once, for set-based use cases.

        Consecutive events of the topic in a polled batch arrive together, in offset order; events of other
        topics between them keep their place. The handler reads in bulk, then walks `batch.traced()`."""
        event_type = EVENT_TYPES[topic].name if model is None else topic
        payload_model = model or EVENT_TYPES[topic].model

        def register(handler: BatchHandler) -> BatchHandler:
            self.subscriptions[topic] = Subscription(topic, handler, event_type, payload_model, batch=True)
            return handler

        return register

    def subscribe_dead_letters(self, topic: str) -> Callable[[Handler], Handler]:
        """`<topic>.dlq` for a read model: the handler gets an Envelope[DeadLetter] with the reason.

        A dead letter without a readable envelope (tenant, subject) is skipped: it stays in the DLQ for ops."""
        def register(handler: Handler) -> Handler:
            self.subscriptions[dlq(topic)] = Subscription(dlq(topic), handler, topic, BaseModel, dead_letters=True)
            return handler

        return register


@dataclass
class Parsed:
    record: ConsumerRecord
    envelope: Envelope


class EventBatch:
    """New (not yet seen) events of one topic, handed to a batch handler in offset order."""

    def __init__(self, items: list[Parsed], group_id: str):
        self._items = items
        self._group_id = group_id
        self._walks: list[Iterator[Envelope]] = []

    @property
    def envelopes(self) -> list[Envelope]:
        return [item.envelope for item in self._items]

    def __len__(self) -> int:
        return len(self._items)

    def traced(self) -> Iterator[Envelope]:
        """Each envelope inside its own consumer span: what the handler emits meanwhile joins that event's trace."""
        walk = self._walk()
        self._walks.append(walk)
        return walk

    def close(self) -> None:
        """Ends a span a failing handler left open, in the task that opened it."""
        for walk in self._walks:
            walk.close()

    def _walk(self) -> Iterator[Envelope]:
        handling = metrics.EVENT_HANDLING_SECONDS.labels(self._group_id, self._items[0].record.topic)
        for item in self._items:
            started = time.perf_counter()
            with consume_span(item.record, item.envelope, self._group_id):
                yield item.envelope
            handling.observe(time.perf_counter() - started)


class _WaitForBatch(ConsumerRebalanceListener):
    """Lets an in-flight batch finish before partitions move, and commits the offsets held so far."""

    def __init__(self, lock: asyncio.Lock, commit_held: Callable[[], Awaitable[None]]):
        self._lock = lock
        self._commit_held = commit_held

    async def on_partitions_revoked(self, revoked):
        async with self._lock:
            await self._commit_held()

    async def on_partitions_assigned(self, assigned):
        pass


class ConsumerRunner:
    def __init__(
        self,
        *,
        group_id: str,
        router: EventRouter,
        bootstrap_servers: str,
        units_of_work: UnitOfWorkFactory,
        producer: AIOKafkaProducer,
        max_batch: int = 500,
        security: dict | None = None,
        fetch: FetchShape | None = None,
        commit_interval: float = 0.0,
        stall_after: float = STALL_SECONDS,
    ):
        self.group_id = group_id
        self._router = router
        self._units_of_work = units_of_work
        self._producer = producer
        self._max_batch = max_batch
        self._bootstrap_servers = bootstrap_servers
        self._lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._supervisor: asyncio.Task | None = None
        self.heartbeat: float | None = None  # time.monotonic() of the last turn of the poll loop
        self.restarts = 0
        self._security = security or {}
        self._fetch = fetch or FetchShape()
        self._held = HeldOffsets(commit_interval)
        self._lag_gauges: dict[TopicPartition, metrics.Gauge] = {}
        self._stall_after = stall_after
        self._consumer = self._new_consumer()

    def _new_consumer(self) -> AIOKafkaConsumer:
        return AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap_servers,
            **self._security,
            group_id=self.group_id,
            client_id=self.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=self._max_batch,
            fetch_min_bytes=self._fetch.min_bytes,
            fetch_max_wait_ms=self._fetch.max_wait_ms,
            session_timeout_ms=10000,
            heartbeat_interval_ms=2000,
            max_poll_interval_ms=300000,
        )

    async def start(self) -> None:
        await self._subscribe()
        self._supervisor = asyncio.create_task(self._supervise(), name=f"consumer-supervisor:{self.group_id}")

    async def _subscribe(self) -> None:
        await self._consumer.start()
        self._consumer.subscribe(list(self._router.subscriptions),
                                 listener=_WaitForBatch(self._lock, self._commit_held))
        self.heartbeat = time.monotonic()
        self._task = asyncio.create_task(self._run(), name=f"consumer:{self.group_id}")

    async def stop(self) -> None:
        """Graceful: finish the batch in hand, commit it, leave the group."""
        self._stopping.set()
        tasks = [t for t in (self._supervisor, self._task) if t]
        if tasks:
            await asyncio.wait(tasks, timeout=30)
        if self._supervisor and not self._supervisor.done():
            self._supervisor.cancel()
        if self._task is None or self._task.done():  # the loop ended between batches: nothing in hand
            await _within(STOP_SECONDS, self._commit_held(), "committing at the stop")
        else:  # a loop that did not end in time: its batch in hand is redelivered
            self._task.cancel()
        await _within(STOP_SECONDS, self._consumer.stop(), "stopping the consumer")

    @property
    def alive(self) -> bool:
        """Whether the poll loop and its supervisor are running (health reads this and `heartbeat`)."""
        running = self._task is not None and not self._task.done()
        return running and self._supervisor is not None and not self._supervisor.done()

    async def _supervise(self) -> None:
        """Restarts a poll loop that died or stalled, on a fresh consumer, with backoff; counts every restart."""
        delay = 1.0
        while not self._stopping.is_set():
            assert self._task is not None
            started = time.monotonic()
            stalled_at = await until_ended_or_stalled(self._task, lambda: self.heartbeat, stall_after=self._stall_after)
            if self._stopping.is_set():
                return
            self._record_death(self._task, stalled_at=stalled_at)
            if time.monotonic() - started > 10 * MAX_RESTART_DELAY_SECONDS:
                delay = 1.0  # a loop that ran for long before dying is not a restart loop
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=delay)
            if self._stopping.is_set():
                return
            delay = min(delay * 2, MAX_RESTART_DELAY_SECONDS)
            await self._replace_consumer()

    def _record_death(self, task: asyncio.Task, *, stalled_at: str | None = None) -> None:
        self.restarts += 1
        metrics.CONSUMER_RESTARTS.labels(self.group_id).inc()
        reason = (f"stalled for {self._stall_after:.0f}s in {stalled_at}" if stalled_at is not None
                  else "cancelled" if task.cancelled()
                  else type(task.exception()).__name__ if task.exception() else "returned")
        log.error("consumer loop stopped (%s); restarting it", reason, extra={"group": self.group_id})

    async def _replace_consumer(self) -> None:
        """A fresh consumer rejoins the group at the committed offsets; failures retry in the loop."""
        old, self._consumer = self._consumer, self._new_consumer()
        self._held.drop()
        try:
            await asyncio.wait_for(old.stop(), timeout=15)
        except Exception as exc:  # noqa: BLE001 - the old consumer is discarded either way
            log.warning("stopping the failed consumer: %s", type(exc).__name__)
        try:
            await self._subscribe()
        except Exception as exc:  # noqa: BLE001 - broker unreachable: a dead task makes the supervisor retry
            log.warning("consumer restart failed: %s", type(exc).__name__, extra={"group": self.group_id})
            self._task = asyncio.create_task(asyncio.sleep(0), name=f"consumer-restart-failed:{self.group_id}")

    async def _run(self) -> None:
        try:
            await self._poll_until_stopped()
        except Abandoned:
            log.info("stopping with a batch uncommitted; it will be redelivered", extra={"group": self.group_id})

    async def _poll_until_stopped(self) -> None:
        lag = asyncio.create_task(self._measure_lag_every(LAG_INTERVAL_SECONDS), name=f"consumer-lag:{self.group_id}")
        try:
            await self._poll()
        finally:
            lag.cancel()

    async def _poll(self) -> None:
        while not self._stopping.is_set():
            self.heartbeat = time.monotonic()
            try:
                batch = await self._consumer.getmany(timeout_ms=200, max_records=self._max_batch)
            except Exception:
                log.exception("consumer poll failed; retrying", extra={"group": self.group_id})
                await asyncio.sleep(1)
                continue
            records = [r for part in batch.values() for r in part]
            async with self._lock:
                dead_lettered = await self._handle_until_done(records) if records else 0
                self._held.add(records)
                if dead_lettered or self._held.due(time.monotonic()):
                    await self._commit_held()  # a dead letter's offset at once: its DLQ entry is not deduplicated
            self._update_lag(batch)

    async def _handle_until_done(self, records: list[ConsumerRecord]) -> int:
        """Handles the batch, retrying transient failures; returns how many records it dead-lettered."""
        delay = 0.2
        while True:
            started = time.perf_counter()
            try:
                dead_lettered = await self._handle_batch(records)
                metrics.HANDLING_SECONDS.labels(self.group_id).observe(time.perf_counter() - started)
                return dead_lettered
            except Exception as exc:
                if not is_transient(exc):
                    raise
                if self._stopping.is_set():
                    raise Abandoned() from exc
                self.heartbeat = time.monotonic()  # waiting out an outage on purpose: alive, not stuck
                metrics.BATCH_RETRIES.labels(self.group_id).inc()
                log.warning("transient failure (%s); retrying batch in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _handle_batch(self, records: list[ConsumerRecord]) -> int:
        parsed, failures = self._parse(records)
        if parsed:
            try:
                await self._apply(parsed)
            except Exception as exc:
                if is_transient(exc):
                    raise
                failures += await self._apply_one_by_one(parsed)
        failures = self._without_dead_letters(failures)
        if failures:
            await send_to_dlq_until_stored(
                self._producer, failures, group_id=self.group_id, stopping=self._stopping.is_set,
                on_retry=self._dlq_retried,
            )
            for record, error in failures:
                metrics.EVENTS_FAILED.labels(self.group_id, record.topic).inc()
                log.warning("sent to DLQ: %s", error, extra={"topic": record.topic, "offset": record.offset})
        return len(failures)

    def _without_dead_letters(self, failures: list[tuple[ConsumerRecord, str]]) -> list[tuple[ConsumerRecord, str]]:
        """A dead letter a read model could not use stays where it is, in its DLQ: logged, never re-dead-lettered."""
        kept = []
        for record, error in failures:
            subscription = self._router.subscriptions.get(record.topic)
            if subscription is not None and subscription.dead_letters:
                log.warning("dead letter not applied: %s", error, extra={"topic": record.topic, "offset": record.offset})
            else:
                kept.append((record, error))
        return kept

    def _parse(self, records: list[ConsumerRecord]) -> tuple[list[Parsed], list[tuple[ConsumerRecord, str]]]:
        parsed, failures = [], []
        for record in records:
            subscription = self._router.subscriptions.get(record.topic)
            if subscription is not None and subscription.dead_letters:
                envelope = dead_letter_envelope(record)
                if envelope is None:
                    log.warning("dead letter without a readable envelope left to ops",
                                extra={"topic": record.topic, "offset": record.offset})
                else:
                    parsed.append(Parsed(record, envelope))
                continue
            try:
                parsed.append(Parsed(record, decode(record, self._router.subscriptions[record.topic])))
            except Exception as exc:  # noqa: BLE001 - every parse failure is permanent by definition
                failures.append((record, describe(exc)))
        return parsed, failures

    async def _apply(self, items: list[Parsed]) -> None:
        async with self._units_of_work() as uow:
            new_ids = await claim_new_events(
                await uow.driver(), self.group_id, [(i.envelope.event_id, i.record.topic) for i in items]
            )
            fresh = []
            for item in items:
                if item.envelope.event_id not in new_ids:
                    metrics.EVENTS_DUPLICATE.labels(self.group_id, item.record.topic).inc()
                    continue
                new_ids.discard(item.envelope.event_id)  # a batch can hold the same event twice
                fresh.append(item)
            for run in _runs_by_topic(fresh):
                subscription = self._router.subscriptions[run[0].record.topic]
                if subscription.batch:
                    batch = EventBatch(run, self.group_id)
                    try:
                        await subscription.handler(uow, batch)
                    finally:
                        batch.close()
                    continue
                handling = metrics.EVENT_HANDLING_SECONDS.labels(self.group_id, subscription.topic)
                for item in run:
                    started = time.perf_counter()
                    with consume_span(item.record, item.envelope, self.group_id):
                        await subscription.handler(uow, item.envelope)
                    handling.observe(time.perf_counter() - started)
        # One labelled child per topic, not per event: a label lookup takes a lock and costs more than the count.
        for topic, count in collections.Counter(item.record.topic for item in items).items():
            metrics.EVENTS_PROCESSED.labels(self.group_id, topic).inc(count)

    async def _apply_one_by_one(self, items: list[Parsed]) -> list[tuple[ConsumerRecord, str]]:
        """After a batch failed on a permanent error: isolate the bad messages, keep the good ones."""
        failures = []
        for item in items:
            try:
                await self._apply([item])
            except Exception as exc:
                if is_transient(exc):
                    raise
                if not isinstance(exc, PermanentError):
                    # A bug, not bad input: keep the stack (frames only; the message may hold PHI).
                    log.error(
                        "handler raised %s\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)),
                        extra={"topic": item.record.topic, "event_id": str(item.envelope.event_id)},
                    )
                failures.append((item.record, describe(exc)))
        return failures

    def _dlq_retried(self) -> None:
        self.heartbeat = time.monotonic()
        metrics.DLQ_SEND_RETRIES.labels(self.group_id).inc()

    async def _commit_held(self) -> None:
        """Commits the offsets of the batches handled since the last commit (called holding the lock)."""
        if self._held:
            await self._commit_until_done(self._held.take(time.monotonic()))

    async def _commit_until_done(self, offsets: dict[TopicPartition, int]) -> None:
        """Retries a commit that failed on a retriable error; any other failure only means redelivery."""
        delay = 0.2
        while True:
            try:
                await self._consumer.commit(offsets)
                return
            except (CommitFailedError, IllegalStateError) as exc:
                # The group rebalanced; the new owner re-reads these and the inbox skips them.
                log.warning("offset commit lost to a rebalance: %s", type(exc).__name__)
                return
            except Exception as exc:  # noqa: BLE001 - an uncommitted batch is redelivered, never lost
                if not is_transient(exc) or self._stopping.is_set():
                    log.warning("offset commit failed (%s); the batch will be redelivered", type(exc).__name__)
                    return
            self.heartbeat = time.monotonic()
            metrics.COMMIT_RETRIES.labels(self.group_id).inc()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)

    async def _measure_lag_every(self, seconds: float) -> None:
        """The lag gauges every `seconds`, beside the poll loop, never in it: the broker answers the end offsets'
        request on its connection after the fetch in flight, so the answer can take the fetch's whole wait
        (`fetch_max_wait_ms`), and a loop waiting for it would leave the records already fetched unhandled."""
        while True:
            await self._measure_lag()
            await asyncio.sleep(seconds)

    async def _measure_lag(self) -> None:
        """Lag of every assigned partition, idle ones included: end offset minus our position."""
        assigned = list(self._consumer.assignment())
        if not assigned:
            return
        try:
            # Bounded: `position` waits for a partition's position to be known, for as long as that takes.
            await asyncio.wait_for(self._set_lag(assigned), LAG_TIMEOUT_SECONDS)
        except Exception as exc:  # noqa: BLE001 - a metric must never stop consumption
            log.debug("lag measurement skipped: %s", type(exc).__name__)

    async def _set_lag(self, assigned: list[TopicPartition]) -> None:
        ends = await self._consumer.end_offsets(assigned)
        for tp in assigned:
            position = await self._consumer.position(tp)
            self._lag_gauge(tp).set(max(ends[tp] - position, 0))

    def _update_lag(self, batch: dict) -> None:
        for tp, part in batch.items():
            highwater = self._consumer.highwater(tp)
            if highwater is not None and part:
                self._lag_gauge(tp).set(highwater - part[-1].offset - 1)

    def _lag_gauge(self, tp: TopicPartition):
        """A partition's lag gauge, looked up once: a label lookup takes a lock and costs more than the set."""
        gauge = self._lag_gauges.get(tp)
        if gauge is None:
            gauge = self._lag_gauges[tp] = metrics.CONSUMER_LAG.labels(self.group_id, tp.topic, str(tp.partition))
        return gauge


async def _within(seconds: float, step: Awaitable[None], what: str) -> None:
    """A step of the stop that must not hold the process's shutdown forever."""
    try:
        await asyncio.wait_for(step, seconds)
    except Exception as exc:  # noqa: BLE001 - the process is going away: an uncommitted batch is redelivered
        log.warning("%s: %s", what, type(exc).__name__)


def _runs_by_topic(items: list[Parsed]) -> list[list[Parsed]]:
    """Consecutive items of one topic together; the order across topics is kept."""
    runs: list[list[Parsed]] = []
    for item in items:
        if runs and runs[-1][0].record.topic == item.record.topic:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs
