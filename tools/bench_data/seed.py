"""Loads the generator's rows into the services' databases by COPY (secondary indexes dropped, triggers
off, parts of the claim range in parallel processes), then builds the indexes again, rebuilds the
maintained balances from the ledger, puts the tables read by time span in time order and runs VACUUM
ANALYZE: the planner sees the grown tables and index-only scans find their pages all-visible, as on a
long-running system."""
import asyncio
import csv
import json
import multiprocessing
import os
import random
import time
import uuid
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import datetime, timezone
from pathlib import Path

import asyncpg

from services.claims.adapters.reports import CLAIM_TALLY, CLAIM_TALLY_ROLLUP
from services.denials.adapters import analytics_figures
from services.denials.adapters.reports import DENIAL_TALLY, DENIAL_TALLY_ROLLUP
from services.payments.adapters import aging_figures, balances, ops_figures, period_figures
from tools.bench.stages import database_url
from tools.bench_data.generator import (COLUMNS, ClaimGenerator, History, billing_tenant_row, tenant_payer_rows,
                                        tenant_weights, tenants)

ROOT = Path(__file__).resolve().parents[2]
PAYERS_CSV = ROOT / "services" / "claims" / "data" / "payers.csv"
DEMO_TENANT = ROOT / "deploy" / "seed" / "demo_tenant.json"
# What the copy (run without triggers) leaves to rebuild per database: the maintained figures, rebuilt
# without triggers too, each from what it follows: the balances from the ledger, the aging figures from
# the balances, the rollups (every tenant's rows, the months) last, from the rows they sum.
REBUILD = {
    "claims": ("claim, claim_event", ("SET LOCAL session_replication_role = replica", *CLAIM_TALLY.backfill(),
                                      *CLAIM_TALLY_ROLLUP.backfill())),
    "payments": ("ledger_entry, ledger_transaction, billed_claim",
                 ("SET LOCAL session_replication_role = replica",
                  "TRUNCATE claim_balance, tenant_account_balance, tenant_daily_flow, tenant_daily_charge",
                  *balances.BACKFILL, *period_figures.BACKFILL, *aging_figures.BACKFILL,
                  *ops_figures.BACKFILL)),
    "denials": ("denial, adjudicated_claim, submitted_claim",
                ("SET LOCAL session_replication_role = replica", *DENIAL_TALLY.backfill(),
                 *DENIAL_TALLY_ROLLUP.backfill(), *analytics_figures.BACKFILL,
                 *(s for months in analytics_figures.MONTHS for s in months.backfill()))),
}
CHUNK = 25000
# Tables read by index-only scans over a span of time (the dashboards' charges since a day): a live system
# appends their rows as they happen, so a span's rows share a few heap pages and visibility-map pages. Two
# loads (the nearly empty seed's recent claims first, then years of history) leave a span's rows at both
# ends of the heap, and each step between them re-reads a visibility-map page, which a live table does not
# do; rewritten in time order after each load, as a live system would have written them.
IN_TIME_ORDER = {"payments": (("billed_claim", "ix_billed_claim_submitted"),)}


def payer_profiles() -> dict[str, tuple]:
    """The payers every seeded tenant bills, as a tenant registered through the gateway gets them."""
    with PAYERS_CSV.open() as f:
        return {r["payer_id"]: (r["name"], r["x12_payer_id"], int(r["timely_filing_days"]), int(r["appeal_days"]),
                                int(r["expected_days"]), r["claim_filing_indicator"]) for r in csv.DictReader(f)}


PARTS = 8  # fixed, so the rows do not depend on how many processes make them


