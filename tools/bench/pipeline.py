"""The whole pipeline on real Kafka and Postgres: a stack of the benchmark's own, encounters pushed
through the gateway until every payment is posted, and what each run cost.

`python -m tools.bench.pipeline --paced [RATE]` runs the latency phase of `make bench` alone, on a fresh
stack: a warm-up, a burst for the end-to-end rate, then the paced load (at RATE, or half the burst's rate as
`make bench` does); it prints the per-stage percentiles and the burst's rate as JSON.
"""
import argparse
import asyncio
import contextlib
import json
import os
import shutil
import time
from pathlib import Path

import asyncpg
import httpx

from shared.contracts.topics import ALL_TOPICS
from shared.kafka.dlq_admin import read_all
from tests.e2e.support import create_tenant
from tools.bench import hops, load, resources
from tools.bench.stages import database_url, fetch_timelines, stage_latencies, stage_rates
from tools.bench.stats import rate
from tools.devstack.stack import Stack
from tools.devstack.topology import Ports

RUN_DIR = Path(__file__).resolve().parents[2] / ".run" / "bench"


def bench_ports(base: int) -> Ports:
    """Every port of the stack in [base, base + 1000): the default ports' last three digits on top of base."""
    default = Ports()
    return Ports(**{name: base + getattr(default, name) % 1000 for name in default.__dataclass_fields__})


def bench_stack(run_dir: Path = RUN_DIR) -> Stack:
    """A fresh, durable stack in `run_dir` (.run/bench) on ports 18000-18999 (BENCH_PORT_BASE moves them)."""
    shutil.rmtree(run_dir, ignore_errors=True)
    return Stack(run_dir, bench_ports(int(os.environ.get("BENCH_PORT_BASE", "18000"))), environment="test",
                 durable=True)


def open_tenant(stack: Stack, name: str) -> dict:
    """A new tenant whose rate limit is out of the way: the benchmark measures the pipeline, not the limiter."""
    tenant = create_tenant(stack, name)
    httpx.put(f"{stack.ports.url('gateway')}/v1/tenants/{tenant['tenant_id']}/rate-limit", timeout=30,
              headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"},
              json={"requests_per_second": 100000, "burst": 100000}).raise_for_status()
    return tenant


@contextlib.contextmanager
def environment(**values: str):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)


def restart(stack: Stack, *, durable: bool = True, **env: str) -> None:
    """Services (and Postgres, when its durability changes) restarted with `env` in their environment."""
    stack.stop_services()
    if stack.postgres and stack.postgres.durable != durable:
        stack.postgres.stop()
        stack.postgres.wait_stopped()
        stack.postgres.durable = durable
        stack.postgres.start()
    with environment(**env):
        stack.start_services()


POSTED = ("SELECT count(DISTINCT claim_id) FROM ledger_transaction "
          "WHERE kind='payment' AND tenant_id=$1::uuid")


async def _wait_posted(stack: Stack, tenant_id: str, count: int, timeout: float) -> None:
    """One connection for the whole wait: a new one every poll cost Postgres a backend start each time,
    which the CPU figures of the run it watches counted."""
    conn = await asyncpg.connect(database_url(stack.database_url, "payments"))
    try:
        deadline = time.monotonic() + timeout
        while await conn.fetchval(POSTED, tenant_id) < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{count} encounters not all posted within {timeout:.0f}s")
            await asyncio.sleep(0.25)
    finally:
        await conn.close()


def wait_posted(stack: Stack, tenant_id: str, count: int, timeout: float = 900) -> None:
    asyncio.run(_wait_posted(stack, tenant_id, count, timeout))


def burst(stack: Stack, count: int, *, label: str) -> dict:
    """`count` encounters as fast as the gateway takes them: intake rate, end-to-end and per-stage
    rates, CPU per encounter across every process, memory, and Kafka hops per encounter."""
    tenant = open_tenant(stack, f"Bench {label}")
    offsets = asyncio.run(hops.settled(stack.operator_kafka()))
    before = resources.snapshot(stack)
    _, intake_seconds = asyncio.run(load.post_burst(stack.ports.url("gateway"), tenant["api_key"], count))
    wait_posted(stack, tenant["tenant_id"], count)
    after = resources.snapshot(stack)
    timelines = asyncio.run(fetch_timelines(stack.database_url, tenant["tenant_id"]))
    first = min(t["received"] for t in timelines.values())
    last = max(t["posted"] for t in timelines.values() if "posted" in t)
    cpu = resources.cpu_between(before, after)
    return {
        "encounters": count,
        "gateway_intake_per_s": rate(count, intake_seconds),
        "end_to_end_per_s": rate(count, last - first),
        "stage_rates_per_s": stage_rates(timelines),
        "cpu_ms_per_encounter": 1000 * sum(cpu.values()) / count,
        "cpu_ms_per_encounter_by_process": {name: 1000 * s / count for name, s in sorted(cpu.items())},
        "rss_mb_by_process": {name: round(v["rss_mb"], 1) for name, v in sorted(after.items())},
        "kafka_hops": hops.per_encounter(offsets, asyncio.run(hops.settled(stack.operator_kafka())), count),
    }


def paced(stack: Stack, per_second: float, seconds: float) -> dict:
    """An open-loop load at `per_second`: p50/p95/p99 per stage and of encounter -> claim.submitted."""
    tenant = open_tenant(stack, "Bench paced")
    ids = asyncio.run(load.post_paced(stack.ports.url("gateway"), tenant["api_key"], per_second, seconds))
    wait_posted(stack, tenant["tenant_id"], len(ids))
    timelines = asyncio.run(fetch_timelines(stack.database_url, tenant["tenant_id"]))
    return {"offered_per_s": per_second, "encounters": len(ids), "latency": stage_latencies(timelines)}


async def _envelope_bytes(stack: Stack) -> int:
    """The mean size of the events the services published (read back from the broker, as the outbox keeps
    none once sent): the raw baselines' message size."""
    kafka = stack.operator_kafka()
    sizes = [len(record.value or b"") for topic in ALL_TOPICS for record in await read_all(kafka, topic)]
    return int(sum(sizes) / max(1, len(sizes)))


def envelope_bytes(stack: Stack) -> int:
    return asyncio.run(_envelope_bytes(stack))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.pipeline")
    parser.add_argument("--paced", nargs="?", type=float, const=0.0, required=True, metavar="RATE",
                        help="encounters per second; without a value, half the burst's end-to-end rate")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the paced load")
    parser.add_argument("--warmup", type=int, default=300, help="encounters before the burst (0: none)")
    parser.add_argument("--burst", type=int, default=1000, help="encounters of the burst (0: none)")
    args = parser.parse_args(argv)
    if not args.paced and not args.burst:
        parser.error("--paced without a rate needs a burst to take half of")
    os.environ.pop("KAFKA_ACKS", None)  # the durable default, as `make bench` runs it
    stack = bench_stack()
    try:
        stack.start_infrastructure()
        stack.start_services()
        if args.warmup:
            burst(stack, args.warmup, label="warm-up")
        measured = burst(stack, args.burst, label="burst") if args.burst else None
        per_second = args.paced or measured["end_to_end_per_s"] / 2
        load_before = os.getloadavg()
        result = paced(stack, per_second, args.seconds)
    finally:
        stack.stop()
    result["load_average"] = {"before": list(load_before), "after": list(os.getloadavg())}
    if measured:
        result |= {key: measured[key] for key in ("end_to_end_per_s", "cpu_ms_per_encounter",
                                                  "cpu_ms_per_encounter_by_process")}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
