"""The gateway's CPU per accepted encounter: POST /v1/encounters through its whole ASGI stack (span,
body limit, NUL check, audit, idempotency, auth, parse, the write) in this process, against a durable
embedded Postgres of its own.

    .venv/bin/python -m tools.bench.gateway_intake_cost [--encounters 2000] [--concurrency 50]
        [--format json|hl7|fhir|all] [--idempotency-key] [--profile FILE]

Postgres runs in `.run/gateway-cost` (port BENCH_PORT_BASE + 331). Each format is sent as new encounters
`--concurrency` at a time; printed per format: this process's CPU, Postgres's CPU (all its backends) and
the wall time per accepted encounter. No HTTP server or client is in the figures (the requests are ASGI
calls), nor Kafka (the outbox relay is not started): what is left is what the gateway itself spends.
The collector is settled after set-up as in a started service (`shared.collector.settle_after_start`).
`--profile` writes cProfile stats of the measured runs (read them with `python -m pstats FILE`).
"""
import argparse
import asyncio
import cProfile
import json
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

from tools.bench.in_process import asgi_request, postgres_cpu, run_against_postgres

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "gateway-cost"
INTAKE = ROOT / "tests" / "fixtures" / "intake"
FORMATS = {"json": "application/json", "hl7": "x-application/hl7-v2+er7", "fhir": "application/fhir+json"}


def bodies(kind: str, count: int) -> list[bytes]:
    """`count` request bodies of one format, each a new encounter (its own external id)."""
    if kind == "json":
        template = json.loads((INTAKE / "encounter.json").read_text())
        return [json.dumps({**template, "external_id": f"COST-{uuid.uuid4().hex[:16]}"}).encode() for _ in range(count)]
    text = (INTAKE / ("dft_p03.hl7" if kind == "hl7" else "bundle_r4.json")).read_text()
    return [text.replace("EHR-2026-000123", f"COST-{uuid.uuid4().hex[:16]}").encode() for _ in range(count)]


async def call(app, body: bytes, content_type: str, key: str, idempotency: bool) -> int:
    """One POST /v1/encounters as an ASGI call; the answer's status."""
    headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
               (b"authorization", f"Bearer {key}".encode())]
    if idempotency:
        headers.append((b"idempotency-key", uuid.uuid4().hex.encode()))
    return (await asgi_request(app, "POST", "/v1/encounters", headers, body))[0]


async def burst(app, kind: str, key: str, args) -> dict:
    requests, limit = bodies(kind, args.encounters), asyncio.Semaphore(args.concurrency)

    async def one(body: bytes) -> int:
        async with limit:
            return await call(app, body, FORMATS[kind], key, args.idempotency_key)

    cpu, wall, server = time.process_time(), time.perf_counter(), postgres_cpu(RUN_DIR)
    statuses = await asyncio.gather(*(one(b) for b in requests))
    cpu, wall, server = time.process_time() - cpu, time.perf_counter() - wall, postgres_cpu(RUN_DIR) - server
    accepted = statuses.count(202)
    per = 1000 / max(accepted, 1)
    return {"format": kind, "accepted": accepted, "other": len(statuses) - accepted,
            "gateway_cpu_ms": round(cpu * per, 3), "postgres_cpu_ms": round(server * per, 3),
            "wall_ms": round(wall * per, 3), "per_s": round(accepted / wall, 1)}


async def tenant_key(runtime) -> str:
    from shared.contracts.tenant import BillingProvider
    from services.gateway.application.register_tenant import register_tenant, set_tenant_limit
    from services.gateway.entrypoints.rate_limits import Limit

    seed = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
    async with runtime.units_of_work() as uow:
        tenant, _, key = await register_tenant(
            uow, name="Intake Cost", billing_provider=BillingProvider.model_validate(seed["billing_provider"]))
    async with runtime.units_of_work() as uow:  # the limiter out of the way: the cost, not the limit
        await set_tenant_limit(uow, tenant_id=tenant.id, limit=Limit(1_000_000, 1_000_000))
    return key


async def measure(args) -> list[dict]:
    from shared.collector import settle_after_start
    from shared.telemetry import setup_tracing
    from services.gateway.app import bootstrap
    from services.gateway.settings import Settings

    setup_tracing("gateway-cost", otlp_endpoint=None, span_log_dir=str(RUN_DIR / "spans"))
    settings = Settings()
    app, runtime = bootstrap(settings), runtime_without_kafka(settings)
    app.state.runtime, app.state.upstreams = runtime, {}
    writers = [asyncio.create_task(getattr(app.state, name).run(runtime))  # the loops the lifespan would start
               for name in ("audit", "intake", "idempotency_reservations", "idempotency_settlements")]
    key = await tenant_key(runtime)
    settle_after_start()  # as ServiceRuntime.start does once the service has started
    kinds = list(FORMATS) if args.format == "all" else [args.format]
    for kind in kinds:  # warm-up: imports, connection pool, caches
        await burst(app, kind, key, argparse.Namespace(**{**vars(args), "encounters": args.concurrency}))
    profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU, not wall: the machine is shared
    profiler and profiler.enable()
    results = [await burst(app, kind, key, args) for kind in kinds]
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    runtime.stopping.set()
    for writer in writers:
        writer.cancel()
    await runtime.engine.dispose()
    return results


def runtime_without_kafka(settings):
    """What the routes need of a running gateway: its units of work (no Kafka: the relay is not started)."""
    from shared.db.engine import make_engine, make_session_factory
    from shared.db.unit_of_work import UnitOfWorkFactory
    from services.gateway.adapters.repositories import GatewayUnitOfWork

    engine = make_engine(settings)
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=GatewayUnitOfWork)
    return SimpleNamespace(engine=engine, units_of_work=units, stopping=asyncio.Event())


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.gateway_intake_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--encounters", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--format", choices=[*FORMATS, "all"], default="all")
    parser.add_argument("--idempotency-key", action="store_true", help="send every request with its own key")
    parser.add_argument("--profile", default=None, help="write cProfile stats of the measured runs here")
    args = parser.parse_args()
    run_against_postgres(RUN_DIR, 331, ("gateway",), measure, args)


if __name__ == "__main__":
    main()
