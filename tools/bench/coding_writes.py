"""What the coding consumer writes for one fixed input, as text to compare before and after a change.

    .venv/bin/python -m tools.bench.coding_writes OUT_FILE

Runs encounter.documented batches (of 10, 100, 1 and 100; two tenants, one with auto-accept settings and a
denial history; a note-less encounter, an unreadable record, a redelivery) through the consumer runner against a
fresh Postgres (port BENCH_PORT_BASE + 329), with uuid4, the patient control numbers' random bytes and the trace
ids seeded, and writes every coded_encounter row (documents as jsonb text), outbox row (value, key, headers),
inbox row, dead letter and span (times left out). Two runs of one commit give the same file but for the events'
`occurred_at`; compare with that field blanked.
"""
import asyncio
import glob
import json
import os
import random
import secrets
import shutil
import sys
import uuid

_rng = random.Random(7)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
secrets.token_bytes = lambda n=32: _rng.getrandbits(8 * n).to_bytes(n, "big")
random.seed(11)
from tools.bench import consumer_cost as cc


async def run(port, out):
    from sqlalchemy import text
    from shared.telemetry import setup_tracing
    from services.coding import app as coding_app
    from services.coding.settings import Settings as CodingSettings
    shutil.rmtree(cc.RUN_DIR / "spans", ignore_errors=True)
    setup_tracing("consumer-cost", otlp_endpoint=None, span_log_dir=str(cc.RUN_DIR / "spans"))
    tenants = [uuid.UUID(int=1), uuid.UUID(int=2)]
    runtime = coding_app.build_runtime(CodingSettings(suggestion_index_dir=cc.ROOT / ".run" / "coding-index"))
    async with runtime.engine.begin() as conn:
        await conn.execute(text("INSERT INTO tenant_coding_settings (tenant_id, auto_accept_threshold, auto_accept, "
                                "accept_below_target_precision, updated_by) VALUES (:t, 0.5, true, true, 'dump')"),
                           {"t": tenants[0]})
        for code, n in (("36415", 3), ("99213", 1)):
            await conn.execute(text("INSERT INTO denial_pattern VALUES (:t, 'AETNA', :c, 'authorization', "
                                    "ARRAY['197'], :n, current_date - 30, current_date - 2)"),
                               {"t": tenants[0], "c": code, "n": n})
    import shared.kafka.consumer as consumer_module
    dead = []

    async def record_dlq(producer, failures, **kwargs):
        dead.extend((record.offset, error) for record, error in failures)

    consumer_module.send_to_dlq_until_stored = record_dlq
    runner = cc.consumer_runner(runtime, "dump-coding")
    events = [e for t in tenants for e in cc.encounters(t, 60)]
    events[5] = events[5].model_copy(update={"payload": events[5].payload.model_copy(update={"note": None})})
    items = [cc.record("encounter.documented", o, e.model_dump_json().encode()) for o, e in enumerate(events)]
    items.insert(30, cc.record("encounter.documented", 999, b'{"not": "an envelope"}'))
    items.insert(30, cc.record("encounter.documented", 999, b'{"not": "an envelope"}'))
    items.append(items[3])  # a redelivery
    for start, size in ((0, 10), (10, 100), (110, 1), (111, 100)):
        await runner._handle_batch(items[start:start + size])
    async with runtime.engine.connect() as conn:
        coded = (await conn.execute(text(
            "SELECT encounter_id, tenant_id, external_id, status, claim_id, diagnoses::text, procedures::text, "
            "edits::text, encounter::text, suggestions::text, assigned_to, patient_ref, rendering_npi, date_of_service "
            "FROM coded_encounter ORDER BY encounter_id"))).all()
        outbox = (await conn.execute(text(
            "SELECT event_id, topic, message_key, convert_from(value, 'UTF8'), headers::text FROM outbox_message "
            "ORDER BY id"))).all()
        inbox = (await conn.execute(text("SELECT consumer, event_id, topic FROM inbox_message ORDER BY event_id"))).all()
    await runtime.engine.dispose()
    from opentelemetry import trace
    trace.get_tracer_provider().force_flush() if hasattr(trace.get_tracer_provider(), "force_flush") else None
    await asyncio.sleep(2)
    spans = []
    for path in sorted(glob.glob(str(cc.RUN_DIR / "spans" / "*"))):
        for line in open(path):
            span = json.loads(line)
            for key in list(span):
                if any(w in key for w in ("time", "start", "end", "duration")):
                    span.pop(key)
            spans.append(span)
    with open(out, "w") as f:
        for name, rows in (("coded", coded), ("outbox", outbox), ("inbox", inbox)):
            for row in rows:
                f.write(name + " " + json.dumps([str(v) for v in row]) + "\n")
        for offset, error in dead:
            f.write(f"dlq {offset} {error}\n")
        for span in spans:
            f.write("span " + json.dumps(span, sort_keys=True) + "\n")


if __name__ == "__main__":
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 329
    pg = cc.start_postgres(port)
    try:
        asyncio.run(run(port, sys.argv[1]))
    finally:
        pg.stop()
