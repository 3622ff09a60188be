"""CPU per event of the coding and denials consumers, without Kafka: their routers applied to batches of
records through the consumer runner's own path (parse, inbox, handler, outbox, commit) against a durable Postgres.

    .venv/bin/python -m tools.bench.consumer_cost [--events 2000] [--batch 100] [--without-notes]

Starts an embedded Postgres of its own in `.run/consumer-cost` (port BENCH_PORT_BASE + 329), migrates the
coding and denials databases, and prints, per topic, the Python process's CPU and Postgres's CPU (all its
backends) per event. Relative figures: the machine is shared, and Kafka's fetch is not in them.
"""
import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

import psutil
from aiokafka.structs import ConsumerRecord

from shared.contracts.envelope import Envelope

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "consumer-cost"
FIXTURE = ROOT / "tests" / "fixtures" / "intake" / "encounter.json"


def record(topic: str, offset: int, value: bytes) -> ConsumerRecord:
    return ConsumerRecord(topic=topic, partition=0, offset=offset, timestamp=0, timestamp_type=0, key=None,
                          value=value, checksum=None, serialized_key_size=0, serialized_value_size=len(value),
                          headers=[])


def envelope(event_type: str, tenant_id: uuid.UUID, subject_id, payload) -> Envelope:
    return Envelope(event_type=event_type, tenant_id=tenant_id, subject_id=subject_id, payload=payload)


def encounters(tenant_id: uuid.UUID, count: int, *, notes: bool = True) -> list[Envelope]:
    import json

    from shared.contracts.encounter import EncounterDocumented

    body = json.loads(FIXTURE.read_text())
    events = []
    for n in range(count):
        encounter_id = uuid.uuid4()
        payload = EncounterDocumented.model_validate({
            **body, "encounter_id": str(encounter_id), "external_id": f"ENC-{n}",
            "patient": {**body["patient"], "id": f"MRN-{n % (count // 2 or 1)}"},  # some patients seen twice
            "note": body["note"] if notes else None})
        events.append(envelope("encounter.documented", tenant_id, encounter_id, payload))
    return events


def submitted_claims(tenant_id: uuid.UUID, count: int) -> list[Envelope]:
    from shared.contracts.claim import ClaimSubmitted

    events = []
    for n in range(count):
        claim_id = uuid.uuid4()
        payload = ClaimSubmitted.model_validate({
            "claim_id": str(claim_id), "encounter_id": str(uuid.uuid4()), "patient_control_number": f"PCN{n}",
            "payer_id": "AETNA", "payer_name": "Aetna", "patient_id": f"MRN-{n}", "rendering_npi": "1245319599",
            "total_charge": "150.00", "interchange_control_number": "000000001",
            "submitted_at": datetime.now(timezone.utc).isoformat(),
            "lines": [{"line_number": 1, "procedure_code": "99213", "modifiers": [], "units": 1, "charge": "100.00",
                       "date_of_service": "2026-11-02"},
                      {"line_number": 2, "procedure_code": "36415", "modifiers": [], "units": 1, "charge": "50.00",
                       "date_of_service": "2026-11-02"}]})
        events.append(envelope("claim.submitted", tenant_id, claim_id, payload))
    return events


def remits(tenant_id: uuid.UUID, claims: list[Envelope]) -> list[Envelope]:
    """One in five claims has its venipuncture line denied (CO-197, no authorization); the others are paid."""
    from shared.contracts.remit import RemitReceived

    events = []
    for n, claim in enumerate(claims):
        denied = n % 5 == 0
        lines = [{"procedure_code": "99213", "charge": "100.00", "paid": "80.00",
                  "adjustments": [{"group_code": "CO", "reason_code": "45", "amount": "20.00"}]},
                 {"procedure_code": "36415", "charge": "50.00", "paid": "0" if denied else "40.00",
                  "adjustments": [{"group_code": "CO", "reason_code": "197" if denied else "45",
                                   "amount": "50.00" if denied else "10.00"}]}]
        payload = RemitReceived.model_validate({
            "remit_id": str(uuid.uuid4()), "claim_id": claim.payload.claim_id,
            "patient_control_number": claim.payload.patient_control_number, "payer_id": "60054",
            "payer_name": "Aetna", "status_code": "1", "charge": "150.00", "paid": "80.00" if denied else "120.00",
            "patient_responsibility": "0", "payer_claim_control_number": f"ICN{n}", "trace_number": f"T{n}",
            "payment_date": date(2026, 11, 20).isoformat(), "service_lines": lines})
        events.append(envelope("remit.received", tenant_id, uuid.UUID(claim.payload.claim_id), payload))
    return events


