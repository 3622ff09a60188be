"""What a claim's writes cost the claims database: WAL, index entries, HOT updates, the backend's CPU and
the share of it the maintained counts' refresh takes, per claim.

    BENCH_PORT_BASE=28500 .venv/bin/python -m tools.bench.claim_write_cost --claims 500 [--existing 200000]

Starts an embedded Postgres of its own in `.run/claim-write-cost` (port BENCH_PORT_BASE + 41), migrates the
claims database with its Alembic revisions, optionally loads `--existing` claims (so the indexes are as
deep as a live table's), then runs claims' lives as the pipeline writes them, `--batch` at a time through
the repository's own statements: the insert with its timeline, then the submission round's, the
hand-over's, the 277CA's and the 835's updates, each step its own transaction with its timeline events.
It runs them on one connection in `--rounds` pairs of passes: with the counts' triggers on (the refresh's and
the status move's calls, and their triggers' time, from `pg_stat_user_functions`), then with them off, so the difference in the backend's CPU
(each side's median pass) is what keeping the counts costs. After each pass, `--flips` status steps of one
batch's claims (each its own transaction) price the refresh per statement with less around it. Printed as JSON, per claim: WAL bytes and records by kind (`pg_walinspect`), B-tree leaf
inserts per index, updates and their HOT share per table, backend CPU and wall ms. The rows are synthetic.
"""
import argparse
import asyncio
import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import asyncpg
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from services.claims.adapters.claim_repository import ClaimRepository
from services.claims.adapters.timeline import Timeline
from services.claims.adapters.reports import CLAIM_TALLY
from services.claims.application import apply_remits, record_acks, send_interchange, submission_round
from shared.db.migrate import alembic_config, ensure_database
from tools.bench.walinspect import rows as _rows, scalar as _scalar, wal_between

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "claim-write-cost"
PAYERS = ("AETNA", "CIGNA", "UHC", "BCBS", "MEDICARE")
# Claims already stored: 50 tenants, five payers, most of them paid, a few at every other step.
EXISTING = """
INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code,
                   total_charge, coded, edits, submitted_at, remit_received_at, created_at, eligibility, interchange_id)
SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((i % 50)::text, 12, '0'))::uuid, gen_random_uuid(),
       'E' || i, CASE WHEN i % 997 = 0 THEN 'ready' WHEN i % 1000 = 1 THEN 'submitted' WHEN i % 500 = 3 THEN 'accepted'
                      WHEN i % 50 = 7 THEN 'denied' WHEN i % 101 = 5 THEN 'held' ELSE 'paid' END,
       ($2::text[])[1 + i % 5], '1', 100, jsonb_build_object('date_of_service', '2026-11-02'), '[]',
       now() - (i * interval '30 s') + interval '1 day', now() - (i * interval '30 s') + interval '20 days',
       now() - (i * interval '30 s'), '{}'::jsonb, i / 50
FROM generate_series(1, $1::int) AS i"""
# A claim's steps after its insert: what each changes, the columns its use case writes, its timeline event.
STEPS = (({"status": "submitting", "eligibility": {"status": "active"}}, submission_round.UPDATED, "batched"),
         ({"status": "submitted"}, send_interchange.UPDATED, "submitted"),
         ({"status": "accepted", "payer_claim_number": "ICN1"}, record_acks.UPDATED, "accepted"),
         ({"status": "paid"}, apply_remits.UPDATED, "adjudicated"))
TIMED = {"submitted": "submitted_at", "paid": "remit_received_at"}


def prepare(url: str, existing: int) -> None:
    """The claims database migrated to its heads, with `existing` claims (counted by the triggers) analyzed."""
    asyncio.run(ensure_database(url))
    command.upgrade(alembic_config("claims", url), "heads")
    asyncio.run(_load_existing(url, existing))


