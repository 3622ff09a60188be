"""The claims consumer's cost per claim, use case by use case, against a real Postgres.

    BENCH_PORT_BASE=25000 python -m tools.bench.claims_cost [--claims 2000] [--profile FILE]
    python -m tools.bench.claims_cost --database-url postgresql://postgres@127.0.0.1:5432/postgres \
        [--claims 2000] [--pgdata .run/pgdata]

Runs claim.coded, the submission rounds, 277CA and remit.received over `--claims` claims of distinct
patients and members, as the service runs them: claim.coded and remit.received in batches of 500 (one
transaction per batch, as the consumer does); the rounds as the submission loop runs them (coverage checked
with one 270 per tenant and payer through x12sdk's models, the payer simulator's 271 applied, then batched into
837Ps of `SUBMIT_BATCH_SIZE` claims, each validated by pyx12, and handed over to a dropbox); one 277CA per
837P, read as the clearinghouse route reads it (control characters, segments) and applied. Prints CPU per
claim of this process (the simulator's own CPU, writing 271s, left out), of its main thread (the process less
pyx12's and x12sdk's validating threads) and of the Postgres server processes, and the wall time. The database
gets the claims service's migrations and one new tenant. Not included: Kafka, envelope parsing, inbox, consumer
spans and HTTP (the same for every implementation). With `--profile FILE` each step's main thread is profiled
(CPU clock) into `FILE.<step>` (pyx12's validating threads are not in it).
"""
import argparse
import asyncio
import cProfile
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from decimal import Decimal

import psutil
from sqlalchemy import select

from shared.collector import settle_after_start
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import build_claims
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submission_round import verify_and_batch
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.tables import Interchange
from services.claims.domain.acks import read_277ca
from services.claims.settings import Settings
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded
from shared.testing.fake_batch import FakeBatch as Batch
from tools.bench.claims_loops_cost import RUN_DIR, SUBMITTER, SimulatedClearinghouse, start_postgres
from tools.payer_sim.adjudication import ClaimDecision
from tools.payer_sim.x12_read import read_837p
from tools.payer_sim.x12_write import write_277ca

BATCH = 500  # the consumer's largest polled batch


def postgres_cpu(pgdata: str | None) -> float:
    """CPU seconds of the server whose data folder is `pgdata`: the postmaster, its live and its ended backends."""
    if pgdata is None:
        return 0.0
    with open(os.path.join(pgdata, "postmaster.pid")) as pid_file:
        server = psutil.Process(int(pid_file.readline()))
    own = server.cpu_times()
    return own.user + own.system + own.children_user + own.children_system + sum(
        sum(child.cpu_times()[:2]) for child in server.children())


async def timed(label: str, claims: int, step, pgdata: str | None, simulator: SimulatedClearinghouse,
                profile: str | None = None) -> None:
    profiler = cProfile.Profile(time.process_time) if profile else None
    cpu, wall, server = time.process_time() - simulator.cpu, time.perf_counter(), postgres_cpu(pgdata)
    main = time.thread_time() - simulator.cpu
    if profiler:
        profiler.enable()
    await step()
    if profiler:
        profiler.disable()
        profiler.dump_stats(f"{profile}.{label}")
    cpu, main = time.process_time() - simulator.cpu - cpu, time.thread_time() - simulator.cpu - main
    wall, server = time.perf_counter() - wall, postgres_cpu(pgdata) - server
    print(f"{label:8s} client {cpu / claims * 1000:5.2f} ms/claim  main thread {main / claims * 1000:5.2f} ms/claim  "
          f"postgres {server / claims * 1000:5.2f} ms/claim  wall {wall / claims * 1000:5.2f} ms/claim", flush=True)


def remit_for(tenant_id: uuid.UUID, claim) -> Envelope:
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=tenant_id, subject_id=claim.claim_id,
                                   payload=RemitReceived(
        remit_id=str(uuid.uuid4()), claim_id=claim.claim_id, patient_control_number=claim.patient_control_number,
        payer_id="AETNA", status_code="1", charge=Decimal("100.00"), paid=Decimal("76.00"),
        patient_responsibility=Decimal("0.00"), payer_claim_control_number="P1", trace_number="T1"))


async def acknowledgments(units, tenant_id: uuid.UUID, at: datetime | None = None) -> list[str]:
    """The simulator's 277CA for each 837P stored, every claim accepted (written before the step is timed)."""
    async with units() as uow:
        files = (await uow.session.execute(select(Interchange.x12).where(
            Interchange.tenant_id == tenant_id, Interchange.x12.contains("ST*837*")))).scalars().all()
    at = at or datetime.now(timezone.utc)
    answers = []
    for control, text in enumerate(files, start=1):
        submission = read_837p(text)
        answers.append(write_277ca(submission, [ClaimDecision(claim=c, payer_claim_number=f"P{control}")
                                                for c in submission.claims], control=control, at=at))
    return answers


