"""CPU per GET of the claim view: GET /internal/claims/{id} at the claims service and GET /v1/claims/{id}
at the gateway, each through its app's whole ASGI stack in this process, against an embedded Postgres
of its own (durable, like the stack's).

    nice -n 19 .venv/bin/python -m tools.bench.get_cost [--requests 4000] [--concurrency 200]
        [--route claims|gateway|all] [--profile PREFIX] [--top 25]

Postgres runs in `.run/get-cost` (port BENCH_PORT_BASE + 341) with the claims, payments, denials and
gateway databases; one claim with two lines and a timeline of eight steps is seeded, and its charge and
payment in payments' ledger (denials hold nothing for it, as for a paid claim). The claims route
is called as ASGI (no HTTP server or client in its figure). The gateway route calls the three services
over HTTP as it does in production: claims, payments and denials are served by uvicorn in a child
process, so this process's CPU is the gateway's own (its HTTP client included) and the child's CPU is
what the three services spent for it. Printed per route: CPU ms per GET of this process, of the child
and of Postgres, wall ms and the rate. `--profile PREFIX` writes PREFIX.<route>.prof (cProfile, CPU
timer) and prints its top entries by own time.
"""
import argparse
import asyncio
import cProfile
import io
import multiprocessing
import os
import pstats
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import psutil

from tools.bench.in_process import asgi_request, postgres_cpu, run_against_postgres, tree_cpu

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "get-cost"
SERVICES = ("claims", "payments", "denials")


def service_app(name: str):
    """A service's app as bootstrap builds it, with what its read routes need of a runtime (its units
    of work) and none of its Kafka: the consumer, relay and loops are not started."""
    import importlib

    from shared.collector import settle_after_start
    from shared.db.engine import make_engine, make_session_factory
    from shared.db.unit_of_work import UnitOfWorkFactory

    module = importlib.import_module(f"services.{name}.app")
    settings = importlib.import_module(f"services.{name}.settings").Settings()
    unit_of_work = {"claims": "ClaimsUnitOfWork", "payments": "PaymentsUnitOfWork", "denials": "DenialsUnitOfWork",
                    "gateway": "GatewayUnitOfWork"}[name]
    repositories = importlib.import_module(f"services.{name}.adapters.repositories")
    app = module.bootstrap(settings)
    engine = make_engine(settings)
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=getattr(repositories, unit_of_work))
    app.state.runtime = SimpleNamespace(engine=engine, units_of_work=units, stopping=asyncio.Event())
    settle_after_start()  # as ServiceRuntime.start does once the service is built
    return app


async def seed_claim(tenant_id: uuid.UUID, *, postings: bool = True) -> uuid.UUID:
    """A claim of `tenant_id` with two lines and eight timeline steps, as a paid claim shows; without
    `postings`, nothing of it in payments' ledger (a claim not yet paid)."""
    from datetime import datetime, timedelta, timezone

    from shared.contracts.envelope import Envelope
    from shared.contracts.tenant import TenantRegistered
    from services.claims.adapters.tables import ClaimEvent
    from services.claims.application.build_claims import create_claim
    from services.claims.application.register_tenant import register_tenant
    from services.claims.adapters.catalog import Catalog
    from tests.unit.claims.builders import BILLING, coded

    catalog, app = Catalog.load(), service_app("claims")
    units = app.state.runtime.units_of_work
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="get cost", billing_provider=BILLING)),
            catalog=catalog)
        claim = await create_claim(uow, coded(encounter_id=str(uuid.uuid4())), tenant_id, catalog=catalog)
    async with units() as uow:
        at = datetime(2026, 11, 23, 10, 0, 0, 120000, tzinfo=timezone.utc)
        for step, event in enumerate(("batched", "submitted", "accepted", "adjudicated", "paid")):
            uow.session.add(ClaimEvent(tenant_id=tenant_id, claim_id=claim.id, event=event, status="paid",
                                       detail={"payer_claim_number": "627676228882", "step": step},
                                       at=at + timedelta(seconds=step)))
    await app.state.runtime.engine.dispose()
    if postings:
        await seed_postings(tenant_id, claim.id, at)
    return claim.id


