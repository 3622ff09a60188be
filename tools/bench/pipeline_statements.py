"""What Postgres does per encounter on the whole pipeline: statements, rows, planning and execution
time per database and per statement (pg_stat_statements, nested statements of triggers included),
with every process's CPU per encounter.

    BENCH_PORT_BASE=25000 .venv/bin/python -m tools.bench.pipeline_statements [--encounters 300] [--top 20]

Starts a durable stack of its own (`.run/pipeline-statements`, ports from BENCH_PORT_BASE like the
benchmark's), loads pg_stat_statements into its Postgres, warms the pipeline up, resets the
statistics, posts `--encounters` encounters through the gateway as the benchmark's burst does and
waits until every payment is posted and the consumer groups' offsets settle. The benchmark's own
polling (one count a quarter second) is in the figures, as it is in the benchmark's. Postgres's CPU is
also split by process (each database's backends, the background processes, the backends that exited),
with the cluster's commits, sessions and WAL and each table's rows written per encounter. Relative
figures: the machine is shared.
"""
import argparse
import asyncio
import json
from pathlib import Path

import asyncpg
import psutil

from tools.bench import hops, load, resources
from tools.bench.pipeline import bench_stack, open_tenant, wait_posted
from tools.bench.stages import database_url
from tools.devstack.stack import Stack

RUN_DIR = Path(__file__).resolve().parents[2] / ".run" / "pipeline-statements"
TOP_LEVEL = """
SELECT d.datname AS database, sum(s.calls) AS calls, sum(s.rows) AS rows, sum(s.total_exec_time) AS exec_ms,
       sum(s.plans) AS plans, sum(s.total_plan_time) AS plan_ms
FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
WHERE s.toplevel GROUP BY d.datname ORDER BY exec_ms DESC
"""
BY_STATEMENT = """
SELECT d.datname AS database, s.toplevel, s.calls, s.rows, s.total_exec_time AS exec_ms, s.plans,
       s.total_plan_time AS plan_ms, left(s.query, 160) AS query
FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time + s.total_plan_time DESC LIMIT $1
"""


# Which Postgres process is which: client backends by database, the rest by kind (walwriter, checkpointer,
# autovacuum launcher, ...). Backends that exited between the snapshots (autovacuum workers, connections
# a pool closed, the benchmark's own) are counted together from the postmaster's reaped children.
BACKENDS = """
SELECT pid, CASE WHEN backend_type = 'client backend' THEN coalesce(datname, '?') ELSE backend_type END AS kind
FROM pg_stat_activity
"""
# Work the whole cluster counts: commits and rollbacks, sessions opened, WAL written and flushed.
COUNTERS = """
SELECT (SELECT sum(xact_commit) FROM pg_stat_database) AS commits,
       (SELECT sum(xact_rollback) FROM pg_stat_database) AS rollbacks,
       (SELECT sum(sessions) FROM pg_stat_database) AS sessions,
       (SELECT sum(tup_inserted + tup_updated + tup_deleted) FROM pg_stat_database) AS rows_written,
       (SELECT sum(writes) FROM pg_stat_io WHERE object = 'wal') AS wal_writes,
       (SELECT sum(fsyncs) FROM pg_stat_io WHERE object = 'wal') AS wal_flushes,
       wal_records, wal_fpi, wal_bytes
FROM pg_stat_wal
"""

# Row versions each table wrote (an update that is not HOT also writes every index again), and the times
# autovacuum vacuumed and analyzed it (its workers' CPU is among the exited backends'), read per database.
TABLE_WRITES = """
SELECT relname, n_tup_ins AS inserted, n_tup_upd AS updated, n_tup_hot_upd AS hot, n_tup_del AS deleted,
       autovacuum_count AS vacuums, autoanalyze_count AS analyzes
FROM pg_stat_user_tables
"""
ROW_COUNTS = ("inserted", "updated", "hot", "deleted")
MAINTENANCE_COUNTS = ("vacuums", "analyzes")
SERVICES = ("gateway", "coding", "claims", "payments", "denials")


async def table_writes(server_url: str) -> dict[str, dict[str, int]]:
    """`service.table` -> rows inserted, updated (HOT among them) and deleted so far, and autovacuum's runs."""
    writes = {}
    for service in SERVICES:
        conn = await asyncpg.connect(database_url(server_url, service))
        try:
            for row in await conn.fetch(TABLE_WRITES):
                writes[f"{service}.{row['relname']}"] = {k: row[k] for k in ROW_COUNTS + MAINTENANCE_COUNTS}
        finally:
            await conn.close()
    return writes


def writes_between(before: dict, after: dict, encounters: int, top: int) -> list[dict]:
    """The tables that wrote most per encounter: inserts, updates (and how many were HOT), deletes; with the
    times autovacuum vacuumed and analyzed each over the run (counts, not per encounter)."""
    rows = []
    for table, counts in after.items():
        delta = {k: v - before.get(table, {}).get(k, 0) for k, v in counts.items()}
        if any(delta.values()):
            rows.append({"table": table, **{k: round(delta[k] / encounters, 3) for k in ROW_COUNTS},
                         **{k: delta[k] for k in MAINTENANCE_COUNTS}})
    return sorted(rows, key=lambda r: -(r["inserted"] + r["updated"] + r["deleted"]))[:top]


