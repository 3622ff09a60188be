"""The timeline's key by claim and the ledger entries' key by transaction, on databases that already hold rows: the
upgrade leaves the table with its primary key on (parent, id) and without the (parent[, id]) index it replaces, a
parent's rows read through the key, and new rows numbered by the same sequence; the downgrade brings the key on
id and the index back, and upgrading again lands in the same place."""
import asyncio
from dataclasses import dataclass

import asyncpg
import pytest
from alembic import command

from tests.integration.figures_support import execute, migrated
from tools.bench.stages import database_url

TENANT = "00000000-0000-0000-0000-000000000001"


@dataclass(frozen=True)
class KeyMove:
    service: str
    before: str
    table: str
    parent: str
    dropped: str
    dropped_columns: str
    seed: str  # 300 parents, three rows each, in id order: 'a', 'b', 'c'
    text_column: str
    columns: str  # of a row copied under the same parent

    def another_row(self) -> str:
        """One more row of the newest row's parent, with the id from the sequence."""
        return (f"INSERT INTO {self.table} ({self.columns}) SELECT {self.columns} FROM {self.table} "
                f"ORDER BY id DESC LIMIT 1")


MOVES = [
    KeyMove("claims", "c9e1a3b5d7f2", "claim_event", "claim_id", "ix_claim_event_claim_id_id", "(claim_id, id)", f"""
WITH parents AS (SELECT gen_random_uuid() AS id FROM generate_series(1, 300))
INSERT INTO claim_event (tenant_id, claim_id, event, status, detail)
SELECT '{TENANT}', p.id, r.name, 'ready', '{{}}' FROM parents p, (VALUES ('a'), ('b'), ('c')) AS r(name)""", "event",
            "tenant_id, claim_id, event, status, detail"),
    KeyMove("payments", "f0c2e4a6b8d1", "ledger_entry", "transaction_id", "ix_ledger_entry_transaction_id",
            "(transaction_id)", f"""
WITH parents AS (SELECT gen_random_uuid() AS id FROM generate_series(1, 300))
INSERT INTO ledger_entry (transaction_id, tenant_id, account, amount, memo)
SELECT p.id, '{TENANT}', 'cash', 1.00, r.name FROM parents p, (VALUES ('a'), ('b'), ('c')) AS r(name)""", "memo",
            "transaction_id, tenant_id, account, amount, memo"),
]
INDEXES = ("SELECT array_agg(ARRAY[c.relname::text, pg_get_indexdef(i.indexrelid), i.indisprimary::text, "
           "i.indisvalid::text] ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
           "WHERE i.indrelid = '{table}'::regclass")


async def _indexes(server: str, db: str, move: KeyMove) -> dict[str, tuple[str, bool, bool]]:
    """The table's indexes: each one's columns (as Postgres defines it), whether it is the key, and valid."""
    rows = (await execute(server, db, (INDEXES.format(table=move.table),)))[0]
    return {name: (definition.split(" USING btree ")[1], key == "true", valid == "true")
            for name, definition, key, valid in rows}


async def _parent_rows(server: str, db: str, move: KeyMove) -> tuple[str, str]:
    """One parent's rows in id order, and the plan of that read (sequential scans off: the table is small)."""
    conn = await asyncpg.connect(database_url(server, db))
    try:
        parent = await conn.fetchval(f"SELECT {move.parent} FROM {move.table} ORDER BY id LIMIT 1")
        read = (f"SELECT string_agg({move.text_column}, ',' ORDER BY id) FROM {move.table} "
                f"WHERE {move.parent} = $1")
        await conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in await conn.fetch(f"EXPLAIN {read}", parent))
        return await conn.fetchval(read, parent), plan
    finally:
        await conn.close()


async def _numbers(server: str, db: str, move: KeyMove) -> list[int]:
    """After one more row of the newest row's parent: rows, distinct ids, the highest id."""
    await execute(server, db, (move.another_row(),))
    return (await execute(server, db, (f"SELECT ARRAY[count(*), count(DISTINCT id), max(id)] FROM {move.table}",)))[0]


@pytest.mark.parametrize("move", MOVES, ids=lambda m: m.table)
async def test_the_key_goes_by_parent_up_and_down_on_a_table_with_rows(infrastructure, move):
    server, db = infrastructure.database_url, f"{move.table}_key_migration"
    config = await migrated(server, move.service, db, move.before)
    await execute(server, db, (move.seed,))
    before = await _indexes(server, db, move)
    assert before[f"{move.table}_pkey"][:2] == ("(id)", True)
    assert before[move.dropped][:2] == (move.dropped_columns, False)

    await asyncio.to_thread(command.upgrade, config, "head")
    upgraded = await _indexes(server, db, move)
    assert upgraded[f"{move.table}_pkey"] == (f"({move.parent}, id)", True, True)
    assert move.dropped not in upgraded and all(valid for *_, valid in upgraded.values())
    rows, plan = await _parent_rows(server, db, move)
    assert rows == "a,b,c" and f"{move.table}_pkey" in plan

    await asyncio.to_thread(command.downgrade, config, move.before)
    downgraded = await _indexes(server, db, move)
    assert downgraded.keys() == before.keys() and all(valid for *_, valid in downgraded.values())
    assert downgraded[f"{move.table}_pkey"][:2] == ("(id)", True)
    assert downgraded[move.dropped][:2] == (move.dropped_columns, False)

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _indexes(server, db, move) == upgraded
    assert await _numbers(server, db, move) == [901, 901, 901]