async def seed_postings(tenant_id: uuid.UUID, claim_id: uuid.UUID, at) -> None:
    """The claim's charge and its payment in payments' ledger, as the 835 of a paid two-line claim posts them
    (twelve rows for the postings read: a transaction of two entries, one of ten), so that payments answers
    the view as it does in the stack instead of with a 404."""
    from datetime import timedelta
    from decimal import Decimal

    from services.payments.adapters.tables import LedgerEntry, LedgerTransaction

    charge = LedgerTransaction(id=uuid.uuid4(), tenant_id=tenant_id, claim_id=claim_id, kind="charge", created_at=at)
    payment = LedgerTransaction(id=uuid.uuid4(), tenant_id=tenant_id, claim_id=claim_id, kind="payment",
                                remit_id=uuid.uuid4(), payer_claim_number="627676228882",
                                created_at=at + timedelta(seconds=3))
    per_line = [("adj:contractual", "28.00", "CO-45", None), ("ar:patient", "15.00", "PR-2", "coinsurance"),
                ("ar:patient", "5.00", "PR-1", "deductible"), ("adj:contractual", "2.00", "CO-253", None)]
    posted = [(charge, [("ar:insurance", "250.00", None, None, None), ("revenue:charges", "-250.00", None, None, None)]),
              (payment, [("cash:clearing", "150.00", None, None, None), ("ar:insurance", "-250.00", None, None, None),
                         *((account, amount, line, memo, category) for line in (1, 2)
                           for account, amount, memo, category in per_line)])]
    app = service_app("payments")
    async with app.state.runtime.units_of_work() as uow:
        uow.session.add_all([txn for txn, _ in posted])  # transactions before their entries, as the ledger writes them
        await uow.session.flush()
        uow.session.add_all([LedgerEntry(transaction_id=txn.id, tenant_id=tenant_id, claim_id=claim_id, account=account,
                                         amount=Decimal(amount), line_number=line, memo=memo, category=category)
                             for txn, entries in posted for account, amount, line, memo, category in entries])
    await app.state.runtime.engine.dispose()


async def gateway_key(app) -> tuple[str, uuid.UUID]:
    """A read key of a new tenant, the limiter out of the way (the cost, not the limit)."""
    import json

    from shared.contracts.tenant import BillingProvider
    from services.gateway.application.register_tenant import register_tenant, set_tenant_limit
    from services.gateway.entrypoints.rate_limits import Limit

    seed = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
    async with app.state.runtime.units_of_work() as uow:
        tenant, _, key = await register_tenant(
            uow, name="GET Cost", billing_provider=BillingProvider.model_validate(seed["billing_provider"]))
    async with app.state.runtime.units_of_work() as uow:
        await set_tenant_limit(uow, tenant_id=tenant.id, limit=Limit(1_000_000, 1_000_000))
    return key, tenant.id


async def burst(label: str, call, args, child: psutil.Process | None) -> dict:
    """`args.requests` calls, `args.concurrency` at a time; CPU per call of this process, the child, Postgres."""
    limit = asyncio.Semaphore(args.concurrency)

    async def one() -> int:
        async with limit:
            return await call()

    for _ in range(2):  # warm-up: imports, pools, caches, the prepared statements of every connection
        await asyncio.gather(*(one() for _ in range(args.concurrency)))
    child_cpu = tree_cpu(child) if child else 0.0
    cpu, wall, server = time.process_time(), time.perf_counter(), postgres_cpu(RUN_DIR)
    statuses = await asyncio.gather(*(one() for _ in range(args.requests)))
    cpu, wall, server = time.process_time() - cpu, time.perf_counter() - wall, postgres_cpu(RUN_DIR) - server
    child_cpu = (tree_cpu(child) - child_cpu) if child else 0.0
    ok = statuses.count(200)
    per = 1000 / max(ok, 1)
    if args.profile:  # a run of its own: the profiler's overhead stays out of the figures
        profiler = cProfile.Profile(time.process_time)  # CPU, not wall: the machine is shared
        profiler.enable()
        await asyncio.gather(*(one() for _ in range(args.requests)))
        profiler.disable()
        path = f"{args.profile}.{label}.prof"
        profiler.dump_stats(path)
        out = io.StringIO()
        pstats.Stats(path, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue(), flush=True)
    return {"route": label, "ok": ok, "other": len(statuses) - ok, "cpu_ms": round(cpu * per, 3),
            "services_cpu_ms": round(child_cpu * per, 3), "postgres_cpu_ms": round(server * per, 3),
            "wall_ms": round(wall * per, 3), "per_s": round(ok / wall, 1)}