def postgres_cpu(port: int) -> float:
    """CPU seconds of every process of the Postgres listening on `port` (postmaster and backends)."""
    total = 0.0
    for proc in psutil.process_iter(["name", "cmdline"]):
        try:
            if proc.info["name"] == "postgres" and any(f"-p {port}" in part or part == str(port)
                                                       for part in (proc.info["cmdline"] or [])):
                for member in [proc, *proc.children(recursive=True)]:
                    times = member.cpu_times()
                    total += times.user + times.system
        except psutil.Error:
            continue
    return total


async def apply_in_batches(runner, topic: str, events: list[Envelope], batch: int, port: int) -> dict:
    items = [record(topic, offset, event.model_dump_json().encode()) for offset, event in enumerate(events)]
    process, pg_before, wall = time.process_time(), postgres_cpu(port), time.perf_counter()
    for start in range(0, len(items), batch):
        await runner._handle_batch(items[start:start + batch])
    count = len(items)
    return {"topic": topic, "events": count, "batch": batch,
            "python_cpu_ms_per_event": round((time.process_time() - process) * 1000 / count, 3),
            "postgres_cpu_ms_per_event": round((postgres_cpu(port) - pg_before) * 1000 / count, 3),
            "wall_ms_per_event": round((time.perf_counter() - wall) * 1000 / count, 3)}


def start_postgres(port: int):
    from tools.devstack.postgres import EmbeddedPostgres

    postgres = EmbeddedPostgres(RUN_DIR / "pgdata", port, durable=True)
    postgres.stop()
    shutil.rmtree(RUN_DIR / "pgdata", ignore_errors=True)  # a fresh database: the row counts are this run's
    postgres.start()
    env = {**os.environ, "DATABASE_URL": postgres.url, "PYTHONPATH": str(ROOT)}
    for service in ("coding", "denials"):
        subprocess.run([sys.executable, "-m", "shared.db.migrate", service], env=env, cwd=ROOT, check=True)
    os.environ["DATABASE_URL"] = postgres.url
    return postgres


def consumer_runner(runtime, group_id: str):
    """The service's consumer runner over its own router and units of work, fed batches by hand (no broker)."""
    from shared.kafka.consumer import ConsumerRunner

    return ConsumerRunner(group_id=group_id, router=runtime._router, bootstrap_servers="127.0.0.1:1",
                          units_of_work=runtime.units_of_work, producer=runtime.producer)


async def measure(args, port: int) -> list[dict]:
    from shared.runtime import ServiceRuntime
    from shared.telemetry import setup_tracing
    from services.coding import app as coding_app
    from services.coding.settings import Settings as CodingSettings
    from services.denials import app as denials_app
    from services.denials.settings import Settings as DenialsSettings

    setup_tracing("consumer-cost", otlp_endpoint=None, span_log_dir=str(RUN_DIR / "spans"))
    tenant = uuid.uuid4()
    results = []
    for runtime, name, streams in (
        (coding_app.build_runtime(CodingSettings(suggestion_index_dir=ROOT / ".run" / "coding-index")), "coding",
         [("encounter.documented", encounters(tenant, args.events, notes=not args.without_notes))]),
        (denials_app.build_runtime(DenialsSettings()), "denials", _denial_streams(tenant, args.events)),
    ):
        runner = consumer_runner(runtime, f"cost-{name}-{uuid.uuid4().hex[:6]}")
        for topic, events in streams:
            results.append({"service": name, **await apply_in_batches(runner, topic, events, args.batch, port)})
        results.append({"service": name, "rows": await _row_counts(runtime.engine, SUMMARIES[name])})
        await runtime.engine.dispose()
        assert isinstance(runtime, ServiceRuntime)
    return results


SUMMARIES = {
    "coding": "SELECT 'coded_encounter:' || status, count(*) FROM coded_encounter GROUP BY status",
    "denials": "SELECT 'denial:' || status, count(*) FROM denial GROUP BY status UNION ALL "
               "SELECT 'adjudicated_claim', count(*) FROM adjudicated_claim UNION ALL "
               "SELECT 'submitted_claim', count(*) FROM submitted_claim",
}


async def _row_counts(engine, summary: str) -> dict:
    """What the run wrote (rows by state, events by topic): the same input must give the same counts."""
    from sqlalchemy import text

    async with engine.connect() as conn:
        rows = (await conn.execute(text(f"{summary} UNION ALL SELECT 'outbox:' || topic, count(*) "
                                        "FROM outbox_message GROUP BY topic"))).all()
    return dict(sorted((name, count) for name, count in rows))


def _denial_streams(tenant: uuid.UUID, count: int) -> list[tuple[str, list[Envelope]]]:
    claims = submitted_claims(tenant, count)
    return [("claim.submitted", claims), ("remit.received", remits(tenant, claims))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--without-notes", action="store_true",
                        help="encounters without a note, as the end-to-end benchmark sends them")
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 329
    postgres = start_postgres(port)
    try:
        for row in asyncio.run(measure(args, port)):
            print(row)
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
