"""The claims consumer's cost per claim, use case by use case, against a real Postgres.

    python -m tools.bench.claims_cost --database-url postgresql://postgres@127.0.0.1:5432/postgres \
        [--claims 2000] [--pgdata .run/pgdata]

Runs claim.coded, the 837P submission (batch, pyx12 validation, hand-over to a dropbox), 277CA and
remit.received over `--claims` claims in batches of 500 (one transaction per batch, as the consumer does) and prints CPU per claim of this process and of the Postgres server
processes, and the wall time. The database gets the claims service's migrations and one new tenant.
Not included: Kafka, envelope parsing, inbox and consumer spans (the same for every implementation).
"""
import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal

import psutil

from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.claim_repository import CLAIM
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import build_claims
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.adapters.catalog import Catalog
from services.claims.domain.acks import ClaimAck
from services.claims.settings import Settings
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded
from tests.unit.claims.fakes import Batch

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


async def timed(label: str, claims: int, step, pgdata: str | None) -> None:
    cpu, wall, server = time.process_time(), time.perf_counter(), postgres_cpu(pgdata)
    await step()
    cpu, wall, server = time.process_time() - cpu, time.perf_counter() - wall, postgres_cpu(pgdata) - server
    print(f"{label:8s} client {cpu / claims * 1000:5.2f} ms/claim  postgres {server / claims * 1000:5.2f} ms/claim  "
          f"wall {wall / claims * 1000:5.2f} ms/claim", flush=True)


def remit_for(tenant_id: uuid.UUID, claim) -> Envelope:
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=tenant_id, subject_id=claim.claim_id,
                                   payload=RemitReceived(
        remit_id=str(uuid.uuid4()), claim_id=claim.claim_id, patient_control_number=claim.patient_control_number,
        payer_id="AETNA", status_code="1", charge=Decimal("100.00"), paid=Decimal("76.00"),
        patient_responsibility=Decimal("0.00"), payer_claim_control_number="P1", trace_number="T1"))


async def run(database_url: str, claims: int, pgdata: str | None) -> None:
    engine = make_engine(Settings(database_url=database_url))
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    catalog = Catalog.load()
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="cost", billing_provider=BILLING)), catalog=catalog)
    coded_claims = [coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-{i}"})
                    for i in range(claims)]  # one patient each: the duplicate rule lets every claim through
    batches = [coded_claims[i:i + BATCH] for i in range(0, claims, BATCH)]

    async def build() -> None:
        for batch in batches:
            async with units() as uow:
                await build_claims(uow, Batch([Envelope(event_type="claim.coded", tenant_id=tenant_id,
                                                        subject_id=c.claim_id, payload=c) for c in batch]),
                                   catalog=catalog)

    async def acknowledge() -> None:
        for batch in batches:
            async with units() as uow:
                acks = [ClaimAck(c.patient_control_number, True, "P1", []) for c in batch]
                await record_acknowledgments(uow, tenant_id=tenant_id, acks=acks, x12="")

    async def pay() -> None:
        for batch in batches:
            async with units() as uow:
                await apply_remits(uow, Batch([remit_for(tenant_id, c) for c in batch]))

    async def submit() -> None:
        while True:
            async with units() as uow:
                batched = await batch_ready_claims(uow, catalog=catalog, submitter_id="BILLINGPLATFORM", usage="T",
                                                   limit=BATCH)
            while True:
                async with units() as uow:
                    interchange = await next_interchange_to_send(uow)
                    if interchange is None:
                        break
                    await send_interchange(uow, interchange, clearinghouse=clearinghouse)
            if not batched:
                return

    await timed("coded", claims, build, pgdata)
    async with units() as uow:  # as if their coverage had been verified
        await uow.session.execute(CLAIM.update().where(CLAIM.c.tenant_id == tenant_id)
                                  .values(eligibility={"status": "active"}))
    with tempfile.TemporaryDirectory() as dropbox:
        clearinghouse = DropboxClearinghouse(dropbox)
        await timed("submit", claims, submit, pgdata)
    await timed("277CA", claims, acknowledge, pgdata)
    await timed("remit", claims, pay, pgdata)
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.claims_cost", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--pgdata", default=None, help="the server's data folder, to count its CPU too")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "shared.db.migrate", "claims"], check=True,
                   env={**os.environ, "DATABASE_URL": args.database_url})
    asyncio.run(run(args.database_url, args.claims, args.pgdata))


if __name__ == "__main__":
    main()
