"""Maintained sums per key (amounts and counts by tenant, day and dimension), added to in the writing
transaction by the database: the PL/pgSQL a trigger or refresh function runs to add a change to them.

A change is rows of the keys and the amounts to add (negative to take away). Rows are upserted in key
order (two transactions adding to the same keys queue, never deadlock on them), and the rows the change
brought to nothing are deleted, so a report reads only keys that hold something: a tenant's rows stay
the days it has figures for, not every day it ever had one.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Figures:
    table: str
    keys: tuple[str, ...]  # the unique index's columns, in the table's order
    values: tuple[str, ...]  # the summed columns, after the keys in the table's order
    nullable_keys: tuple[str, ...] = ()

    def add(self, change_sql: str, emptied: str = "emptied", *, before: str = "") -> str:
        """Statements adding the rows of `change_sql` (its columns: keys then values); `emptied` names a
        PL/pgSQL variable of type `{table}[]` the function declares. `before`: common table expressions
        the upsert's statement starts with (`change_sql` may read them), so that writes of other tables
        that go with the change are made by the same statement."""
        columns = ", ".join(self.keys + self.values)
        positions = ", ".join(str(i + 1) for i in range(len(self.keys)))
        nonzero = " OR ".join(f"change.{v} <> 0" for v in self.values)
        added = ", ".join(f"{v} = f.{v} + EXCLUDED.{v}" for v in self.values)
        zero = " AND ".join(f"{{row}}.{v} = 0" for v in self.values)
        same = " AND ".join(f"f.{k} IS NOT DISTINCT FROM e.{k}" if k in self.nullable_keys else f"f.{k} = e.{k}"
                            for k in self.keys)
        return f"""
    WITH {f"{before},{chr(10)}    " if before else ""}changed AS (
        INSERT INTO {self.table} AS f ({columns})
        SELECT * FROM ({change_sql}) AS change WHERE {nonzero} ORDER BY {positions}
        ON CONFLICT ({", ".join(self.keys)}) DO UPDATE SET {added}
        RETURNING f.*)
    SELECT array_agg(({columns})::{self.table}) INTO {emptied} FROM changed WHERE {zero.format(row="changed")};
    DELETE FROM {self.table} f USING unnest({emptied}) AS e WHERE {same} AND {zero.format(row="f")};"""


def create_maintained(op, tables, sources: str, statements) -> None:
    """For a migration: the figures' tables, then, the writers of their `sources` locked out, the
    functions, triggers and backfill `statements`."""
    for table in tables:
        table.create(op.get_bind())
    op.execute(f"LOCK TABLE {sources} IN SHARE MODE")
    for statement in statements:
        op.execute(statement)


def drop_maintained(op, tables, statements) -> None:
    for statement in statements:
        op.execute(statement)
    for table in reversed(tables):
        op.drop_table(table.name)