async def claims_route(args, tenant_id: uuid.UUID, claim_id: uuid.UUID) -> dict:
    from shared.internal_auth import HEADER, Caller, issue_token
    from shared.settings import DEV_SECRET

    app = service_app("claims")
    token = issue_token(DEV_SECRET, Caller(str(tenant_id), str(uuid.uuid4()), ("billing:read",)), ttl_seconds=3600)
    headers = [(HEADER.lower().encode(), token.encode())]
    path = f"/internal/claims/{claim_id}"

    async def call() -> int:
        return (await asgi_request(app, "GET", path, headers))[0]

    try:
        return await burst("claims", call, args, None)
    finally:
        await app.state.runtime.engine.dispose()


def serve_services(ports: dict[str, int], ready, profile: str | None = None) -> None:
    """The child process: claims, payments and denials under uvicorn on loopback, one event loop;
    with `profile`, a cProfile of its whole life written there when it is terminated."""
    import signal

    import uvicorn

    if profile:
        profiler = cProfile.Profile(time.process_time)

        def dump(*_) -> None:
            profiler.disable()
            profiler.dump_stats(profile)
            os._exit(0)

        signal.signal(signal.SIGTERM, dump)
        profiler.enable()

    async def serve() -> None:
        servers = [uvicorn.Server(uvicorn.Config(service_app(name), host="127.0.0.1", port=port, lifespan="off",
                                                 log_level="warning", timeout_keep_alive=30))
                   for name, port in ports.items()]
        tasks = [asyncio.create_task(s.serve()) for s in servers]
        while not all(s.started for s in servers):
            await asyncio.sleep(0.05)
        ready.set()
        await asyncio.gather(*tasks)

    asyncio.run(serve())


async def gateway_route(args, claim_id: uuid.UUID, tenant_id: uuid.UUID, key: str) -> dict:
    from services.gateway.adapters.upstream import Upstream

    ports = {name: args.port + 1 + i for i, name in enumerate(SERVICES)}
    ready = multiprocessing.Event()
    profile = f"{args.profile}.services.prof" if args.profile else None
    child = multiprocessing.Process(target=serve_services, args=(ports, ready, profile), daemon=True)
    child.start()
    app = args.gateway_app
    try:
        if not ready.wait(60):
            raise RuntimeError("the services did not start")
        settings = app.state.settings
        app.state.upstreams = {name: Upstream(name, f"http://127.0.0.1:{port}", secret=settings.internal_token_secret,
                                              timeout=settings.upstream_timeout_seconds) for name, port in ports.items()}
        headers = [(b"authorization", f"Bearer {key}".encode())]
        path = f"/v1/claims/{claim_id}"

        async def call() -> int:
            return (await asgi_request(app, "GET", path, headers))[0]

        return await burst("gateway", call, args, psutil.Process(child.pid))
    finally:
        for upstream in app.state.upstreams.values():
            await upstream.close()
        child.terminate()
        child.join(10)


async def measure(args) -> list[dict]:
    results = []
    gateway = service_app("gateway")
    writers = [asyncio.create_task(gateway.state.audit.run(gateway.state.runtime))]  # the lifespan's loop
    try:
        key, tenant_id = await gateway_key(gateway)
        claim_id = await seed_claim(tenant_id)
        if args.route in ("claims", "all"):
            results.append(await claims_route(args, tenant_id, claim_id))
        if args.route in ("gateway", "all"):
            args.gateway_app = gateway
            results.append(await gateway_route(args, claim_id, tenant_id, key))
    finally:
        gateway.state.runtime.stopping.set()
        for writer in writers:
            writer.cancel()
        await gateway.state.runtime.engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.get_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--route", choices=("claims", "gateway", "all"), default="all")
    parser.add_argument("--profile", default=None, help="write cProfile stats to PREFIX.<route>.prof")
    parser.add_argument("--top", type=int, default=25, help="entries of the profile to print")
    args = parser.parse_args()
    run_against_postgres(RUN_DIR, 341, (*SERVICES, "gateway"), measure, args)


if __name__ == "__main__":
    main()