def coded_batches(count: int, first: int, size: int = BATCH) -> list[list]:
    """`count` coded claims of one patient and member each, as the benchmark's encounters, in consumer batches."""
    claims = [coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-{i}"},
                    coverage={**ENCOUNTER["coverage"], "member_id": f"W{100000000 + i:09d}"})
              for i in range(first, first + count)]
    return [claims[i:i + size] for i in range(0, count, size)]


class ClaimSteps:
    """The claims service's use cases as the consumer and the loops run them, one step after the other."""

    def __init__(self, units: UnitOfWorkFactory, settings: Settings, clearinghouse: SimulatedClearinghouse):
        self.units, self.settings, self.clearinghouse = units, settings, clearinghouse
        self.catalog = Catalog.load()

    async def new_tenant(self, name: str) -> uuid.UUID:
        tenant_id = uuid.uuid4()
        async with self.units() as uow:
            await register_tenant(uow, Envelope[TenantRegistered](
                event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
                payload=TenantRegistered(tenant_id=str(tenant_id), name=name, billing_provider=BILLING)),
                catalog=self.catalog)
        return tenant_id

    async def build(self, tenant_id: uuid.UUID, batches: list[list]) -> None:
        """claim.coded, a transaction per consumer batch."""
        for batch in batches:
            async with self.units() as uow:
                await build_claims(uow, Batch([Envelope(event_type="claim.coded", tenant_id=tenant_id,
                                                        subject_id=c.claim_id, payload=c) for c in batch]),
                                   catalog=self.catalog)

    async def submit(self) -> None:
        """The submission loop's rounds: each verifies and batches what is ready, then hands its files over."""
        while True:
            async with self.units() as uow:
                batched = await verify_and_batch(uow, catalog=self.catalog, clearinghouse=self.clearinghouse,
                                                 submitter_id=SUBMITTER, usage="T",
                                                 limit=self.settings.submission_batch_size,
                                                 interchange_size=self.settings.submit_batch_size)
            while True:
                async with self.units() as uow:
                    interchange = await next_interchange_to_send(uow)
                    if interchange is None:
                        break
                    await send_interchange(uow, interchange, clearinghouse=self.clearinghouse)
            if not batched:
                return

    async def acknowledge(self, tenant_id: uuid.UUID, answers: list[str]) -> None:
        """Each 277CA, a transaction each, read as the clearinghouse route reads it."""
        for text in answers:
            async with self.units() as uow:
                await record_acknowledgments(uow, tenant_id=tenant_id, acks=read_277ca(text), x12=text)

    async def pay(self, tenant_id: uuid.UUID, batches: list[list]) -> None:
        """remit.received for every claim, a transaction per consumer batch."""
        for batch in batches:
            async with self.units() as uow:
                await apply_remits(uow, Batch([remit_for(tenant_id, c) for c in batch]))


async def run(database_url: str, claims: int, pgdata: str | None, profile: str | None = None) -> None:
    settings = Settings(database_url=database_url)
    engine = make_engine(settings)
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    with tempfile.TemporaryDirectory() as dropbox:
        clearinghouse = SimulatedClearinghouse(dropbox)
        steps = ClaimSteps(units, settings, clearinghouse)
        # A running service has pyx12's maps, x12sdk's 270 models and its prepared statements (not measured),
        # and its collector settled after start-up, as here.
        await steps.build(await steps.new_tenant("warm-up"), coded_batches(5, claims))
        await steps.submit()
        settle_after_start()
        tenant_id, batches = await steps.new_tenant("cost"), coded_batches(claims, 0)
        await timed("coded", claims, lambda: steps.build(tenant_id, batches), pgdata, clearinghouse, profile)
        await timed("submit", claims, steps.submit, pgdata, clearinghouse, profile)
        answers = await acknowledgments(units, tenant_id)
        await timed("277CA", claims, lambda: steps.acknowledge(tenant_id, answers), pgdata, clearinghouse, profile)
        await timed("remit", claims, lambda: steps.pay(tenant_id, batches), pgdata, clearinghouse, profile)
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.claims_cost", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="a Postgres to use; without it, an embedded one of its own "
                                               "(claims_loops_cost's, port BENCH_PORT_BASE + 331)")
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--pgdata", default=None, help="the server's data folder, to count its CPU too")
    parser.add_argument("--profile", default=None, help="write each step's cProfile to PROFILE.<step>")
    args = parser.parse_args()
    if args.database_url:
        subprocess.run([sys.executable, "-m", "shared.db.migrate", "claims"], check=True,
                       env={**os.environ, "DATABASE_URL": args.database_url})
        asyncio.run(run(args.database_url, args.claims, args.pgdata, args.profile))
        return
    postgres = start_postgres(int(os.environ.get("BENCH_PORT_BASE", "18000")) + 331)
    try:
        asyncio.run(run(postgres.url, args.claims, str(RUN_DIR / "pgdata"), args.profile))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
