"""What the payments database spends on a batch of postings: the statements of the consumer's batches and
those the ledger's triggers run inside them (calls, buffers, WAL records, time), WAL, index entries and
the backends' CPU, per event.

    BENCH_PORT_BASE=27000 .venv/bin/python -m tools.bench.posting_cost [--claims 1000] [--batch 20] [--rounds 3]
        [--existing 100000] [--side-by-side ROUNDS [--calls 200]
        [--versions triggers|balance-index|aging-refresh|patient-index]]

Starts an embedded Postgres of its own (durable settings, `.run/posting-cost`, port BENCH_PORT_BASE + 43)
with pg_stat_statements loaded (nested statements tracked), migrates the payments database, posts
`--existing` claims' charges for another tenant (so the ledger's tables and indexes are of a live database's
depth), then feeds the consumer's own batch path (inbox, router, use cases, outbox; as `payments_consumer`
does) `--rounds` rounds of `--claims` claim.submitted events and then one 835 paying each claim, `--batch`
at a time. Each phase is measured on its own: the tables are analyzed and the statistics reset before it,
and read after it. With `--side-by-side`, one payment posting of 20 claims is then priced on one connection
with the ledger's triggers off, then its figures kept by two triggers and by one, in turn (rolled back
each time); with `--versions balance-index`, with and without the index that made the claims' balance
updates non-HOT; with `--versions aging-refresh`, the A/R aging refresh called by the balances' triggers and
by the ledger's function; with `--versions patient-index`, the entries indexed by patient all or only the
credit ones. Statements, buffers, rows, WAL records and index entries are the same from run to run; the CPU
figures move with the machine's load. The rows are synthetic.
"""
import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from services.payments.entrypoints.consumers import build_router
from services.payments.settings import Settings
from shared.db.engine import make_engine, make_session_factory
from shared.kafka.consumer import ConsumerRunner
from tools.bench.payments_consumer import (
    _backend_cpu_seconds,
    _parsed,
    _remit,
    _submitted,
    _units,
)
from tools.bench.walinspect import rows as _rows
from tools.bench.walinspect import scalar as _scalar
from tools.bench.walinspect import wal_between
from tools.devstack.postgres import EmbeddedPostgres

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "posting-cost"
STATEMENTS = """
SELECT s.toplevel, s.calls, s.rows, s.total_exec_time, s.plans, s.total_plan_time, s.query,
       s.shared_blks_hit + s.shared_blks_read AS blocks, s.wal_records
FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat%' AND s.query NOT LIKE '%pg_get_wal%'
  AND s.query NOT LIKE '%pg_current_wal%'
"""
PHASES = ("claim.submitted", "remit.received")


async def _enable_statistics(server_url: str) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
        await conn.execute("ALTER SYSTEM SET pg_stat_statements.track = 'all'")
        await conn.execute("ALTER SYSTEM SET track_functions = 'pl'")
    finally:
        await conn.close()


async def _reset(conn) -> None:
    await _scalar(conn, "SELECT pg_stat_statements_reset()")


async def _statistics(conn, batches: int, events: int) -> dict:
    statements = await _rows(conn, STATEMENTS)

    def per_batch(n) -> float:
        return round(float(n) / batches, 2)

    nested = sorted((s for s in statements if not s[0]), key=lambda s: -s[3])
    return {
        "statements_per_batch": per_batch(sum(s[1] for s in statements if s[0])),
        "nested_statements_per_batch": per_batch(sum(s[1] for s in nested)),
        "plans_per_batch": per_batch(sum(s[4] for s in statements)),
        "exec_ms_per_event": round(sum(float(s[3]) for s in statements if s[0]) / events, 4),
        "blocks_per_batch": per_batch(sum(s[7] for s in statements if s[0])),
        "nested_blocks_per_batch": per_batch(sum(s[7] for s in nested)),
        "nested_by_time": [{"calls_per_batch": per_batch(s[1]), "rows_per_batch": per_batch(s[2]),
                            "exec_ms_per_batch": round(float(s[3]) / batches, 3),
                            "blocks_per_batch": per_batch(s[7]), "wal_records_per_batch": per_batch(s[8]),
                            "query": " ".join(s[6].split())[:150]} for s in nested[:12]],
    }


