"""CPU per event of the payments consumer alone, against a real Postgres, without Kafka or the other services.

    .venv/bin/python -m tools.bench.payments_consumer [--claims 1000] [--batch 250] [--port 23950] [--profile OUT]

Starts an embedded Postgres of its own (durable settings, in .run/payments-consumer-bench), migrates the
payments database, then feeds the consumer's own batch path (inbox, router, handlers, outbox) polled
batches of claim.submitted and then of remit.received, as the runner would. Prints the CPU of this
process and of the Postgres backends per event. A relative figure: the machine is shared. With `--profile`,
writes a cProfile (CPU clock) of the measured batches to OUT.claim.submitted and OUT.remit.received: its call
counts are the same from run to run.
"""
import argparse
import asyncio
import cProfile
import os
import subprocess
import time
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

from aiokafka.structs import ConsumerRecord
from sqlalchemy import text

from shared.contracts.claim import ClaimSubmitted, SubmittedLine
from shared.contracts.common import Adjustment
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.kafka.consumer import ConsumerRunner, Parsed
from services.payments.entrypoints.consumers import build_router
from services.payments.settings import Settings
from tools.bench.in_process import start_postgres

ROOT = Path(__file__).resolve().parents[2]
DOS = date(2026, 11, 2)


def _submitted(tenant_id: uuid.UUID, index: int) -> Envelope[ClaimSubmitted]:
    claim_id = uuid.uuid4()
    lines = [SubmittedLine(line_number=n, procedure_code=code, units=1, charge=Decimal(charge), date_of_service=DOS)
             for n, (code, charge) in enumerate((("99213", "120.00"), ("36415", "30.00")), start=1)]
    payload = ClaimSubmitted(claim_id=str(claim_id), encounter_id=str(uuid.uuid4()),
                             patient_control_number=f"B{index:019d}", payer_id="AETNA", patient_id=f"P{index % 400}",
                             rendering_npi="1234567893", total_charge=Decimal("150.00"), lines=lines,
                             interchange_control_number="000000001", submitted_at=datetime.now(timezone.utc))
    return Envelope[ClaimSubmitted](event_type="claim.submitted", tenant_id=tenant_id, subject_id=claim_id,
                                    payload=payload)


def _remit(claim: Envelope[ClaimSubmitted], remit_id: str, sequence: int) -> Envelope[RemitReceived]:
    c = claim.payload
    lines = [RemitServiceLine(procedure_code=line.procedure_code, charge=line.charge, paid=line.charge * Decimal("0.6"),
                              date_of_service=DOS,
                              line_control_number=f"{c.claim_id.replace('-', '')}-{line.line_number}",
                              adjustments=[Adjustment(group_code=group, reason_code=reason, amount=line.charge * share)
                                           for group, reason, share in (("CO", "45", Decimal("0.3")),
                                                                        ("PR", "2", Decimal("0.1")))])
             for line in c.lines]
    payload = RemitReceived(remit_id=remit_id, claim_id=c.claim_id, patient_control_number=c.patient_control_number,
                            payer_id="AETNA", status_code="1", charge=c.total_charge, paid=Decimal("90.00"),
                            patient_responsibility=Decimal("15.00"), payer_claim_control_number=f"ICN{sequence}",
                            trace_number="T1", claim_payment_sequence=sequence, service_lines=lines)
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=claim.tenant_id,
                                   subject_id=claim.subject_id, payload=payload)


def _parsed(topic: str, envelopes: list[Envelope]) -> list[Parsed]:
    return [Parsed(ConsumerRecord(topic, 0, offset, 0, 0, None, e.model_dump_json().encode(), None, 0, 0, []), e)
            for offset, e in enumerate(envelopes)]


def _backend_cpu_seconds(data_dir: Path) -> float:
    """utime + stime of the postmaster and all its children, from /proc."""
    master = int((data_dir / "postmaster.pid").read_text().split()[0])
    pids = [master] + [int(p) for p in subprocess.run(["pgrep", "-P", str(master)], capture_output=True,
                                                       text=True).stdout.split()]
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _units(sessions) -> UnitOfWorkFactory:
    try:
        from services.payments.adapters.repositories import PaymentsUnitOfWork
    except ImportError:  # the code from before the repositories
        return UnitOfWorkFactory(sessions)
    return UnitOfWorkFactory(sessions, unit_of_work=PaymentsUnitOfWork)


async def _feed(runner: ConsumerRunner, topic: str, envelopes: list[Envelope], batch: int, data_dir: Path,
                profile: cProfile.Profile | None = None) -> tuple:
    cpu, pg = time.process_time(), _backend_cpu_seconds(data_dir)
    for start in range(0, len(envelopes), batch):
        polled = _parsed(topic, envelopes[start:start + batch])
        if profile:
            profile.enable()
        await runner._apply(polled)
        if profile:
            profile.disable()
    per_event = 1000 / len(envelopes)
    return (time.process_time() - cpu) * per_event, (_backend_cpu_seconds(data_dir) - pg) * per_event


async def measure(url: str, claims: int, batch: int, data_dir: Path, profile_out: str | None = None) -> None:
    engine = make_engine(Settings(database_url=url))
    runner = ConsumerRunner(group_id="payments", router=build_router(), bootstrap_servers="127.0.0.1:1",
                            units_of_work=_units(make_session_factory(engine)), producer=None)  # type: ignore[arg-type]
    tenant_id = uuid.uuid4()
    submitted = [_submitted(tenant_id, i) for i in range(claims)]
    remit_id = str(uuid.uuid4())
    remits = [_remit(c, remit_id, n) for n, c in enumerate(submitted, start=1)]
    warm = [_submitted(tenant_id, claims + i) for i in range(batch)]
    await _feed(runner, "claim.submitted", warm, batch, data_dir)
    await _feed(runner, "remit.received", [_remit(c, str(uuid.uuid4()), 1) for c in warm], batch, data_dir)
    for topic, envelopes in (("claim.submitted", submitted), ("remit.received", remits)):
        profile = cProfile.Profile(time.process_time) if profile_out else None
        wall = time.perf_counter()
        python_ms, postgres_ms = await _feed(runner, topic, envelopes, batch, data_dir, profile)
        if profile:
            profile.dump_stats(f"{profile_out}.{topic}")
        print(f"{topic:16} {len(envelopes)} events in batches of {batch}: consumer {python_ms:.3f} ms CPU/event, "
              f"postgres {postgres_ms:.3f} ms CPU/event, "
              f"wall {(time.perf_counter() - wall) * 1000 / len(envelopes):.2f} ms/event")
    async with engine.connect() as conn:  # what was written, so a fast run that wrote nothing shows as such
        figures = (await conn.execute(text(
            "SELECT (SELECT count(*) FROM billed_claim),"
            " (SELECT count(*) FROM ledger_transaction WHERE kind = 'payment'),"
            " (SELECT count(*) FROM outbox_message WHERE topic = 'payment.posted'),"
            " (SELECT sum(amount) FROM ledger_entry),"
            " (SELECT sum(amount) FROM ledger_entry WHERE account = 'cash:clearing')"))).one()
    print("receivables {}, payments {}, payment.posted {}, sum of all entries {}, cash {}".format(*figures))
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--port", type=int, default=23950)
    parser.add_argument("--profile", metavar="OUT", help="write a cProfile of each phase to OUT.<topic>")
    args = parser.parse_args()
    run_dir = ROOT / ".run" / "payments-consumer-bench"
    postgres = start_postgres(run_dir, args.port, ("payments",))
    try:
        asyncio.run(measure(postgres.url, args.claims, args.batch, run_dir / "pgdata", args.profile))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
