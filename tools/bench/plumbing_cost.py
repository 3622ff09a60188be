"""What the shared plumbing costs per Kafka delivery, with no domain code: a chain of hops through the
outbox, the relay, the broker, the consumer runner and the inbox, on a real Kafka and a durable Postgres.

    BENCH_PORT_BASE=25000 .venv/bin/python -m tools.bench.plumbing_cost [--rate 60] [--seconds 20] [--hops 3] \
        [--idle-seconds 10] [--profile FILE] [--fetch 100:16384 --fetch 500:1 ...]

Starts a Kafka broker and an embedded Postgres of its own (`.run/plumbing-cost`, ports from
BENCH_PORT_BASE like the benchmark's stack), then runs one service's worth of plumbing in this process,
built by `ServiceRuntime` as every service is (engine, relay, consumer runner, tracing to JSON lines):
`--rate` events a second are emitted to the first of `--hops` topics (6 partitions each) through the
outbox, as the gateway's intake does; each hop's batch handler emits one event to the next topic for
each it gets, as a consumer does. Nothing else runs, so everything measured is the plumbing. Printed
per delivery (one event consumed by one consumer): this process's CPU, the broker's, Postgres's (all
its processes), SQL statements (an executemany is one) and Kafka requests by kind; the mean batch a
consumer handled; the WAL the loaded phase wrote (`pg_walinspect`: bytes and records by kind, B-tree
leaf inserts by index, heap updates and their HOT share); then the same processes' CPU per second while
idle. Relative figures: the machine is shared; the WAL and index figures do not depend on the load.
"""
import argparse
import asyncio
import collections
import cProfile
import json
import time
import uuid
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.conn import AIOKafkaConnection
from pydantic import BaseModel
from sqlalchemy import event

from shared.contracts import registry
from shared.db.migrate import ensure_database
from shared.db.tables import infra_metadata
from shared.kafka.consumer import ConsumerRunner, EventRouter
from shared.kafka.security import client_options
from shared.runtime import ServiceRuntime
from shared.settings import PlatformSettings
from tools.bench import resources
from tools.bench.pipeline import bench_stack
from tools.bench.stages import database_url
from tools.bench.walinspect import wal_between
from tools.devstack.stack import Stack

RUN_DIR = Path(__file__).resolve().parents[2] / ".run" / "plumbing-cost"
PARTITIONS = 6
FEED_TICK_SECONDS = 0.05


class Hop(BaseModel):
    """About the size of the pipeline's mean event (1 kB)."""

    n: int
    note: str = "x" * 900


class PlumbingSettings(PlatformSettings):
    service_name = "plumbing_cost"


def hop_types(run: str, hops: int) -> list[registry.EventType]:
    """One topic and payload class per hop, registered so that `uow.emit` knows where each goes."""
    types = []
    for index in range(hops):
        model = type(f"Hop{index}", (Hop,), {})
        event_type = registry.EventType(f"plumbing.{run}.hop{index}", f"plumbing.{run}.hop{index}", model)
        registry.EVENT_TYPES[event_type.name] = event_type
        registry._BY_MODEL[model] = event_type  # noqa: SLF001 - a bench-only topic, never in the contract
        types.append(event_type)
    return types


def hop_router(types: list[registry.EventType]) -> EventRouter:
    router = EventRouter()
    for index, event_type in enumerate(types):
        following = types[index + 1].model if index + 1 < len(types) else None

        async def handle(uow, batch, following=following) -> None:
            for envelope in batch.traced():
                if following is not None:
                    uow.emit(following(n=envelope.payload.n), tenant_id=envelope.tenant_id,
                             subject_id=envelope.subject_id)

        router.subscribe_batch(event_type.topic, model=event_type.model)(handle)
    return router


class Counters:
    """SQL statements of the runtime's engine, Kafka requests of every client in this process, batches."""

    def __init__(self):
        self.statements = 0
        self.requests: collections.Counter[str] = collections.Counter()
        self.batches = 0
        self.records = 0

    def count_statements(self, engine) -> None:
        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _count(*_args) -> None:
            self.statements += 1

    def count_requests_and_batches(self) -> None:
        """Wraps every Kafka connection's send and the runner's batch handling (once per process)."""
        send, counters = AIOKafkaConnection.send, self

        def counted_send(connection, request, expect_response=True):
            counters.requests[type(request).__name__.split("_v")[0]] += 1
            return send(connection, request, expect_response)

        AIOKafkaConnection.send = counted_send
        handle = ConsumerRunner._handle_batch

        async def counted_batch(runner, records):
            counters.batches += 1
            counters.records += len(records)
            return await handle(runner, records)

        ConsumerRunner._handle_batch = counted_batch

    def snapshot(self) -> dict:
        return {"statements": self.statements, "requests": dict(self.requests), "batches": self.batches,
                "records": self.records}


async def create_topics(settings: PlatformSettings, types: list[registry.EventType]) -> None:
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(t.topic, PARTITIONS, 1) for t in types]
                                  + [NewTopic(f"{t.topic}.dlq", 1, 1) for t in types])
    finally:
        await admin.close()


async def feed(runtime: ServiceRuntime, model: type[Hop], rate: float, count: int) -> None:
    """`count` events at `rate` a second, a few per transaction, on a fixed schedule (not after each write)."""
    started, sent, tenant = time.monotonic(), 0, uuid.uuid4()
    while sent < count:
        due = min(count, int((time.monotonic() - started) * rate) + 1)
        if due > sent:
            async with runtime.units_of_work() as uow:
                for n in range(sent, due):
                    uow.emit(model(n=n), tenant_id=tenant, subject_id=uuid.uuid4())
            sent = due
        await asyncio.sleep(FEED_TICK_SECONDS)


