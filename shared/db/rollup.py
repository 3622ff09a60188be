"""Figures summed over coarser keys, kept by the database from a finer figures table: every tenant's
counts or balances in one row per key (`{table}_all`, for the ops reports over every tenant), or a
tenant's day rows summed per month (so a year's report reads twelve month rows per key, not 365 days).

Statement-level triggers on the source table add what each statement changed (its new rows less its
old ones) to the rollup, in key order (shared/db/figures.py). The rollup also counts the source rows
under each key (`source_rows`) and drops a key when its last source row goes, so it holds the keys a
GROUP BY over the source rows would give. A rollup row is a point of contention for every writer of its source rows:
the all-tenant rows are shared by writers of every tenant, as a tenant's rows are by its writers.
TRUNCATE is not followed: `backfill()` rebuilds.
"""
from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Index, MetaData, Table
from sqlalchemy.types import TypeEngine

from shared.db.figures import Figures

OPERATIONS = (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
              ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"))


@dataclass(frozen=True)
class Rollup:
    source: str  # the per-tenant table
    keys: tuple[str, ...]  # the rollup's key columns: the source's, or computed (below)
    values: tuple[str, ...]  # the source's summed columns; none for a count of rows alone (`source_rows`)
    table_name: str = ""  # `{source}_all` unless named
    # Keys computed from a source row: (column, SQL over the row's columns, its type).
    computed: tuple[tuple[str, str, TypeEngine], ...] = ()
    rows_filter: str = "true"  # the source rows rolled up, as SQL over their columns

    @property
    def name(self) -> str:
        return self.table_name or f"{self.source}_all"

    @property
    def _figures(self) -> Figures:
        return Figures(self.name, self.keys, (*self.values, "source_rows"))

    def _key_sql(self) -> str:
        computed = {column: sql for column, sql, _ in self.computed}
        return ", ".join(f"{computed[k]} AS {k}" if k in computed else k for k in self.keys)

    def table(self, metadata: MetaData, source: Table) -> Table:
        """The rollup, its columns typed as the source's, with the number of source rows per key; its
        unique index carries the sums, so a read of a range of keys is an index-only scan."""
        types = {column: type_ for column, _, type_ in self.computed}
        return Table(self.name, metadata,
                     *(Column(k, types[k] if k in types else source.c[k].type, nullable=False) for k in self.keys),
                     *(Column(v, source.c[v].type, nullable=False) for v in self.values),
                     Column("source_rows", BigInteger, nullable=False),
                     Index(f"uq_{self.name}", *self.keys, unique=True,
                           postgresql_include=[*self.values, "source_rows"]))

    def _rows(self, table: str, sign: int) -> str:
        columns = ", ".join((self._key_sql(), *(f"{'-' if sign < 0 else ''}{v} AS {v}" for v in self.values),
                             f"{sign} AS source_rows"))
        return f"SELECT {columns} FROM {table} WHERE {self.rows_filter}"

    def _change(self, op: str) -> str:
        new, old = self._rows("new_rows", 1), self._rows("old_rows", -1)
        rows = {"INSERT": new, "DELETE": old, "UPDATE": f"{new} UNION ALL {old}"}[op]
        keys = ", ".join(self.keys)
        sums = ", ".join(f"sum({v}) AS {v}" for v in (*self.values, "source_rows"))
        return self._figures.add(f"SELECT {keys}, {sums} FROM ({rows}) AS r GROUP BY {keys}")

    def function(self) -> str:
        """The trigger function (CREATE OR REPLACE: a migration changing what is rolled up runs it again)."""
        return f"""
CREATE OR REPLACE FUNCTION {self.name}_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    emptied {self.name}[];
BEGIN
    IF TG_OP = 'INSERT' THEN {self._change("INSERT")}
    ELSIF TG_OP = 'DELETE' THEN {self._change("DELETE")}
    ELSE {self._change("UPDATE")}
    END IF;
    RETURN NULL;
END $$"""

    def install(self) -> list[str]:
        """The trigger function and the statement triggers on the source (the table comes first)."""
        return [self.function(), *(f"CREATE TRIGGER {self.name}_{op.lower()} AFTER {op} ON {self.source} "
                                   f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {self.name}_add()"
                                   for op, refs in OPERATIONS)]

    def uninstall(self) -> list[str]:
        return [*(f"DROP TRIGGER IF EXISTS {self.name}_{op.lower()} ON {self.source}" for op, _ in OPERATIONS),
                f"DROP FUNCTION IF EXISTS {self.name}_add()"]

    def _fresh(self) -> str:
        keys = ", ".join(self.keys)
        sums = ", ".join((*(f"sum({v}) AS {v}" for v in self.values), "count(*) AS source_rows"))
        rows = ", ".join((self._key_sql(), *self.values))
        return (f"SELECT {keys}, {sums} FROM (SELECT {rows} FROM {self.source} WHERE {self.rows_filter}) AS r "
                f"GROUP BY {keys}")

    def backfill(self) -> list[str]:
        """The rollup rebuilt from the source rows (run with their writers locked out)."""
        return [f"TRUNCATE {self.name}",
                f"INSERT INTO {self.name} ({', '.join((*self.keys, *self.values, 'source_rows'))}) {self._fresh()}"]

    def drift(self) -> str:
        """Keys whose rollup differs from the sum of the source rows."""
        differs = " OR ".join(f"fresh.{c} IS DISTINCT FROM kept.{c}" for c in (*self.values, "source_rows"))
        return (f"SELECT count(*) FROM ({self._fresh()}) AS fresh FULL JOIN {self.name} AS kept "
                f"USING ({', '.join(self.keys)}) WHERE {differs}")

    def upgrade(self, op, source: Table) -> None:
        """For a migration: the table, then (the source's writers locked out) the triggers and backfill."""
        self.table(MetaData(), source).create(op.get_bind())
        op.execute(f"LOCK TABLE {self.source} IN SHARE MODE")
        for statement in self.install() + self.backfill():
            op.execute(statement)

    def downgrade(self, op) -> None:
        for statement in self.uninstall():
            op.execute(statement)
        op.drop_table(self.name)
