"""The coding consumer's CPU per event, and optionally its cProfile (CPU clock), after a warm-up of 200 events.

    .venv/bin/python -m tools.bench.coding_consumer_profile EVENTS BATCH [PROFILE_OUT]

MEMO_SUGGESTER=1 remembers the note suggester's answer for the benchmark's one note, so that what is measured is
the rest of the consumer's path. Postgres on BENCH_PORT_BASE + 329, as tools.bench.consumer_cost.
"""
import asyncio
import cProfile
import dataclasses
import functools
import os
import sys
import time
import uuid

from tools.bench import consumer_cost as cc


async def run(events, batch, port, out):
    from shared.telemetry import setup_tracing
    from services.coding import app as coding_app
    from services.coding.settings import Settings as CodingSettings
    setup_tracing("consumer-cost", otlp_endpoint=None, span_log_dir=str(cc.RUN_DIR / "spans"))
    tenant = uuid.uuid4()
    coder = coding_app.build_coder(CodingSettings(suggestion_index_dir=cc.ROOT / ".run" / "coding-index"))
    if os.environ.get("MEMO_SUGGESTER"):  # the suggester's answer for the one bench note, remembered: the rest alone
        coder = dataclasses.replace(coder, suggest=functools.lru_cache(maxsize=4)(coder.suggest))
    coder = dataclasses.replace(coder, suggest_off_the_loop=False)  # cProfile sees this thread only
    runtime = coding_app.build_runtime(CodingSettings(suggestion_index_dir=cc.ROOT / ".run" / "coding-index"), coder)
    runner = cc.consumer_runner(runtime, f"cost-coding-{uuid.uuid4().hex[:6]}")
    warm = cc.encounters(uuid.uuid4(), 200)
    await cc.apply_in_batches(runner, "encounter.documented", warm, batch, port)
    evs = cc.encounters(tenant, events)
    items = [cc.record("encounter.documented", 1000 + o, e.model_dump_json().encode()) for o, e in enumerate(evs)]
    prof = cProfile.Profile(time.process_time)
    t0 = time.process_time()
    if out:
        prof.enable()
    for s in range(0, len(items), batch):
        await runner._handle_batch(items[s:s + batch])
    if out:
        prof.disable()
    print("cpu ms/event", (time.process_time() - t0) * 1000 / len(items))
    print(await cc._row_counts(runtime.engine, cc.SUMMARIES["coding"]))
    await runtime.engine.dispose()
    if out:
        prof.dump_stats(out)


if __name__ == "__main__":
    events, batch, out = int(sys.argv[1]), int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else None)
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 329
    pg = cc.start_postgres(port)
    try:
        asyncio.run(run(events, batch, port, out))
    finally:
        pg.stop()