def seed(server_url: str, *, claims: int, seed: int, tenant_count: int, bench_tenant: uuid.UUID,
         largest_share: float, history: History = History(), workers: int | None = None) -> dict:
    """Rows per table and the seconds the load and the VACUUM ANALYZE took. The parts of the claim
    range load in parallel processes, one per core. A second load into the same databases needs its own
    `history.label` (its own random streams and control numbers)."""
    rng = random.Random(seed)
    tenant_list = tenants(rng, tenant_count, bench_tenant)
    weights = tenant_weights(rng, tenant_count, largest_share)
    started = time.monotonic()
    asyncio.run(_payers(server_url, tenant_list))
    dropped = asyncio.run(_drop_indexes(server_url))
    now = datetime.now(timezone.utc)
    bounds = [claims * k // PARTS for k in range(PARTS + 1)]
    counts: Counter = Counter()
    with ProcessPoolExecutor(workers or os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_load_part, server_url, seed, claims, tenant_list, weights, now,
                               range(bounds[k], bounds[k + 1]), history) for k in range(PARTS)]
        for future in as_completed(futures):
            counts.update(future.result())
            print(f"  a part loaded: {counts['claim']:,} of {claims:,} claims in {time.monotonic() - started:.0f}s",
                  flush=True)
    loaded = time.monotonic() - started
    asyncio.run(_finish(server_url, dropped))
    return {"claims": claims, "tenants": tenant_count, "seed": seed, "days": history.days,
            "suspense_rate": history.suspense_rate, "rows": dict(sorted(counts.items())),
            "load_seconds": round(loaded, 1),
            "indexes_balances_vacuum_analyze_seconds": round(time.monotonic() - started - loaded, 1)}


async def _drop_indexes(server_url: str) -> dict[str, list[str]]:
    """The secondary indexes of the tables the seed fills, dropped (their definitions kept): built once
    after the load, they cost a sort each instead of a random insert per row."""
    tables = {db: list(t) for db, t in COLUMNS.items()}
    dropped = {}
    for db, names in tables.items():
        conn = await asyncpg.connect(database_url(server_url, db))
        try:
            rows = await conn.fetch(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
                "AND i.tablename = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)", names)
            for row in rows:
                await conn.execute(f'DROP INDEX "{row["indexname"]}"')
            dropped[db] = [row["indexdef"] for row in rows]
        finally:
            await conn.close()
    return dropped


async def _finish(server_url: str, dropped: dict[str, list[str]]) -> None:
    """The dropped indexes built again, the maintained balances and figures rebuilt from the base tables
    (the copy ran without triggers), then VACUUM ANALYZE, the three databases side by side."""
    async def one(db: str) -> None:
        conn = await asyncpg.connect(database_url(server_url, db), command_timeout=None)
        try:
            await conn.execute("SET maintenance_work_mem = '256MB'")
            for definition in dropped[db]:
                await conn.execute(definition)
            locked, statements = REBUILD[db]
            async with conn.transaction():
                await conn.execute(f"LOCK TABLE {locked} IN SHARE MODE")
                for statement in statements:
                    await conn.execute(statement)
            for table, index in IN_TIME_ORDER.get(db, ()):
                await conn.execute(f"CLUSTER {table} USING {index}")
            await conn.execute("VACUUM ANALYZE")
        finally:
            await conn.close()

    await asyncio.gather(*(one(db) for db in COLUMNS))


async def _payers(server_url: str, tenant_list: list) -> None:
    conn = await asyncpg.connect(database_url(server_url, "claims"))
    try:
        payers = payer_profiles()
        await _copy(conn, "tenant_payer", [row for t in tenant_list if t.seeded for row in tenant_payer_rows(t, payers)])
        provider = json.loads(DEMO_TENANT.read_text())["billing_provider"]
        await _copy(conn, "billing_tenant", [billing_tenant_row(t, n, provider)
                                             for n, t in enumerate(tenant_list) if t.seeded])
    finally:
        await conn.close()


def _load_part(server_url: str, seed: int, claims: int, tenant_list: list, weights: list, now: datetime,
               part: range, history: History) -> Counter:
    return asyncio.run(_load(server_url, ClaimGenerator(seed, claims, tenant_list, weights, now, part, history)))


async def _load(server_url: str, generator: ClaimGenerator) -> Counter:
    # Without triggers: the maintained balances are rebuilt from the ledger once the load is done.
    connections = {db: await asyncpg.connect(database_url(server_url, db),
                                             server_settings={"session_replication_role": "replica"})
                   for db in COLUMNS}
    counts: Counter = Counter()
    try:
        for rows in generator.chunks(CHUNK):
            for db, tables in rows.items():
                for table, table_rows in tables.items():
                    counts[table] += await _copy(connections[db], table, table_rows)
    finally:
        for conn in connections.values():
            await conn.close()
    return counts


async def _copy(conn: asyncpg.Connection, table: str, rows: list[tuple]) -> int:
    if rows:
        database = next(db for db, tables in COLUMNS.items() if table in tables)
        await conn.copy_records_to_table(table, records=rows, columns=list(COLUMNS[database][table]))
    return len(rows)