def _raw(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _load_existing(url: str, existing: int) -> None:
    conn = await asyncpg.connect(_raw(url))
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
        if existing and not await conn.fetchval("SELECT count(*) FROM claim WHERE patient_control_number LIKE 'E%'"):
            await conn.execute(EXISTING, existing, list(PAYERS))
        await conn.execute("VACUUM ANALYZE claim")
        await conn.execute("VACUUM ANALYZE claim_tally_member")
    finally:
        await conn.close()


def _cpu_seconds(pid: int) -> float:
    """The backend's time on a CPU, in nanoseconds from the scheduler (/proc/pid/stat counts 10 ms ticks)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9


class Lives:
    """Claims' lives written through the claims repository on one connection, a batch per transaction."""

    def __init__(self, session: AsyncSession, tenant_id: uuid.UUID):
        self.session, self.tenant_id = session, tenant_id
        self.claims, self.timeline = ClaimRepository(session), Timeline(session)

    async def batch(self, size: int, control: int) -> None:
        tag = uuid.uuid4().hex[:10]
        rows = [{"id": uuid.uuid4(), "tenant_id": self.tenant_id, "encounter_id": uuid.uuid4(),
                 "patient_control_number": f"W{tag}{i}", "status": "ready", "payer_id": PAYERS[i % len(PAYERS)],
                 "frequency_code": "1", "original_claim_id": None, "total_charge": 100,
                 "coded": {"date_of_service": "2026-12-01"}, "edits": [], "trace_context": None, "payers_after": 0,
                 "payer_sequence": "P", "prior_claim_id": None, "prior_payers": None} for i in range(size)]
        await self.claims.insert_many(rows)
        self.timeline.add_many({"tenant_id": self.tenant_id, "claim_id": r["id"], "event": event, "status": "ready",
                                "detail": {}} for r in rows for event in ("built", "scrubbed"))
        await self._commit()
        keys = [(self.tenant_id, r["patient_control_number"]) for r in rows]
        for change, columns, event in STEPS:
            read = self.claims.answered if columns == submission_round.UPDATED else self.claims.by_pcns
            records = list((await read(keys)).values())
            now = datetime.now(timezone.utc)
            for record in records:
                for column, value in {**change, "interchange_id": control}.items():
                    setattr(record, column, value)
                if change["status"] in TIMED:
                    setattr(record, TIMED[change["status"]], now)
                self.timeline.add(record, event)
            await self.claims.update_many(records, columns)
            await self._commit()

    async def _commit(self) -> None:
        await self.timeline.flush()
        await self.session.commit()


async def _step(conn, sql: str, **params) -> None:
    await conn.execute(text(sql), params)
    await conn.commit()


async def _set_counts(conn, on: bool) -> None:
    for source in CLAIM_TALLY.sources:
        for op in ("insert", "update", "delete"):
            await conn.execute(text(f"ALTER TABLE {source.table} {'ENABLE' if on else 'DISABLE'} "
                                    f"TRIGGER {CLAIM_TALLY.name}_{op}"))
    await conn.commit()


# The refresh's and the status move's calls, and the time of the triggers' functions that run them (all the
# counts' work, the rollup's trigger included).
COUNTS_FUNCTIONS = f"""
SELECT coalesce(sum(calls) FILTER (WHERE funcname = '{CLAIM_TALLY.name}_refresh'), 0),
       coalesce(sum(calls) FILTER (WHERE funcname = '{CLAIM_TALLY.name}_move'), 0),
       coalesce(sum(total_time) FILTER (WHERE funcname LIKE '{CLAIM_TALLY.name}\\_from\\_%'), 0)
FROM pg_stat_user_functions"""


async def _refresh_stats(conn) -> tuple[int, int, float]:
    """The refresh's and the move's calls and the counts' total milliseconds so far, this backend's included."""
    await _scalar(conn, "SELECT pg_stat_force_next_flush()")
    await _scalar(conn, "SELECT pg_stat_clear_snapshot()")
    refreshes, moves, ms = (await _rows(conn, COUNTS_FUNCTIONS))[0]
    return int(refreshes), int(moves), float(ms)


# A status step of one batch's claims back and forth, each its own transaction: the refresh's cost per
# statement, with less around it than a claim's whole life.
FLIP = ("UPDATE claim SET status = CASE WHEN status = 'paid' THEN 'accepted' ELSE 'paid' END "
        "WHERE id IN (SELECT id FROM claim WHERE tenant_id = :t AND patient_control_number LIKE 'W%' "
        "ORDER BY created_at DESC LIMIT :n)")


async def _flips(conn, pid: int, tenant, batch: int, flips: int) -> float:
    """The backend's CPU ms per status step of `batch` claims, over `flips` of them."""
    for _ in range(5):
        await _step(conn, FLIP, t=tenant, n=batch)
    cpu = _cpu_seconds(pid)
    for _ in range(flips):
        await _step(conn, FLIP, t=tenant, n=batch)
    return round(1000 * (_cpu_seconds(pid) - cpu) / flips, 3)


async def _pass(conn, lives: Lives, pid: int, claims: int, batch: int, control: int) -> dict:
    # Statistics as the claims written so far make them: the refresh's generic plans are made from them, and
    # plans made over the empty tables of a fresh database scan them.
    await _step(conn, "ANALYZE claim, claim_event, claim_tally_member, claim_tally")
    calls, moves, refresh_ms = await _refresh_stats(conn)
    start = await _scalar(conn, "SELECT pg_current_wal_insert_lsn()::text")
    cpu, wall = _cpu_seconds(pid), asyncio.get_running_loop().time()
    done = 0
    while done < claims:
        size = min(batch, claims - done)
        await lives.batch(size, control)
        done, control = done + size, control + 1
    cpu, wall = _cpu_seconds(pid) - cpu, asyncio.get_running_loop().time() - wall
    end = await _scalar(conn, "SELECT pg_current_wal_insert_lsn()::text")
    after_calls, after_moves, after_ms = await _refresh_stats(conn)
    return {"backend_cpu_ms": round(1000 * cpu / claims, 3), "wall_ms": round(1000 * wall / claims, 3),
            "refresh_calls": round((after_calls - calls) / claims, 2),
            "move_calls": round((after_moves - moves) / claims, 2),
            "refresh_ms": round((after_ms - refresh_ms) / claims, 3), **await wal_between(conn, start, end, claims)}


async def measure(url: str, *, claims: int, batch: int, rounds: int = 1, flips: int = 0) -> dict:
    """`rounds` pairs of passes (counts on, counts off) over a prepared claims database, alternated so that
    the machine's load falls on both alike; figures per claim from each side's median pass by CPU."""
    engine = create_async_engine(url)
    sides: dict[str, list[dict]] = {"with_counts": [], "without_counts": []}
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SET track_functions = 'all'"))
            await conn.commit()
            pid = await _scalar(conn, "SELECT pg_backend_pid()")
            # A tenant the statistics know (one of the existing claims'), as a live tenant is: for a tenant
            # they have not seen, the reads by patient control number scan the tenant's claims instead.
            tenant = await _scalar(conn, "SELECT tenant_id FROM claim ORDER BY created_at DESC LIMIT 1")
            lives, control = Lives(AsyncSession(bind=conn), tenant or uuid.uuid4()), 0
            steps: dict[str, list[float]] = {"with_counts": [], "without_counts": []}
            try:
                for _ in range(rounds):
                    for side, on in (("with_counts", True), ("without_counts", False)):
                        await _set_counts(conn, on)
                        await lives.batch(batch, control)  # statements prepared and planned again after the switch
                        sides[side].append(await _pass(conn, lives, pid, claims, batch, control + 1))
                        control += claims + 1
                        if flips:
                            steps[side].append(await _flips(conn, pid, lives.tenant_id, batch, flips))
            finally:
                await _set_counts(conn, True)
    finally:
        await engine.dispose()
    with_counts, without = (_median(sides[side]) for side in ("with_counts", "without_counts"))
    cpu = with_counts["backend_cpu_ms"]
    step_on, step_off = (sorted(steps[side])[len(steps[side]) // 2] if flips else None for side in steps)
    return {"claims": claims, "batch": batch, "rounds": rounds,
            "status_step_cpu_ms": {"flips": flips, "with_counts": step_on, "without_counts": step_off,
                                   "refresh": round(step_on - step_off, 3) if flips else None,
                                   "by_round": steps},
            "backend_cpu_ms_by_round": {side: [p["backend_cpu_ms"] for p in passes] for side, passes in sides.items()},
            "with_counts": with_counts, "without_counts": without,
            "counts_share_of_cpu": round(1 - without["backend_cpu_ms"] / cpu, 3) if cpu else None,
            "refresh_share_of_wall": round(with_counts["refresh_ms"] / with_counts["wall_ms"], 3)
            if with_counts["wall_ms"] else None}


def _median(passes: list[dict]) -> dict:
    return sorted(passes, key=lambda p: p["backend_cpu_ms"])[len(passes) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.claim_write_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--existing", type=int, default=0, help="claims stored before the measured ones")
    parser.add_argument("--rounds", type=int, default=3, help="pairs of passes, counts on and off, alternated")
    parser.add_argument("--flips", type=int, default=40,
                        help="status steps of one batch after each pass, for the refresh's CPU per statement")
    parser.add_argument("--keep", action="store_true", help="keep the database (and its existing claims) for the next run")
    args = parser.parse_args()
    from tools.devstack.postgres import EmbeddedPostgres

    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 41
    postgres = EmbeddedPostgres(RUN_DIR / "pgdata", port, durable=True)
    postgres.stop()
    if not args.keep:
        shutil.rmtree(RUN_DIR / "pgdata", ignore_errors=True)
    postgres.start()
    url = make_url(postgres.url).set(drivername="postgresql+asyncpg", database="billing_claims").render_as_string(
        hide_password=False)
    try:
        prepare(url, args.existing)
        print(json.dumps(asyncio.run(measure(url, claims=args.claims, batch=args.batch, rounds=args.rounds,
                                                flips=args.flips)), indent=1))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
