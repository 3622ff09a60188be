"""The claims service's background loops and fix paths, cost per claim: CPU and SQL statements.

    BENCH_PORT_BASE=23000 .venv/bin/python -m tools.bench.claims_loops_cost [--claims 200] \
        [--sizes 1,10,25,50,100,200]

Starts an embedded Postgres of its own in `.run/claims-loops-cost` (port BENCH_PORT_BASE + 331), migrates
the claims database, builds `--claims` claims of distinct patients for one tenant, then runs, one step
after the other: eligibility (270 out, the simulator's 271 applied), the 837P submission at each
interchange size of `--sizes` (a fresh set of claims each, batched and handed over to a dropbox, every
interchange validated by pyx12), the status inquiry of the submitted claims (276 out, the simulator's
277 applied: they come back "not found" and go to the fix queue), the fix of each rejected claim (one
PATCH each, as the API takes them) and the replacement of denied claims: one per transaction (the API),
one by one in one transaction (as the consumer billed them before) and as one batch (as it does now). Printed per claim: this
process's CPU, Postgres's CPU (all its processes), wall time and SQL statements sent (an executemany is
one); for the submission also pyx12's own CPU (the validating thread's), per file and per claim. The simulator's own CPU (writing the 271/277) is left out. Relative figures: the machine is shared.
"""
import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event

from shared.contracts.claim import ClaimCorrectionRequested
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.claim_records import CLAIM
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.application import submit_batch
from services.claims.application.build_claims import build_claims
from services.claims.application.correct_claim import bill_replacements, replace_claim
from services.claims.application.fix_claim import fix_claim
from services.claims.application.inquire_status import inquire_silent_claims
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.application.verify_eligibility import verify_ready_claims
from services.claims.adapters.catalog import Catalog
from services.claims.settings import Settings
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded
from shared.testing.fake_batch import FakeBatch as Batch
from tools.bench.consumer_cost import postgres_cpu
from tools.payer_sim.claim_status import answer_276
from tools.payer_sim.eligibility import answer_270
from tools.payer_sim.members import MemberBook
from tools.payer_sim.state import SimState

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "claims-loops-cost"
SUBMITTER = "BILLINGPLATFORM"


class SimulatedClearinghouse(DropboxClearinghouse):
    """The payer simulator answering 270s and 276s in process (real 271s and 277s); 837Ps go to a dropbox.
    The CPU it spends writing answers is kept apart so that it is not counted as the claims service's."""

    def __init__(self, directory: str):
        super().__init__(directory)
        self._state = SimState(str(Path(directory) / "sim.sqlite3"))
        self._book = MemberBook.load()
        self.cpu = 0.0

    async def eligibility(self, *, mailbox: str, control_number: int, x12: str) -> str:
        started = time.process_time()
        answer = answer_270(x12, mailbox=mailbox, state=self._state, book=self._book, seed=7, control=control_number,
                            at=_now())
        self.cpu += time.process_time() - started
        return answer

    async def claim_status(self, *, mailbox: str, control_number: int, x12: str) -> str:
        started = time.process_time()
        answer = answer_276(x12, mailbox=mailbox, state=self._state, control=control_number, at=_now())
        self.cpu += time.process_time() - started
        return answer


def _now():
    from shared.clock import system_clock
    return system_clock()


class Pyx12Clock:
    """pyx12's own CPU (the validating thread's) and the files it validated, around the submission's validator."""

    def __init__(self):
        self.cpu, self.files = 0.0, 0
        validate = submit_batch.validate_x12

        def timed(x12: str) -> list[str]:
            started = time.thread_time()
            try:
                return validate(x12)
            finally:
                self.cpu, self.files = self.cpu + time.thread_time() - started, self.files + 1

        submit_batch.validate_x12 = timed


