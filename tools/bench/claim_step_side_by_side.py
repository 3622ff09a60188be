"""A status step of one batch of claims on one backend, with the claim counts' trigger function as it was
before status moves (every update refreshed through the keys view) and as it is (the move), swapped in turn,
and with the counts' triggers off as the floor: the moves' saving without a whole claim's life around it.
With `--write insert`, the insert of a new batch instead, the function as it was before new claims were
counted from their rows against as it is; with `--write adjudication`, a new batch's first adjudications, the
timeline's function as it was before they added the payer's keys against as it is.

    BENCH_PORT_BASE=28500 .venv/bin/python -m tools.bench.claim_step_side_by_side [--rounds 12] [--steps 200]

Uses `claim_write_cost`'s embedded Postgres and database (port BENCH_PORT_BASE + 41, `--existing` claims, 50,000
by default), inserts `--batch` claims `accepted`, then in each round runs the three sides (the first two in
alternating order) with `--steps` status steps each (`accepted` <-> `paid`, each its own transaction, the
repository's `UPDATE claim ... FROM unnest`). With `--write insert` each step inserts `--batch` new `ready`
claims in its own transaction, and removes them again afterwards with the triggers off (not measured), so the
tables stay the same size; `--write adjudication` likewise inserts the batch (not measured) and measures the
insert of its `adjudicated` events. Per step and side: the backend's CPU (the scheduler's nanoseconds), buffers hit
or read in the database, WAL bytes. The function is left as the migrations made it.
"""
import argparse
import asyncio
import json
import os
import shutil
import uuid
from dataclasses import replace

import asyncpg
from sqlalchemy.engine import make_url

from services.claims.adapters.reports import CLAIM_SOURCE, CLAIM_TALLY, TIMELINE
from shared.db.tally import refresh_trigger_function
from tools.bench import claim_write_cost

CURRENT = refresh_trigger_function(CLAIM_TALLY.name, CLAIM_SOURCE)
FUNCTIONS = {"step": {"refreshed": refresh_trigger_function(
                 CLAIM_TALLY.name, replace(CLAIM_SOURCE, moved_key=None, new_item_keys=None)), "moved": CURRENT},
             "insert": {"refreshed": refresh_trigger_function(
                            CLAIM_TALLY.name, replace(CLAIM_SOURCE, new_item_keys=None)), "counted": CURRENT},
             "adjudication": {"refreshed": refresh_trigger_function(
                                  CLAIM_TALLY.name, replace(TIMELINE, first_row_keys=None)),
                              "added": refresh_trigger_function(CLAIM_TALLY.name, TIMELINE)}}
# The statement each write measures, and the trigger the floor turns off: (table, trigger).
TRIGGERS = {"step": ("claim", "update"), "insert": ("claim", "insert"), "adjudication": ("claim_event", "insert")}
ADJUDICATED = ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) "
               "SELECT $2, i, 'adjudicated', 'paid', '{}' FROM unnest($1::uuid[]) AS i")
INSERT = ("INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code, "
          "total_charge, coded, edits) SELECT i, $2, gen_random_uuid(), 'S' || left(replace(i::text, '-', ''), 18), "
          "$3, 'AETNA', '1', 100, '{}', '[]' FROM unnest($1::uuid[]) AS i")
REMOVED = ("SET session_replication_role = replica", "DELETE FROM claim WHERE id = ANY($1)",
           "DELETE FROM claim_tally_member WHERE item_id = ANY($1)", "RESET session_replication_role")
STEP = ("UPDATE claim AS t SET status = v.status, updated_at = now() "
        "FROM unnest($1::uuid[], $2::text[]) AS v(id, status) WHERE t.id = v.id")
COUNTERS = ("SELECT (SELECT blks_hit + blks_read FROM pg_stat_database WHERE datname = current_database()), "
            "pg_current_wal_insert_lsn()")
TRIGGER = f"ALTER TABLE {{}} {{}} TRIGGER {CLAIM_TALLY.name}_{{}}"


