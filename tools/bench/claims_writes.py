"""What the claims service writes and publishes for one fixed input, as text to compare before and after a change.

    BENCH_PORT_BASE=25000 .venv/bin/python -m tools.bench.claims_writes OUT_FILE

Runs `claims_cost`'s steps on a fresh Postgres (claims_loops_cost's, port BENCH_PORT_BASE + 331): claim.coded in
batches of 40 (two tenants, 120 claims and 30), the submission rounds (files of `SUBMIT_BATCH_SIZE`), a 277CA per
file and a remit per claim, with uuid4 and the patient control numbers' random bytes seeded and the units of
work's and the payer simulator's clocks fixed. Writes every row of every table of the claims database (as jsonb
text, the times stamped when a row is written left out: keys ending in `_at` and the timeline's `at`) and every
outbox row with its envelope (`occurred_at` left out), in a sorted order. Two runs of one commit
give the same file.
"""
import asyncio
import json
import os
import random
import secrets
import sys
import tempfile
import uuid
from datetime import datetime, timezone

_rng = random.Random(7)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
secrets.token_bytes = lambda n=32: _rng.getrandbits(8 * n).to_bytes(n, "big")

from sqlalchemy import text  # noqa: E402

from shared.clock import fixed_clock  # noqa: E402
from shared.db.engine import make_engine, make_session_factory  # noqa: E402
from shared.db.unit_of_work import UnitOfWorkFactory  # noqa: E402
from services.claims.adapters.repositories import ClaimsUnitOfWork  # noqa: E402
from services.claims.settings import Settings  # noqa: E402
from tools.bench import claims_cost, claims_loops_cost  # noqa: E402

AT = datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)
TABLES = text("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
              "AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version' ORDER BY table_name")


def _without_stamps(row: dict) -> dict:
    return {key: value for key, value in row.items() if key != "at" and not key.endswith("_at")}


def _outbox_line(row: dict) -> dict:
    envelope = json.loads(bytes.fromhex(row.pop("value")[2:]).decode())
    envelope.pop("occurred_at", None)
    return {**row, "value": envelope}


async def run(database_url: str, out: str) -> None:
    claims_loops_cost._now = lambda: AT
    settings = Settings(database_url=database_url)
    engine = make_engine(settings)
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork, clock=fixed_clock(AT))
    with tempfile.TemporaryDirectory() as dropbox:
        steps = claims_cost.ClaimSteps(units, settings, claims_loops_cost.SimulatedClearinghouse(dropbox))
        tenants = [(await steps.new_tenant(name), claims_cost.coded_batches(count, first, 40))
                   for name, count, first in (("first", 120, 0), ("second", 30, 500))]
        for tenant_id, batches in tenants:
            await steps.build(tenant_id, batches)
        await steps.submit()
        for tenant_id, batches in tenants:
            await steps.acknowledge(tenant_id, await claims_cost.acknowledgments(units, tenant_id, AT))
            await steps.pay(tenant_id, batches)
    lines = []
    async with engine.connect() as conn:
        for table in (await conn.execute(TABLES)).scalars():
            for (row,) in await conn.execute(text(f"SELECT to_jsonb(t) FROM {table} t")):
                row = _without_stamps(row)
                lines.append(f"{table} " + json.dumps(_outbox_line(row) if table == "outbox_message" else row,
                                                      sort_keys=True))
    await engine.dispose()
    with open(out, "w") as f:
        f.writelines(line + "\n" for line in sorted(lines))


def main() -> None:
    postgres = claims_loops_cost.start_postgres(int(os.environ.get("BENCH_PORT_BASE", "18000")) + 331)
    try:
        asyncio.run(run(postgres.url, sys.argv[1]))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
