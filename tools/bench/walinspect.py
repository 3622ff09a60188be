"""The WAL a piece of work wrote, read back with `pg_walinspect`: records and bytes by kind, B-tree leaf
inserts by index, heap updates by table and how many were HOT. Shared by the benchmarks that price writes
(a claim's life, the plumbing's hops), each dividing by its own unit (a claim, a delivery).

The connection is a SQLAlchemy async connection; each statement commits at once, so reading the WAL
never holds a snapshot over the work it measures.
"""
import asyncio

from sqlalchemy import text

BLOCKS = """
SELECT coalesce(c.relname, b.relfilenode::text), b.resource_manager, split_part(b.record_type, '+', 1),
       count(DISTINCT b.start_lsn)
FROM pg_get_wal_block_info(CAST(CAST(:s AS text) AS pg_lsn), CAST(CAST(:e AS text) AS pg_lsn)) b
LEFT JOIN pg_class c ON c.oid = pg_filenode_relation(
    CASE WHEN b.reltablespace = (SELECT dattablespace FROM pg_database WHERE datname = current_database())
         THEN 0 ELSE b.reltablespace END, b.relfilenode)
WHERE b.block_id = 0 AND (b.resource_manager = 'Btree' AND b.record_type IN ('INSERT_LEAF', 'INSERT_POST')
      OR b.resource_manager = 'Heap' AND split_part(b.record_type, '+', 1) IN ('UPDATE', 'HOT_UPDATE'))
GROUP BY 1, 2, 3"""
KINDS = ('SELECT "resource_manager/record_type", count, combined_size '
         "FROM pg_get_wal_stats(CAST(CAST(:s AS text) AS pg_lsn), CAST(CAST(:e AS text) AS pg_lsn), true) "
         "WHERE count > 0 ORDER BY count DESC")


async def scalar(conn, sql: str, **params):
    value = (await conn.execute(text(sql), params)).scalar()
    await conn.commit()
    return value


async def rows(conn, sql: str, **params) -> list:
    found = (await conn.execute(text(sql), params)).all()
    await conn.commit()
    return found


async def insert_position(conn) -> str:
    return await scalar(conn, "SELECT pg_current_wal_insert_lsn()::text")


async def wal_between(conn, start: str, end: str, units: float) -> dict:
    """The WAL between two positions, per unit of work."""
    await _wait_flushed(conn, end)
    kinds = await rows(conn, KINDS, s=start, e=end)
    blocks = await rows(conn, BLOCKS, s=start, e=end)
    per = lambda n: round(n / units, 2)  # noqa: E731
    btree, updates = {}, {}
    for relation, manager, kind, n in blocks:
        if manager == "Btree":
            btree[relation] = btree.get(relation, 0) + n
        else:
            updates.setdefault(relation, {"UPDATE": 0, "HOT_UPDATE": 0})[kind] += n
    return {"wal_bytes": round(sum(size for _, _, size in kinds) / units),
            "wal_records": per(sum(n for _, n, _ in kinds)),
            "wal_records_by_kind": {kind: per(n) for kind, n, _ in kinds if n / units >= 0.05},
            "btree_inserts": per(sum(btree.values())),
            "btree_inserts_by_index": {name: per(n) for name, n in sorted(btree.items())},
            "updates_by_table": {name: {"updates": per(u["UPDATE"] + u["HOT_UPDATE"]),
                                        "hot_share": round(u["HOT_UPDATE"] / (u["UPDATE"] + u["HOT_UPDATE"]), 3)}
                                 for name, u in sorted(updates.items())}}


async def _wait_flushed(conn, end: str) -> None:
    while not await scalar(conn, "SELECT pg_current_wal_flush_lsn() >= CAST(CAST(:e AS text) AS pg_lsn)", e=end):
        await asyncio.sleep(0.1)
