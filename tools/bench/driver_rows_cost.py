"""What a read through `select_rows` costs this process, per read and per row, for the row shapes the services read.

    BENCH_PORT_BASE=25000 .venv/bin/python -m tools.bench.driver_rows_cost [--reads-of 1,10,100,1000] [--profile]

Starts an embedded Postgres of its own in `.run/driver-rows-cost` (port BENCH_PORT_BASE + 333), fills a table whose
columns are the types the services' hot reads answer (ids, texts, money, dates, times, counts, a document, text and
date arrays, a string enum) with 1,000 rows, and reads 1, 10, 100 and 1,000 of them in one transaction, many times
over in a unit of work's transaction, through three shapes: one id (the "already there" reads), a claim-like row of scalar columns (no result
processor), and the same with the arrays and the enum (result processors on three columns). Prints, per shape and
size, the CPU of this process per read and per row (`time.process_time`, Postgres's CPU not in it) and, with
`--profile`, cProfile's calls per read. The rows read are the same on every run.
"""
import argparse
import asyncio
import cProfile
import json
import os
import pstats
import shutil
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import (ARRAY, BigInteger, Column, Date, DateTime, Enum, Integer, MetaData, Numeric, String, Table,
                        Text, Uuid, bindparam, select)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db.driver_reads import select_rows
from shared.db.engine import make_session_factory, set_up_connections
from shared.db.unit_of_work import UnitOfWorkFactory

ROOT = Path(__file__).resolve().parents[2]
RUN_DIR = ROOT / ".run" / "driver-rows-cost"
ROWS = 1000

METADATA = MetaData()
CLAIM_LIKE = Table(
    "driver_rows_cost", METADATA, Column("id", Uuid, primary_key=True), Column("tenant_id", Uuid),
    Column("encounter_id", Uuid), Column("rank", Integer), Column("payer_id", String(20)), Column("pcn", Text),
    Column("total_charge", Numeric(12, 2)), Column("service_date", Date), Column("created_at", DateTime(timezone=True)),
    Column("version", BigInteger), Column("detail", JSONB), Column("codes", ARRAY(String)),
    Column("days", ARRAY(Date)), Column("status", Enum("draft", "ready", "submitted", native_enum=False,
                                                       name="driver_rows_cost_status")))
SCALARS = [c for c in CLAIM_LIKE.columns if c.name not in ("codes", "days", "status")]
SHAPES = {
    "one id": select(CLAIM_LIKE.c.id).where(CLAIM_LIKE.c.rank < bindparam("below")),
    "scalar columns": select(*SCALARS).where(CLAIM_LIKE.c.rank < bindparam("below")),
    "with arrays and an enum": select(CLAIM_LIKE).where(CLAIM_LIKE.c.rank < bindparam("below")),
}


def _row(n: int) -> dict:
    return {"id": uuid.UUID(int=n + 1), "tenant_id": uuid.UUID(int=7), "encounter_id": uuid.UUID(int=10**6 + n),
            "rank": n, "payer_id": "AETNA", "pcn": f"PCN{n:08d}", "total_charge": Decimal(f"{100 + n}.25"),
            "service_date": date(2026, 11, 1) + timedelta(days=n % 30),
            "created_at": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc) + timedelta(seconds=n), "version": n,
            "detail": {"place": "11", "n": n}, "codes": ["99213", "36415"][: 1 + n % 2],
            "days": [date(2026, 11, 2)], "status": ("draft", "ready", "submitted")[n % 3]}


async def _measure(units, statement, size: int, reads: int, profile: bool) -> dict:
    async with units() as uow:
        session = uow.session
        for _ in range(3):  # prepared, planned, the processors chosen
            rows = await select_rows(session, statement, {"below": size})
        assert len(rows) == size
        profiler = cProfile.Profile() if profile else None
        started = time.process_time()
        if profiler:
            profiler.enable()
        for _ in range(reads):
            await select_rows(session, statement, {"below": size})
        if profiler:
            profiler.disable()
        cpu = time.process_time() - started
    measured = {"reads": reads, "us_per_read": round(cpu * 1e6 / reads, 1),
                "us_per_row": round(cpu * 1e6 / (reads * size), 2)}
    if profiler:
        measured["calls_per_read"] = round(pstats.Stats(profiler).total_calls / reads, 1)
    return measured


async def run(url: str, sizes: list[int], profile: bool) -> list[dict]:
    engine = create_async_engine(url.replace("postgresql://", "postgresql+asyncpg://"))
    set_up_connections(engine)  # as the services' engines
    async with engine.begin() as connection:
        await connection.run_sync(METADATA.create_all)
        await connection.execute(CLAIM_LIKE.insert(), [_row(n) for n in range(ROWS)])
    units = UnitOfWorkFactory(make_session_factory(engine))  # the services' transactions, their sessions joined
    results = []
    for name, statement in SHAPES.items():
        for size in sizes:
            reads = max(20, 20000 // size)
            results.append({"shape": name, "rows": size, **await _measure(units, statement, size, reads, profile)})
            print(json.dumps(results[-1]), flush=True)
    await engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.driver_rows_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--reads-of", type=lambda text: [int(s) for s in text.split(",")], default=[1, 10, 100, 1000])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    from tools.devstack.postgres import EmbeddedPostgres

    postgres = EmbeddedPostgres(RUN_DIR / "pgdata", int(os.environ.get("BENCH_PORT_BASE", "18000")) + 333)
    postgres.stop()
    shutil.rmtree(RUN_DIR / "pgdata", ignore_errors=True)
    postgres.start()
    try:
        asyncio.run(run(postgres.url, args.reads_of, args.profile))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
