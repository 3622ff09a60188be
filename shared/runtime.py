"""What a running service holds: engine, producer, outbox relay, consumer runners, background loops.

Each service's bootstrap builds one and hands `runtime.lifespan` to its FastAPI app; tests use the
same composition root. Its health reports come from the consumer and relay loops it runs.
"""
import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaProducer
from fastapi import FastAPI
from sqlalchemy import text

from shared.collector import settle_after_start
from shared.db.engine import make_engine, make_session_factory
from shared.clock import Clock, system_clock
from shared.db.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shared.kafka.consumer import ConsumerRunner, EventRouter
from shared.kafka.records import FetchShape
from shared.kafka.producer import make_producer
from shared.health import LoopState, loop_problems
from shared.kafka.relay import OutboxRelay
from shared.kafka.security import kafka_security
from shared.kafka.retention import retention_loop
from shared.logging_setup import setup_logging
from shared.settings import PlatformSettings
from shared.telemetry import instrument_engine, setup_tracing

log = logging.getLogger(__name__)

BackgroundLoop = Callable[["ServiceRuntime"], Awaitable[None]]
DEPENDENCY_TIMEOUT_SECONDS = 2.0


class ServiceRuntime:
    def __init__(self, settings: PlatformSettings, *, router: EventRouter | None = None,
                 loops: tuple[BackgroundLoop, ...] = (), unit_of_work: type[UnitOfWork] = UnitOfWork,
                 clock: Clock = system_clock):
        self.settings = settings
        self.service = settings.service_name
        self.engine = make_engine(settings)
        instrument_engine(self.engine)
        self.sessions = make_session_factory(self.engine)
        # Built at start, not here: a producer made outside a started loop is only ever closed by its finalizer.
        self.producer: AIOKafkaProducer | None = None
        self.relay = OutboxRelay(self.engine, lambda: self._new_producer(f"{self.service}-outbox"),
                                 service=self.service, stall_after=settings.loop_stall_seconds)
        self.units_of_work = UnitOfWorkFactory(self.sessions, on_commit=self.relay.wake, unit_of_work=unit_of_work,
                                               clock=clock)
        self._router = router
        self._loops = (*loops, retention_loop)
        self._consumer: ConsumerRunner | None = None
        self._tasks: list[asyncio.Task] = []
        self.stopping = asyncio.Event()

    async def start(self) -> None:
        setup_logging(self.service, self.settings.log_level)
        setup_tracing(self.service, otlp_endpoint=self.settings.otel_exporter_otlp_endpoint,
                      span_log_dir=self.settings.span_log_dir)
        self.producer = self._new_producer(self.service)
        await self.producer.start()
        await self.relay.start()
        if self._router and self._router.subscriptions:
            self._consumer = self.consumer_runner()
            await self._consumer.start()
        self._tasks = [asyncio.create_task(self._guard(loop)) for loop in self._loops]
        settle_after_start()
        log.info("service started")

    def _new_producer(self, client_id: str) -> AIOKafkaProducer:
        settings = self.settings
        return make_producer(settings.kafka_bootstrap_servers, client_id=client_id, security=kafka_security(settings),
                             acks=settings.kafka_acks)

    def consumer_runner(self) -> ConsumerRunner:
        """The service's consumer group over its router, batched and committed as its settings say."""
        settings = self.settings
        return ConsumerRunner(
            group_id=self.service, router=self._router, bootstrap_servers=settings.kafka_bootstrap_servers,
            units_of_work=self.units_of_work, producer=self.producer, security=kafka_security(settings),
            fetch=FetchShape(min_bytes=settings.kafka_fetch_min_bytes, max_wait_ms=settings.kafka_fetch_max_wait_ms),
            commit_interval=settings.kafka_commit_interval_seconds,
            stall_after=settings.loop_stall_seconds,
        )

    async def _guard(self, loop: BackgroundLoop) -> None:
        """Background loops never die silently: an error is logged and the loop restarts."""
        while not self.stopping.is_set():
            try:
                await loop(self)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("background loop %s failed: %s", getattr(loop, "__name__", "loop"), type(exc).__name__)
                await asyncio.sleep(1)

    def liveness_problems(self) -> list[str]:
        """Why the process should be restarted: a dead or stalled consumer loop or outbox relay."""
        states = [LoopState("outbox relay", self.relay.alive, self.relay.heartbeat)]
        if self._consumer:
            states.append(LoopState("consumer", self._consumer.alive, self._consumer.heartbeat))
        return loop_problems(states, now=time.monotonic(), stale_after=self.settings.health_stale_seconds)

    async def readiness_problems(self) -> list[str]:
        """Liveness plus the dependencies: the database and the broker must answer."""
        problems = self.liveness_problems()
        checks = {"database": self._database_answers(), "broker": self._broker_answers()}
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check, DEPENDENCY_TIMEOUT_SECONDS)
            except Exception as exc:  # noqa: BLE001 - any failure means not ready
                problems.append(f"{name} unreachable ({type(exc).__name__})")
        return problems

    async def _database_answers(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def _broker_answers(self) -> None:
        if self.producer is None:
            raise ConnectionError("producer not started")
        await self.producer.client.fetch_all_metadata()

    async def stop(self) -> None:
        self.stopping.set()
        for task in self._tasks:
            task.cancel()
        if self._consumer:
            await self._consumer.stop()
        await self.relay.stop()
        if self.producer is not None:
            await self.producer.stop()
        await self.engine.dispose()
        log.info("service stopped")

    @contextlib.asynccontextmanager
    async def lifespan(self, app: FastAPI):
        app.state.runtime = self
        await self.start()
        try:
            yield
        finally:
            await self.stop()