async def delivered(conn: asyncpg.Connection, topic: str) -> int:
    return await conn.fetchval("SELECT count(*) FROM inbox_message WHERE topic = $1", topic)


async def measure(stack: Stack, args) -> list[dict]:
    """One measurement per `--fetch` shape (or one with the settings' own), on the same broker and Postgres."""
    counters = Counters()
    counters.count_requests_and_batches()
    return [await measure_one(stack, args, counters, shape) for shape in args.fetch or [None]]


async def measure_one(stack: Stack, args, counters: Counters, shape: str | None) -> dict:
    kafka = stack.operator_kafka()
    wait_ms, min_bytes = shape.split(":") if shape else (None, None)
    fetch = {"kafka_fetch_max_wait_ms": int(wait_ms), "kafka_fetch_min_bytes": int(min_bytes)} if shape else {}
    settings = PlumbingSettings(database_url=stack.database_url, span_log_dir=str(RUN_DIR / "spans"),
                                log_level="WARNING", **fetch, **kafka.model_dump(include=set(type(kafka).model_fields)))
    await ensure_database(settings.service_database_url())
    types = hop_types(uuid.uuid4().hex[:8], args.hops)
    await create_topics(settings, types)
    runtime = ServiceRuntime(settings, router=hop_router(types))
    async with runtime.engine.begin() as conn:
        await conn.run_sync(infra_metadata.create_all)
    counters.count_statements(runtime.engine)
    await runtime.start()
    watch = await asyncpg.connect(database_url(stack.database_url, PlumbingSettings.service_name))
    await watch.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
    try:
        # the group joined, the pools and the broker's JIT warm
        await settle(runtime, watch, types, model=types[0].model, count=args.warmup)
        # Statistics as autovacuum's analyze gives a running service within its first minute: without them
        # the planner guesses `parked_at IS NULL` matches 0.5% of the outbox and may scan it whole.
        await watch.execute("ANALYZE outbox_message, inbox_message")
        count = int(args.rate * args.seconds)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        if profiler:
            profiler.enable()
        start = await watch.fetchval("SELECT pg_current_wal_insert_lsn()::text")
        load = await window(stack, counters, lambda: run_load(runtime, watch, types, args.rate, count))
        end = await watch.fetchval("SELECT pg_current_wal_insert_lsn()::text")
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        idle = await window(stack, counters, lambda: asyncio.sleep(args.idle_seconds))
        async with runtime.engine.connect() as conn:
            wal = await wal_between(conn, start, end, count * args.hops)
    finally:
        await watch.close()
        await runtime.stop()
    deliveries = count * args.hops
    return {"fetch": shape or "settings", "rate_per_s": args.rate, "events": count, "hops": args.hops,
            "deliveries": deliveries,
            "per_delivery": per_unit(load, deliveries),
            "mean_batch_records": round(load["records"] / max(1, load["batches"]), 2),
            "wal_per_delivery": wal,
            "idle_cpu_ms_per_s": {name: round(1000 * cpu / args.idle_seconds, 2)
                                  for name, cpu in idle["cpu_s"].items()},
            "idle_per_s": per_unit(idle, args.idle_seconds)}


async def settle(runtime, watch, types, *, model, count: int) -> None:
    before = await delivered(watch, types[-1].topic)
    await feed(runtime, model, 100, count)
    await wait_delivered(watch, types[-1].topic, before + count)


async def run_load(runtime, watch, types, rate: float, count: int) -> None:
    before = await delivered(watch, types[-1].topic)
    await feed(runtime, types[0].model, rate, count)
    await wait_delivered(watch, types[-1].topic, before + count)


async def wait_delivered(watch, topic: str, target: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while await delivered(watch, topic) < target:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{topic}: not every event delivered within {timeout:.0f}s")
        await asyncio.sleep(0.2)


async def window(stack: Stack, counters: Counters, work) -> dict:
    """CPU of this process, the broker and Postgres, and the counters, over `work`."""
    cpu_before, counted, process = resources.snapshot(stack), counters.snapshot(), time.process_time()
    await work()
    cpu = resources.cpu_between(cpu_before, resources.snapshot(stack))
    after = counters.snapshot()
    requests = {kind: n - counted["requests"].get(kind, 0) for kind, n in after["requests"].items()}
    return {"cpu_s": {"python": time.process_time() - process, **cpu},
            "statements": after["statements"] - counted["statements"],
            "requests": {k: n for k, n in sorted(requests.items()) if n},
            "batches": after["batches"] - counted["batches"], "records": after["records"] - counted["records"]}


def per_unit(measured: dict, units: float) -> dict:
    return {"cpu_ms": {name: round(1000 * s / units, 3) for name, s in measured["cpu_s"].items()},
            "cpu_ms_total": round(1000 * sum(measured["cpu_s"].values()) / units, 3),
            "sql_statements": round(measured["statements"] / units, 3),
            "kafka_requests": {kind: round(n / units, 3) for kind, n in measured["requests"].items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=60.0, help="events a second into the first hop")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--hops", type=int, default=3)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=int, default=300, help="events sent through first, not measured")
    parser.add_argument("--profile", help="write a cProfile of the loaded phase (on the CPU clock) to this file")
    parser.add_argument("--fetch", action="append", metavar="WAIT_MS:MIN_BYTES",
                        help="a consumer fetch shape to measure (repeatable; default: the settings')")
    args = parser.parse_args()
    stack = bench_stack(RUN_DIR)
    try:
        assert stack.postgres is not None, "plumbing_cost runs its own Postgres: unset DATABASE_URL"
        stack.postgres.start()
        stack.kafka.start()
        print(json.dumps(asyncio.run(measure(stack, args)), indent=1))
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