class Meter:
    """CPU (this process, minus the simulator's), Postgres CPU, wall time and statements of one step."""

    def __init__(self, engine, port: int, clearinghouse: SimulatedClearinghouse):
        self.statements, self._port, self._clearinghouse = 0, port, clearinghouse
        self._pyx12 = Pyx12Clock()
        event.listen(engine.sync_engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        self.statements += 1

    def _readings(self) -> tuple:
        return (time.process_time() - self._clearinghouse.cpu, postgres_cpu(self._port), time.perf_counter(),
                self.statements, self._pyx12.cpu, self._pyx12.files)

    async def measure(self, label: str, claims: int, step) -> dict:
        before = self._readings()
        await step()
        cpu, server, wall, statements, pyx12, files = (b - a for a, b in zip(before, self._readings()))
        row = {"step": label, "claims": claims, "cpu_ms_per_claim": round(cpu * 1000 / claims, 2),
               "postgres_ms_per_claim": round(server * 1000 / claims, 2),
               "wall_ms_per_claim": round(wall * 1000 / claims, 2),
               "statements_per_claim": round(statements / claims, 2)}
        if files:
            row.update(pyx12_files=files, pyx12_cpu_ms_per_file=round(pyx12 * 1000 / files, 1),
                       pyx12_cpu_ms_per_claim=round(pyx12 * 1000 / claims, 2))
        print(row, flush=True)
        return row


class Scenario:
    def __init__(self, units, catalog: Catalog, tenant_id: uuid.UUID, clearinghouse: SimulatedClearinghouse):
        self.units, self.catalog, self.tenant_id, self.clearinghouse = units, catalog, tenant_id, clearinghouse

    async def build(self, count: int, tag: str) -> list:
        claims = [coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-{tag}-{i}"})
                  for i in range(count)]
        async with self.units() as uow:
            await build_claims(uow, Batch([Envelope(event_type="claim.coded", tenant_id=self.tenant_id,
                                                    subject_id=c.claim_id, payload=c) for c in claims]),
                               catalog=self.catalog)
        return [uuid.UUID(c.claim_id) for c in claims]

    async def set_claims(self, ids: list, **values) -> None:
        async with self.units() as uow:
            await uow.session.execute(CLAIM.update().where(CLAIM.c.id.in_(ids)).values(**values))

    async def verify(self, limit: int) -> None:
        while True:
            async with self.units() as uow:
                settled = await verify_ready_claims(uow, clearinghouse=self.clearinghouse, submitter_id=SUBMITTER,
                                                    usage="T", limit=limit)
            if not settled:
                return

    async def submit(self, size: int) -> None:
        """As the submission loop's rounds: each sends the files it stored; the round that batched nothing sends
        whatever waits (nothing, here) and ends the step."""
        while True:
            async with self.units() as uow:
                batched = await batch_ready_claims(uow, catalog=self.catalog, submitter_id=SUBMITTER, usage="T",
                                                   limit=500, interchange_size=size)
            handed = 0
            while not batched or handed < batched:
                async with self.units() as uow:
                    interchange = await next_interchange_to_send(uow)
                    if interchange is None:
                        break
                    handed += await send_interchange(uow, interchange, clearinghouse=self.clearinghouse)
            if not batched:
                return

    async def inquire(self, limit: int) -> None:
        async with self.units() as uow:
            await inquire_silent_claims(uow, clearinghouse=self.clearinghouse, submitter_id=SUBMITTER, usage="T",
                                        limit=limit)

    async def fix_each(self, ids: list) -> None:
        for claim_id in ids:
            async with self.units() as uow:
                await fix_claim(uow, tenant_id=self.tenant_id, claim_id=claim_id, actor="bench", catalog=self.catalog,
                                changes={"prior_authorization": "AUTH1"})

    def correction(self, claim_id) -> ClaimCorrectionRequested:
        return ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(claim_id), reason="bench",
                                        prior_authorization="AUTH2")

    async def replace_each(self, ids: list) -> None:
        """As the API bills them: one claim per request and transaction."""
        for claim_id in ids:
            async with self.units() as uow:
                await replace_claim(uow, self.tenant_id, self.correction(claim_id), catalog=self.catalog)

    async def replace_one_by_one(self, ids: list) -> None:
        """As the consumer billed a polled batch before: one transaction, one claim at a time."""
        async with self.units() as uow:
            for claim_id in ids:
                await replace_claim(uow, self.tenant_id, self.correction(claim_id), catalog=self.catalog)

    async def replace_batch(self, ids: list) -> None:
        """As the consumer bills a polled batch now."""
        async with self.units() as uow:
            await bill_replacements(uow, Batch([
                Envelope(event_type="claim.correction_requested", tenant_id=self.tenant_id, subject_id=claim_id,
                         payload=self.correction(claim_id)) for claim_id in ids]), catalog=self.catalog)


async def run(args, url: str, port: int) -> list[dict]:
    engine = make_engine(Settings(database_url=url))
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    catalog, tenant_id = Catalog.load(), uuid.uuid4()
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="cost", billing_provider=BILLING)), catalog=catalog)
    with tempfile.TemporaryDirectory() as dropbox:
        clearinghouse = SimulatedClearinghouse(dropbox)
        meter, scene, n = Meter(engine, port, clearinghouse), Scenario(units, catalog, tenant_id, clearinghouse), args.claims
        results = []
        await scene.build(5, "warm-up")  # pyx12's maps and the 270 models load once per process, not measured
        await scene.verify(n)
        await scene.submit(n)
        ids = await scene.build(n, "elig")
        results.append(await meter.measure("eligibility 270/271", n, lambda: scene.verify(n)))
        # Sent long ago (for the status inquiry below), so that the submission steps batch only their own claims.
        await scene.set_claims(ids, status="submitted", submitted_at=_now() - timedelta(days=90))
        submitted = []
        for size in args.sizes:
            batch_ids = await scene.build(n, f"s{size}")
            await scene.set_claims(batch_ids, eligibility={"status": "active"})
            results.append(await meter.measure(f"837P submit, {size} per interchange", n,
                                               lambda size=size: scene.submit(size)))
            submitted += batch_ids
        results.append(await meter.measure("status 276/277", n, lambda: scene.inquire(n)))
        results.append(await meter.measure("fix (one PATCH each)", n, lambda: scene.fix_each(ids)))
        await scene.set_claims(submitted[:3 * n], status="denied", payer_claim_number="ICN1")
        results.append(await meter.measure("replacement (API: one each)", n, lambda: scene.replace_each(submitted[:n])))
        results.append(await meter.measure("corrections (consumer, one by one)", n,
                                           lambda: scene.replace_one_by_one(submitted[n:2 * n])))
        results.append(await meter.measure("corrections (consumer, batch)", n,
                                           lambda: scene.replace_batch(submitted[2 * n:3 * n])))
    await engine.dispose()
    return results


def start_postgres(port: int):
    from tools.devstack.postgres import EmbeddedPostgres

    postgres = EmbeddedPostgres(RUN_DIR / "pgdata", port, durable=True)
    postgres.stop()
    shutil.rmtree(RUN_DIR / "pgdata", ignore_errors=True)  # a fresh database for every run
    postgres.start()
    subprocess.run([sys.executable, "-m", "shared.db.migrate", "claims"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": postgres.url, "PYTHONPATH": str(ROOT)})
    return postgres


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.claims_loops_cost",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--sizes", type=lambda text: [int(s) for s in text.split(",")], default=[1, 10, 25, 50, 100, 200])
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 331
    postgres = start_postgres(port)
    try:
        asyncio.run(run(args, postgres.url, port))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