class Steps:
    """One batch of claims stepped back and forth on one connection (`--write step`), or new batches inserted
    (`--write insert`) or inserted and adjudicated (`--write adjudication`); `step()` returns the backend's CPU
    seconds of the measured write."""

    def __init__(self, conn: asyncpg.Connection, pid: int, ids: list[uuid.UUID], tenant: uuid.UUID, write: str):
        self.conn, self.pid, self.ids, self.tenant, self.write, self.status = conn, pid, ids, tenant, write, "accepted"

    async def step(self) -> float:
        cpu = claim_write_cost._cpu_seconds(self.pid)
        if self.write == "step":
            self.status = "paid" if self.status == "accepted" else "accepted"
            await self.conn.execute(STEP, self.ids, [self.status] * len(self.ids))
            return claim_write_cost._cpu_seconds(self.pid) - cpu
        ids = [uuid.uuid4() for _ in self.ids]
        await self.conn.execute(INSERT, ids, self.tenant, "ready" if self.write == "insert" else "accepted")
        if self.write == "adjudication":
            cpu = claim_write_cost._cpu_seconds(self.pid)
            await self.conn.execute(ADJUDICATED, ids, self.tenant)
        cpu = claim_write_cost._cpu_seconds(self.pid) - cpu
        events = ("DELETE FROM claim_event WHERE claim_id = ANY($1)",) if self.write == "adjudication" else ()
        for statement in (REMOVED[0], *events, *REMOVED[1:]):
            await self.conn.execute(statement, *([ids] if "$1" in statement else []))
        return cpu

    async def side(self, name: str, steps: int) -> dict:
        await self.conn.execute(TRIGGER.format(TRIGGERS[self.write][0], "DISABLE" if name == "off" else "ENABLE",
                                               TRIGGERS[self.write][1]))
        if name in FUNCTIONS[self.write]:
            await self.conn.execute(FUNCTIONS[self.write][name])
        for _ in range(5):  # the functions' plans made again after the swap
            await self.step()
        buffers, lsn = await self._counters()
        cpu = 0.0
        for _ in range(steps):
            cpu += await self.step()
        buffers_after, lsn_after = await self._counters()
        wal = await self.conn.fetchval("SELECT $1::pg_lsn - $2::pg_lsn", lsn_after, lsn)
        return {"cpu_ms": round(1000 * cpu / steps, 3), "buffers": round((buffers_after - buffers) / steps, 1),
                "wal_bytes": round(float(wal) / steps)}

    async def _counters(self) -> tuple:
        await self.conn.execute("SELECT pg_stat_force_next_flush()")
        await self.conn.execute("SELECT pg_stat_clear_snapshot()")
        return tuple(await self.conn.fetchrow(COUNTERS))


async def measure(url: str, *, rounds: int, steps: int, batch: int, write: str = "step") -> dict:
    """Each side's figures per round, rounds alternating which of the two functions goes first."""
    conn = await asyncpg.connect(url)
    before, after = FUNCTIONS[write]
    sides: dict[str, list[dict]] = {before: [], after: [], "off": []}
    try:
        pid = await conn.fetchval("SELECT pg_backend_pid()")
        tenant = await conn.fetchval("SELECT tenant_id FROM claim ORDER BY created_at DESC LIMIT 1") or uuid.uuid4()
        ids = [uuid.uuid4() for _ in range(batch)]
        await conn.execute(INSERT, ids, tenant, "accepted")
        await conn.execute("ANALYZE claim, claim_tally_member, claim_tally")
        claims = Steps(conn, pid, ids, tenant, write)
        for n in range(rounds):
            for name in (before, after, "off") if n % 2 == 0 else (after, before, "off"):
                sides[name].append(await claims.side(name, steps))
    finally:
        for function in (CURRENT, FUNCTIONS["adjudication"]["added"]):
            await conn.execute(function)
        await conn.execute(TRIGGER.format(TRIGGERS[write][0], "ENABLE", TRIGGERS[write][1]))
        await conn.close()
    return {"write": write, "batch": batch, "steps": steps, "by_round": sides}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.claim_step_side_by_side",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--existing", type=int, default=50_000)
    parser.add_argument("--write", choices=tuple(FUNCTIONS), default="step")
    args = parser.parse_args()
    from tools.devstack.postgres import EmbeddedPostgres

    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 41
    postgres = EmbeddedPostgres(claim_write_cost.RUN_DIR / "pgdata", port, durable=True)
    postgres.stop()
    shutil.rmtree(claim_write_cost.RUN_DIR / "pgdata", ignore_errors=True)
    postgres.start()
    url = make_url(postgres.url).set(drivername="postgresql+asyncpg", database="billing_claims")
    try:
        claim_write_cost.prepare(url.render_as_string(hide_password=False), args.existing)
        raw = url.set(drivername="postgresql").render_as_string(hide_password=False)
        print(json.dumps(asyncio.run(measure(raw, rounds=args.rounds, steps=args.steps, batch=args.batch,
                                                 write=args.write)), indent=1))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