async def postgres_state(server_url: str, postmaster: int) -> dict:
    """CPU seconds of every live Postgres process by kind, the reaped children's, and the cluster's counters."""
    conn = await asyncpg.connect(server_url)
    try:
        kinds = {r["pid"]: r["kind"] for r in await conn.fetch(BACKENDS)}
        counters = {k: float(v) for k, v in (await conn.fetchrow(COUNTERS)).items()}
        own = await conn.fetchval("SELECT pg_backend_pid()")
    finally:
        await conn.close()
    root = psutil.Process(postmaster)
    reaped = root.cpu_times()
    cpu = {"postmaster": {postmaster: reaped.user + reaped.system},
           "exited": {0: reaped.children_user + reaped.children_system}}
    for child in root.children():
        if child.pid == own:
            continue
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        cpu.setdefault(kinds.get(child.pid, "other"), {})[child.pid] = times.user + times.system
    return {"cpu": cpu, "counters": counters}


def postgres_split(before: dict, after: dict, encounters: int) -> dict:
    """Postgres's CPU ms per encounter by process kind, and the cluster's counters per encounter. A process
    that started during the run counts from zero; one that exited is in "exited"."""
    def per(value: float) -> float:
        return round(value / encounters, 3)

    cpu = {}
    for kind, pids in after["cpu"].items():
        spent = sum(s - before["cpu"].get(kind, {}).get(pid, 0.0) for pid, s in pids.items())
        cpu[kind] = round(1000 * spent / encounters, 3)
    counters = {k: per(after["counters"][k] - before["counters"][k]) for k in after["counters"]}
    return {"cpu_ms_per_encounter": dict(sorted(cpu.items(), key=lambda kv: -kv[1])), "per_encounter": counters}


async def enable_statistics(server_url: str) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
        await conn.execute("ALTER SYSTEM SET pg_stat_statements.track = 'all'")
        await conn.execute("ALTER SYSTEM SET pg_stat_statements.track_planning = on")
    finally:
        await conn.close()


async def reset_statistics(server_url: str) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        await conn.execute("SELECT pg_stat_statements_reset()")
    finally:
        await conn.close()


async def read_statistics(server_url: str, top: int, encounters: int) -> dict:
    conn = await asyncpg.connect(server_url)
    try:
        databases = await conn.fetch(TOP_LEVEL)
        statements = await conn.fetch(BY_STATEMENT, top)
    finally:
        await conn.close()

    def per(value) -> float:
        return round(float(value) / encounters, 3)

    return {
        "per_encounter_by_database": {r["database"]: {"statements": per(r["calls"]), "rows": per(r["rows"]),
                                                      "exec_ms": per(r["exec_ms"]), "plans": per(r["plans"]),
                                                      "plan_ms": per(r["plan_ms"])} for r in databases},
        "statements_per_encounter": per(sum(r["calls"] for r in databases)),
        "top_statements": [{"database": r["database"], "nested": not r["toplevel"], "calls": per(r["calls"]),
                            "rows": per(r["rows"]), "exec_ms": per(r["exec_ms"]), "plans": per(r["plans"]),
                            "plan_ms": per(r["plan_ms"]), "query": " ".join(r["query"].split())}
                           for r in statements],
    }


def measure(stack: Stack, encounters: int, top: int) -> dict:
    gateway = stack.ports.url("gateway")
    warm = open_tenant(stack, "Statements warm-up")
    asyncio.run(load.post_burst(gateway, warm["api_key"], 30))
    wait_posted(stack, warm["tenant_id"], 30)
    tenant = open_tenant(stack, "Statements")
    asyncio.run(hops.settled(stack.operator_kafka()))
    asyncio.run(reset_statistics(stack.database_url))
    postmaster = resources.postmaster_pid(stack)
    writes_before = asyncio.run(table_writes(stack.database_url))
    postgres_before = asyncio.run(postgres_state(stack.database_url, postmaster))
    before = resources.snapshot(stack)
    asyncio.run(load.post_burst(gateway, tenant["api_key"], encounters))
    wait_posted(stack, tenant["tenant_id"], encounters)
    asyncio.run(hops.settled(stack.operator_kafka()))
    cpu = resources.cpu_between(before, resources.snapshot(stack))
    postgres_after = asyncio.run(postgres_state(stack.database_url, postmaster))
    writes = writes_between(writes_before, asyncio.run(table_writes(stack.database_url)), encounters, top)
    return {"encounters": encounters,
            "cpu_ms_per_encounter": {name: round(1000 * s / encounters, 2) for name, s in sorted(cpu.items())},
            "postgres": postgres_split(postgres_before, postgres_after, encounters),
            "table_writes_per_encounter": writes,
            **asyncio.run(read_statistics(stack.database_url, top, encounters))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encounters", type=int, default=300)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    stack = bench_stack(RUN_DIR)
    try:
        assert stack.postgres is not None, "pipeline_statements runs its own Postgres: unset DATABASE_URL"
        stack.start_infrastructure()
        asyncio.run(enable_statistics(stack.database_url))
        stack.postgres.restart()
        stack.start_services()
        print(json.dumps(measure(stack, args.encounters, args.top), indent=1))
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