# A ledger already holding `existing` claims' postings (another tenant's, four entries each), so the
# triggers' lookups meet tables of a live database's depth and the planner plans for them.
EXISTING = """
WITH t AS (INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind, created_at)
           SELECT gen_random_uuid(), CAST(:tenant AS uuid), gen_random_uuid(), 'charge',
                  now() - (i * interval '1 minute')
           FROM generate_series(1, CAST(:n AS int)) AS i RETURNING id, tenant_id, claim_id)
INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, patient_id, account, amount)
SELECT t.id, t.tenant_id, t.claim_id, 'E1', a.account, a.amount FROM t,
    (VALUES ('ar:insurance', 90.00), ('ar:patient', 15.00), ('adj:contractual', 45.00), ('revenue', -150.00))
        AS a(account, amount)"""


async def _feed(runner, topic: str, envelopes: list, batch: int) -> None:
    for start in range(0, len(envelopes), batch):
        await runner._apply(_parsed(topic, envelopes[start:start + batch]))


async def measure(url: str, claims: int, batch: int, rounds: int, existing: int, data_dir: Path) -> dict:
    engine = make_engine(Settings(database_url=url))
    runner = ConsumerRunner(group_id="payments", router=build_router(), bootstrap_servers="127.0.0.1:1",
                            units_of_work=_units(make_session_factory(engine)), producer=None)  # type: ignore[arg-type]
    tenant_id = uuid.uuid4()
    if existing:
        async with engine.connect() as conn:
            await conn.execute(text(EXISTING), {"n": existing, "tenant": str(uuid.uuid4())})
            await conn.commit()
    warm = [_submitted(tenant_id, i) for i in range(max(batch * 3, 60))]
    await _feed(runner, "claim.submitted", warm, batch)
    await _feed(runner, "remit.received", [_remit(c, str(uuid.uuid4()), 1) for c in warm], batch)
    phases: dict[str, list[dict]] = {phase: [] for phase in PHASES}
    async with engine.connect() as conn:
        for setup in ("CREATE EXTENSION IF NOT EXISTS pg_walinspect",
                      "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "ANALYZE"):
            await conn.execute(text(setup))
            await conn.commit()
        for round_ in range(rounds):
            submitted = [_submitted(tenant_id, (round_ + 1) * 100_000 + i) for i in range(claims)]
            remit_id = str(uuid.uuid4())
            remits = [_remit(c, remit_id, n) for n, c in enumerate(submitted, start=1)]
            for topic, envelopes in (("claim.submitted", submitted), ("remit.received", remits)):
                # Statistics as the rows written so far make them, as autovacuum keeps a live database's:
                # with those of the warm-up's few rows, the triggers' plans scan tables that have grown since.
                await conn.execute(text("ANALYZE"))
                await conn.commit()
                await _reset(conn)
                start = await _scalar(conn, "SELECT pg_current_wal_insert_lsn()::text")
                cpu = _backend_cpu_seconds(data_dir)
                await _feed(runner, topic, envelopes, batch)
                cpu = _backend_cpu_seconds(data_dir) - cpu
                end = await _scalar(conn, "SELECT pg_current_wal_insert_lsn()::text")
                batches = -(-len(envelopes) // batch)
                phases[topic].append({"postgres_cpu_ms_per_event": round(1000 * cpu / len(envelopes), 3),
                                      **await _statistics(conn, batches, len(envelopes)),
                                      **await wal_between(conn, start, end, len(envelopes))})
        written = (await conn.execute(text(
            "SELECT (SELECT count(*) FROM billed_claim),"
            " (SELECT count(*) FROM ledger_transaction WHERE kind = 'payment'), (SELECT sum(amount) FROM ledger_entry),"
            " (SELECT sum(amount) FROM ledger_entry WHERE account = 'cash:clearing'),"
            " (SELECT count(*) FROM ar_aging_figure), (SELECT sum(amount) FROM ar_aging_figure),"
            " (SELECT sum(items) FROM ar_aging_figure)"))).one()
    await engine.dispose()
    result = {"claims": claims, "batch": batch, "rounds": rounds, "existing": existing,
              "written": dict(zip(("receivables", "payments", "sum_of_entries", "cash", "aging_rows",
                                   "aging_amount", "aging_items"), (str(v) for v in written)))}
    for topic, runs in phases.items():
        median = sorted(runs, key=lambda r: r["postgres_cpu_ms_per_event"])[len(runs) // 2]
        result[topic] = {"postgres_cpu_ms_per_event_by_round": [r["postgres_cpu_ms_per_event"] for r in runs],
                         "exec_ms_per_event_by_round": [r["exec_ms_per_event"] for r in runs],
                         "nested_blocks_per_batch_by_round": [r["nested_blocks_per_batch"] for r in runs],
                         "nested_ms_per_batch_by_round": [{n["query"][:60]: n["exec_ms_per_batch"]
                                                           for n in r["nested_by_time"][:6]} for r in runs],
                         "median_round": median}
    return result


# A claim payment's posting for each of `ids` (the shape the 835 posts: cash, contractual adjustment, the
# patient's share moved to patient A/R, insurance A/R taken off, per line; a patient per claim), as one statement.
PAYMENT = """
WITH t AS (INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind)
           SELECT gen_random_uuid(), b.tenant_id, b.claim_id, 'payment' FROM claim_balance b
           WHERE b.claim_id = ANY($1::uuid[])
           RETURNING id, tenant_id, claim_id)
INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, patient_id, account, amount, line_number)
SELECT t.id, t.tenant_id, t.claim_id, 'P' || left(t.claim_id::text, 8), a.account, a.amount, a.line FROM t,
    (VALUES ('cash:clearing', 72.00, 1), ('adj:contractual', 36.00, 1), ('ar:patient', 12.00, 1),
            ('ar:insurance', -120.00, 1), ('cash:clearing', 18.00, 2), ('adj:contractual', 9.00, 2),
            ('ar:patient', 3.00, 2), ('ar:insurance', -30.00, 2))
        AS a(account, amount, line)"""


def _cpu_ms(pid: int) -> float:
    """A process's time on a CPU, from the scheduler in nanoseconds (/proc/pid/stat counts 10 ms ticks)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e6


async def functions_side_by_side(url: str, versions: dict[str, list[str]], *, rounds: int, calls: int,
                                 claims: int = 20) -> dict:
    """The backend's CPU per posting of `claims` claims' payments with each version of the ledger's trigger
    functions or schema (`versions`: name -> the statements installing it), on one connection over the
    same rows, versions alternated round by round, in the order given and then in reverse; every posting is
    rolled back. The version named last is left installed."""
    service_url = make_url(Settings(database_url=url).service_database_url())
    conn = await asyncpg.connect(service_url.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        pid = await conn.fetchval("SELECT pg_backend_pid()")
        ids = [r[0] for r in await conn.fetch("SELECT claim_id FROM ar_aging_member ORDER BY claim_id DESC LIMIT $1",
                                              claims)]
        by_version: dict[str, list[float]] = {name: [] for name in versions}
        function_calls: dict[str, int] = {}
        names = list(versions)
        for round_ in range(rounds):
            for name in names if round_ % 2 == 0 else names[::-1]:
                for statement in versions[name]:
                    await conn.execute(statement)
                function_calls[name] = await _function_calls_of_one_posting(conn, ids)
                for n in range(5 + calls):
                    if n == 5:
                        start = _cpu_ms(pid)
                    transaction = conn.transaction()
                    await transaction.start()
                    await conn.execute(PAYMENT, ids)
                    await transaction.rollback()
                by_version[name].append(round((_cpu_ms(pid) - start) / calls, 3))
        if rounds % 2 == 0:
            for statement in versions[names[-1]]:
                await conn.execute(statement)
    finally:
        await conn.close()
    return {"claims_per_posting": claims, "calls_per_round": calls, "plpgsql_calls_per_posting": function_calls,
            "backend_cpu_ms_per_posting": by_version}


async def _function_calls_of_one_posting(conn, ids: list) -> int:
    """PL/pgSQL functions called (trigger functions and those they call) by one posting, rolled back. The
    backend's pending function counts are flushed first, so the transaction's counts are its own."""
    await conn.execute("SELECT pg_stat_force_next_flush()")
    await conn.execute("SELECT 1")
    transaction = conn.transaction()
    await transaction.start()
    try:
        await conn.execute(PAYMENT, ids)
        return await conn.fetchval(
            "SELECT coalesce(sum(pg_stat_get_xact_function_calls(p.oid)), 0)::int FROM pg_proc p"
            " JOIN pg_language l ON l.oid = p.prolang WHERE l.lanname = 'plpgsql'")
    finally:
        await transaction.rollback()


def _trigger_function_versions() -> dict[str, list[str]]:
    """The ledger's triggers off (what the posting costs without its maintained figures), then its figures
    kept by the balances' and the daily flows' two triggers, then by the one trigger running both."""
    from services.payments.adapters import ledger_figures

    off = [f"DROP TRIGGER IF EXISTS {name} ON ledger_entry"
           for name in ("ledger_entry_figures", *(trigger for trigger, *_ in ledger_figures.SEPARATE))]
    return {"triggers_off": off,
            "two_triggers": [*off, *ledger_figures.separate_triggers()],
            "one_trigger": [*off, ledger_figures.TRIGGER_FUNCTION, ledger_figures.TRIGGER]}


def _balance_index_versions() -> dict[str, list[str]]:
    """The claims' balances with the covering index of open balances that named their amounts (every update
    non-HOT, a new entry in it and in the primary key), then without it (the update stays on its page when
    the page has room)."""
    from services.payments.adapters.balances import OPEN_BALANCES_INDEX

    return {"open_balances_index": [OPEN_BALANCES_INDEX.replace(" CONCURRENTLY", "")],
            "no_index": ["DROP INDEX IF EXISTS ix_claim_balance_open"]}


def _aging_refresh_versions() -> dict[str, list[str]]:
    """The A/R aging refresh called by `claim_balance`'s triggers with the claims of the balances upsert's
    transition tables, then by the ledger's function with the claims the upsert returned."""
    from services.payments.adapters import ledger_figures

    return {"balance_triggers_refresh": ledger_figures.follow_aging_refresh(),
            "ledger_feeds_refresh": ledger_figures.feed_aging_refresh()}


def _patient_index_versions() -> dict[str, list[str]]:
    """The ledger's entries indexed by patient, every entry (an index entry per posted line), then only the
    patients' credit entries (none in a claim payment's posting)."""
    every_entry = "CREATE INDEX IF NOT EXISTS ix_ledger_entry_patient_id ON ledger_entry (patient_id)"
    return {"every_entry_by_patient": [every_entry],
            "credit_entries_by_patient": ["DROP INDEX IF EXISTS ix_ledger_entry_patient_id"]}


VERSIONS = {"triggers": _trigger_function_versions, "balance-index": _balance_index_versions,
            "aging-refresh": _aging_refresh_versions, "patient-index": _patient_index_versions}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.posting_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--existing", type=int, default=100_000, help="claims' postings in the ledger before the run")
    parser.add_argument("--side-by-side", type=int, default=0, metavar="ROUNDS",
                        help="then price one posting with each version of --versions, alternated")
    parser.add_argument("--calls", type=int, default=200, help="postings per version and round (--side-by-side)")
    parser.add_argument("--versions", choices=VERSIONS, default="triggers",
                        help="what --side-by-side alternates: the ledger's triggers, the balances' index, "
                             "who calls the refresh, the patients' index")
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 43
    postgres = EmbeddedPostgres(RUN_DIR / "pgdata", port, durable=True)
    postgres.stop()
    shutil.rmtree(RUN_DIR, ignore_errors=True)
    postgres.start()
    try:
        asyncio.run(_enable_statistics(postgres.url))
        postgres.restart()
        env = {**os.environ, "DATABASE_URL": postgres.url, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "shared.db.migrate", "payments"], env=env, cwd=ROOT, check=True)
        url = make_url(postgres.url).render_as_string(hide_password=False)
        result = asyncio.run(measure(url, args.claims, args.batch, args.rounds, args.existing, RUN_DIR / "pgdata"))
        if args.side_by_side:
            result[f"side_by_side_{args.versions}"] = asyncio.run(functions_side_by_side(
                url, VERSIONS[args.versions](), rounds=args.side_by_side, calls=args.calls))
        print(json.dumps(result, indent=1))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
