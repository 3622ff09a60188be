"""Every tenant's figures summed into one row per key, kept by the database from a per-tenant figures
table (counts per tenant and key, balances per tenant and account), so an ops report over every tenant
reads a few rows, not a few per tenant.

Statement-level triggers on the per-tenant table add what each statement changed (its new rows less its
old ones) to `{table}_all`, in key order. The rollup also counts the tenant rows under each key and
drops a key when its last tenant row goes, so it holds the keys a GROUP BY over the tenant rows would
give. The all-tenant rows are a point of contention as a single tenant's rows are: writers of any
tenant touching the same key queue there. TRUNCATE is not followed: `backfill()` rebuilds.
"""
from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, MetaData, Table

OPERATIONS = (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
              ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"))


@dataclass(frozen=True)
class Rollup:
    source: str  # the per-tenant table
    keys: tuple[str, ...]  # its key columns, the tenant left out
    values: tuple[str, ...]  # its summed columns

    @property
    def name(self) -> str:
        return f"{self.source}_all"

    def table(self, metadata: MetaData, source: Table) -> Table:
        """The rollup, its columns typed as the source's, with the number of tenant rows per key."""
        return Table(self.name, metadata,
                     *(Column(k, source.c[k].type, primary_key=True) for k in self.keys),
                     *(Column(v, source.c[v].type, nullable=False) for v in self.values),
                     Column("tenant_rows", BigInteger, nullable=False))

    def _change(self, op: str) -> str:
        keys = ", ".join(self.keys)
        new = f"SELECT {keys}, {', '.join(self.values)}, 1 AS d FROM new_rows"
        old = f"SELECT {keys}, {', '.join(f'-{v}' for v in self.values)}, -1 FROM old_rows"
        rows = {"INSERT": new, "DELETE": old, "UPDATE": f"{new} UNION ALL {old}"}[op]
        sums = ", ".join(f"sum({v})" for v in self.values)
        changed = " OR ".join(f"sum({v}) <> 0" for v in (*self.values, "d"))
        added = ", ".join(f"{c} = a.{c} + EXCLUDED.{c}" for c in (*self.values, "tenant_rows"))
        return f"""
        INSERT INTO {self.name} AS a ({keys}, {', '.join(self.values)}, tenant_rows)
        SELECT {keys}, {sums}, sum(d) FROM ({rows}) AS change
        GROUP BY {keys} HAVING {changed} ORDER BY {keys}
        ON CONFLICT ({keys}) DO UPDATE SET {added};"""

    def install(self) -> list[str]:
        """The trigger function and the statement triggers on the source (the table comes first)."""
        function = f"""
CREATE OR REPLACE FUNCTION {self.name}_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {self._change("INSERT")}
    ELSIF TG_OP = 'DELETE' THEN {self._change("DELETE")}
    ELSE {self._change("UPDATE")}
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {self.name} WHERE tenant_rows = 0;
    END IF;
    RETURN NULL;
END $$"""
        return [function, *(f"CREATE TRIGGER {self.name}_{op.lower()} AFTER {op} ON {self.source} "
                            f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {self.name}_add()"
                            for op, refs in OPERATIONS)]

    def uninstall(self) -> list[str]:
        return [*(f"DROP TRIGGER IF EXISTS {self.name}_{op.lower()} ON {self.source}" for op, _ in OPERATIONS),
                f"DROP FUNCTION IF EXISTS {self.name}_add()"]

    def backfill(self) -> list[str]:
        """The rollup rebuilt from the per-tenant rows (run with their writers locked out)."""
        keys = ", ".join(self.keys)
        return [f"TRUNCATE {self.name}",
                f"INSERT INTO {self.name} ({keys}, {', '.join(self.values)}, tenant_rows) "
                f"SELECT {keys}, {', '.join(f'sum({v})' for v in self.values)}, count(*) "
                f"FROM {self.source} GROUP BY {keys}"]

    def drift(self) -> str:
        """Keys whose rollup differs from the sum of the per-tenant rows."""
        keys = ", ".join(self.keys)
        differs = " OR ".join(f"fresh.{c} IS DISTINCT FROM kept.{c}" for c in (*self.values, "tenant_rows"))
        return (f"SELECT count(*) FROM (SELECT {keys}, {', '.join(f'sum({v}) AS {v}' for v in self.values)}, "
                f"count(*) AS tenant_rows FROM {self.source} GROUP BY {keys}) AS fresh "
                f"FULL JOIN {self.name} AS kept USING ({keys}) WHERE {differs}")

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
