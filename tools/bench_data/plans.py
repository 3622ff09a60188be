"""The plans the services' own queries run with: auto_explain (ANALYZE, BUFFERS)
is switched on for the claims, payments and denials databases, those services restart so their new
connections load it, each read is made once, and the plans it logged are taken from the server log."""
import asyncio
import re
import time

import asyncpg

from tools.bench.stages import database_url
from tools.bench_data.reads import Reader, reads

DATABASES = ("claims", "payments", "denials")
EXPLAIN = {"session_preload_libraries": "auto_explain", "auto_explain.log_min_duration": "0",
           "auto_explain.log_analyze": "on", "auto_explain.log_buffers": "on", "auto_explain.log_timing": "on"}
# The services' own loops (relay, consumers, submission, health) query on their own while a read runs:
# their statements lock, take advisory locks or touch the outbox and inbox; a read's do none of these.
BACKGROUND = re.compile(r"outbox_message|inbox_message|pg_catalog|advisory|FOR UPDATE|SKIP LOCKED|nextval|LockRows",
                        re.IGNORECASE)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
AGGREGATE = re.compile(r"\b(count|sum)\(", re.IGNORECASE)
EVERY_TENANT = re.compile(r"\bFROM \w+_all\b", re.IGNORECASE)  # the figures kept for every tenant (shared/db/rollup.py)
BUFFERS = re.compile(r"Buffers: shared [^\n]*")
ENTRY = re.compile(r"^\S.*?LOG:\s+duration: ([\d.]+) ms\s+plan:\n((?:[ \t].*\n?)*)", re.MULTILINE)


async def _configure(server_url: str, on: bool) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        for service in DATABASES:
            name = f"billing_{service}"
            if on:
                for setting, value in EXPLAIN.items():
                    await conn.execute(f"ALTER DATABASE {name} SET {setting} = '{value}'")
            else:
                await conn.execute(f"ALTER DATABASE {name} RESET ALL")
    finally:
        await conn.close()


def _plans(text: str) -> list[dict]:
    """Every plan the log holds: the statement's first line, then the rest as logged (the statement's
    other lines, its parameters, the plan)."""
    found = []
    for duration, body in ENTRY.findall(text):
        first, _, rest = body.partition("\n")
        found.append({"ms": float(duration), "query": first.strip().removeprefix("Query Text:").strip()[:2000],
                      "plan": "\n".join(line[1:] if line.startswith("\t") else line
                                        for line in rest.split("\n")).rstrip()})
    return found


def relevant(entry: dict, ids: tuple[str, ...], all_tenants: bool) -> bool:
    """A statement of the read: bound to the tenant's or the claim's id, or (a report over every
    tenant) an aggregate or a read of every tenant's maintained figures, bound to no id; never one of
    the services' background statements."""
    text = entry["query"] + "\n" + entry["plan"]
    if BACKGROUND.search(text):
        return False
    params = next((line for line in entry["plan"].split("\n") if line.startswith("Query Parameters:")), "")
    if any(i in params for i in ids):
        return True
    # A report over every tenant: an aggregate bound to no id (the loops' selects are not aggregates),
    # or a read of the figures kept for every tenant.
    return all_tenants and not UUID.search(params) and bool(AGGREGATE.search(entry["query"])
                                                            or EVERY_TENANT.search(text))


def _restart(stack) -> None:
    for service in DATABASES:
        stack.restart_service(service)


def capture(stack, tenant: dict, claim_id: str) -> dict[str, list[dict]]:
    """{read name: [{ms, query, plan, pages}, ...]} in the order each read ran its queries. The
    services restart again afterwards, on connections without auto_explain."""
    asyncio.run(_configure(stack.database_url, on=True))
    try:
        _restart(stack)
        log = stack.postgres.data_dir / "server.log"
        reader, captured = Reader(stack, tenant), {}
        try:
            for read in reads(claim_id):
                params = reader.params(read)
                reader.get(read, params)  # the connection's first use loads the library
                time.sleep(0.5)
                offset = log.stat().st_size
                reader.get(read, params)
                time.sleep(1.0)  # the log is written asynchronously by the server
                with log.open("rb") as f:
                    f.seek(offset)
                    captured[read.name] = _plans(f.read().decode(errors="replace"))
        finally:
            reader.close()
        return captured
    finally:
        asyncio.run(_configure(stack.database_url, on=False))
        _restart(stack)


def pages(plan: str) -> int:
    """Shared buffers the whole statement touched (hit + read): its top node's Buffers line, which
    counts its children's too. A figure the machine's load cannot move."""
    found = BUFFERS.search(plan.split("\nPlanning")[0])
    return sum(int(n) for n in re.findall(r"(?:hit|read)=(\d+)", found.group(0))) if found else 0


def work(captured: dict[str, list[dict]], ids: tuple[str, ...]) -> dict[str, dict]:
    """Per read: the statements it ran, the pages they touched and their time inside Postgres."""
    figures = {}
    for read in reads(ids[-1]):
        ours = [p for p in captured.get(read.name, []) if relevant(p, ids, ("all_tenants", "true") in read.params)]
        figures[read.name] = {"statements": len(ours), "pages": sum(pages(p["plan"]) for p in ours),
                              "db_ms": round(sum(p["ms"] for p in ours), 2)}
    return figures


async def claim_counts(server_url: str, tenant_id: str) -> dict[str, int]:
    """How many claims the database holds, and how many of them are the measured practice's."""
    conn = await asyncpg.connect(database_url(server_url, "claims"))
    try:
        row = await conn.fetchrow("SELECT count(*) AS claims, count(*) FILTER (WHERE tenant_id = $1::uuid) "
                                  "AS measured_practice_claims FROM claim", tenant_id)
    finally:
        await conn.close()
    return dict(row)


async def table_sizes(server_url: str) -> dict[str, dict[str, float]]:
    """Megabytes (heap and indexes) of each service's largest tables."""
    sizes = {}
    for service in DATABASES:
        conn = await asyncpg.connect(database_url(server_url, service))
        try:
            rows = await conn.fetch("SELECT relname, pg_table_size(oid) AS t, pg_indexes_size(oid) AS i, reltuples "
                                    "FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
                                    "ORDER BY pg_total_relation_size(oid) DESC LIMIT 6")
        finally:
            await conn.close()
        sizes[service] = {r["relname"]: {"rows": int(max(r["reltuples"], 0)), "table_mb": round(r["t"] / 2**20, 1),
                                         "indexes_mb": round(r["i"] / 2**20, 1)} for r in rows}
    return sizes
