"""Maintained counts of items per tenant and key (claims by status, denied claims by payer, ...), kept
exact by the database in the writing transaction, so a report reads a few rows per tenant instead of
every claim.

Each item (a claim) belongs to a set of keys that a view computes from the service's own tables
(`{name}_keys`: item_id, tenant_id, keys text[]). `{name}_member` remembers the keys each item was
last counted under, and `{name}` holds the counts. Statement-level triggers on the tables the keys
are read from hand the ids of the items a statement touched to `{name}_refresh(ids)`, which adds 1
under every key an item gained and takes 1 from every key it lost. Storing the counted keys (rather
than deriving the change from the written rows) keeps the count right whatever order a transaction
writes the item's rows in. Items are locked (transaction advisory locks, in id order) so two
transactions touching the same item count it once; a statement touching more items than the lock
table holds comfortably (a bulk load) locks every other refresh out instead, with one table lock.
TRUNCATE is not followed: `backfill()` rebuilds. A source may name a key read from one column of the item's
own row (`MovedKey`): an update that changes only that column moves the item between two keys without the view;
and the keys a new item's row alone gives (`NewItemKeys`): its insert counts it without the view; and the keys an
item gains with its first timeline row of a kind (`FirstRowKeys`), added to its member row without the view.
"""
from dataclasses import dataclass

from uuid import UUID

from sqlalchemy import BigInteger, Column, MetaData, Table, Text, Uuid, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession


# Postgres keeps about 64 locks per connection in shared memory (max_locks_per_transaction): one
# advisory lock per item suits a consumer's batch (up to 500 items), not a bulk statement.
ITEM_LOCKS_MAX = 1000


@dataclass(frozen=True)
class MovedKey:
    """A key read from one column of the item's own row (`status:<status>`). An UPDATE that changes only
    that column, between two values under which every other key reads the same (`steady`, SQL over
    `{row}`), replaces that key in the item's member row and moves one count from the old key to the
    new: the keys view, most of a refresh's work, is not read for it."""

    column: str
    prefix: str
    steady: str = "true"


@dataclass(frozen=True)
class NewItemKeys:
    """The keys of an item inserted with nothing else the keys view reads (`alone`, SQL over `{row}`: no
    timeline rows yet), as SQL over its row `{row}`, in the view's order. Such an item without a member row
    is counted from the inserted row; any other goes the long way, through the view."""

    keys: str
    alone: str
    tenant: str = "tenant_id"


@dataclass(frozen=True)
class FirstRowKeys:
    """Keys an item gains with its first row of a kind (`kind`, SQL over `{row}` and the item's row `{item}`,
    which `item_table` holds by `item_key`), which the keys view puts last. An item whose member row holds no key
    starting with `prefix` has no such row yet (after every statement the member row is the view's answer),
    so when every row a statement writes for it is of the kind its first is the one with the lowest row key,
    and `keys` (SQL over that row `{row}` and `{item}`) are appended to its member row without the view."""

    kind: str
    prefix: str
    item_table: str
    keys: str
    item_key: str = "id"


@dataclass(frozen=True)
class Source:
    """A table whose writes change items' keys: the column naming the item, and the columns that
    matter on UPDATE (an update that changes none of them is skipped)."""

    table: str
    item_column: str
    watched: tuple[str, ...]
    row_key: str = "id"  # pairs a row's old and new versions on UPDATE
    # Rows that can change an item's keys, as SQL over the row alias `{row}` (e.g. only some kinds of
    # timeline event): the others are not refreshed, which spares the refresh on most writes.
    rows_filter: str = "true"
    moved_key: MovedKey | None = None
    new_item_keys: NewItemKeys | None = None
    first_row_keys: FirstRowKeys | None = None
    # Only statements run directly refresh (`pg_trigger_depth() = 0`): the one trigger that writes the table
    # calls the refresh with the items it wrote itself, without the transition tables' join.
    direct_writes_only: bool = False

    def __post_init__(self):
        if (self.moved_key or self.new_item_keys) and self.item_column != self.row_key:
            raise ValueError(f"{self.table}: keys read from the item's own row need one row per item")
        if self.first_row_keys and self.item_column == self.row_key:
            raise ValueError(f"{self.table}: a first row's keys are read from a timeline of the item's rows")


@dataclass(frozen=True)
class Tally:
    name: str
    keys_view: str  # SELECT item_id, tenant_id, keys (sorted, no NULLs) per item
    sources: tuple[Source, ...]
    # Room left on the member rows' pages, so that rewriting an item's row at each of its steps stays on
    # its page (HOT) when items change often soon after their insert; None: Postgres's default (full).
    member_fillfactor: int | None = None

    def tables(self, metadata: MetaData) -> tuple[Table, Table]:
        """The counts and the members, declared on the service's metadata (for its tests' schema)."""
        counts = Table(self.name, metadata, Column("tenant_id", Uuid, primary_key=True),
                       Column("key", Text, primary_key=True), Column("n", BigInteger, nullable=False))
        storage = {"postgresql_with": {"fillfactor": self.member_fillfactor}} if self.member_fillfactor else {}
        members = Table(f"{self.name}_member", metadata, Column("item_id", Uuid, primary_key=True),
                        Column("tenant_id", Uuid, nullable=False), Column("keys", ARRAY(Text), nullable=False),
                        **storage)
        return counts, members

    def upgrade(self, op) -> None:
        """For a migration: the tables, then (the sources' writers locked out) the backfill and triggers."""
        for table in self.tables(MetaData()):
            table.create(op.get_bind())
        op.execute(f"LOCK TABLE {', '.join(s.table for s in self.sources)} IN SHARE MODE")
        for statement in self.install() + self.backfill():
            op.execute(statement)

    def downgrade(self, op) -> None:
        for statement in self.uninstall():
            op.execute(statement)
        op.drop_table(f"{self.name}_member")
        op.drop_table(self.name)

    def install(self) -> list[str]:
        """The view, the refresh function and the triggers (tables come from the migration)."""
        statements = [f"CREATE OR REPLACE VIEW {self.name}_keys AS {self.keys_view}", self.refresh_function()]
        if any(source.moved_key for source in self.sources):
            statements.append(self.move_function())
        for source in self.sources:
            statements += self._triggers(source)
        return statements

    def uninstall(self) -> list[str]:
        statements = [s for source in self.sources for s in drop_refresh_triggers(self.name, source)]
        return statements + [f"DROP FUNCTION IF EXISTS {self.name}_move(uuid[], text[], text[], uuid[])",
                             f"DROP FUNCTION IF EXISTS {self.name}_refresh(uuid[])",
                             f"DROP VIEW IF EXISTS {self.name}_keys"]

    def backfill(self) -> list[str]:
        """Members and counts rebuilt from the base tables (run with the sources' writers locked out)."""
        return [f"TRUNCATE {self.name}, {self.name}_member",
                (f"INSERT INTO {self.name}_member (item_id, tenant_id, keys) "
                 f"SELECT item_id, tenant_id, keys FROM {self.name}_keys WHERE cardinality(keys) > 0"),
                (f"INSERT INTO {self.name} (tenant_id, key, n) SELECT tenant_id, key, count(*) "
                 f"FROM {self.name}_member, unnest(keys) AS key GROUP BY tenant_id, key")]

    def drift(self) -> str:
        """Keys whose maintained count differs from the count computed from the base tables."""
        return (f"SELECT count(*) FROM (SELECT tenant_id, key, count(*) AS n FROM {self.name}_keys, "
                f"unnest(keys) AS key GROUP BY tenant_id, key) AS fresh "
                f"FULL JOIN (SELECT * FROM {self.name} WHERE n <> 0) AS kept USING (tenant_id, key) "
                f"WHERE fresh.n IS DISTINCT FROM kept.n")

    def refresh_function(self, *, generic_plans: bool = True, one_statement: bool = True,
                         members_upserted: bool = False) -> str:
        """The refresh function. Its statements read the keys view, whose planning costs more than
        running them for a batch's few ids; with custom plans (Postgres's choice here) every call planned
        each of them again, most of the database's CPU per claim. Generic plans are made once per
        connection. The keys are computed once per call, in one statement whose parts all read the
        members as they were before it (`one_statement=False`, `generic_plans=False`,
        `members_upserted=True`: the earlier versions, for a downgrade)."""
        name = self.name
        plans = " SET plan_cache_mode = force_generic_plan" if generic_plans else ""
        body = self._one_statement(members_upserted) if one_statement else self._three_statements()
        return f"""
CREATE OR REPLACE FUNCTION {name}_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql{plans} AS $$
BEGIN
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    {item_locks(name)}
    {body}
END $$"""

    def move_function(self) -> str:
        """`{name}_move(ids, gone_keys, came_keys, others)`: each item of `ids` leaves its key of
        `gone_keys` for its key of `came_keys`. Its member row has that one key replaced in place (the array
        keeps the view's order) and the counts take the difference. An item whose member row lacks the key
        it leaves, or holds the one it takes, is refreshed the long way with `others` (the statement's
        items that did not only move). The locks cover both sets at once, in id order, as one refresh's."""
        name = self.name
        return f"""
CREATE OR REPLACE FUNCTION {name}_move(ids uuid[], gone_keys text[], came_keys text[], others uuid[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    {item_locks(name, "ids || others")}
    WITH step AS MATERIALIZED (SELECT * FROM unnest(ids, gone_keys, came_keys) AS s(item_id, gone, came)),
    moved AS (UPDATE {name}_member m SET keys = array_replace(m.keys, s.gone, s.came) FROM step s
        WHERE m.item_id = s.item_id AND s.gone = ANY(m.keys) AND NOT s.came = ANY(m.keys)
        RETURNING m.item_id, m.tenant_id, s.gone, s.came),
    counted AS (INSERT INTO {name} AS t (tenant_id, key, n)
        SELECT tenant_id, key, sum(d) FROM (
            SELECT tenant_id, gone AS key, -1 AS d FROM moved
            UNION ALL
            SELECT tenant_id, came, 1 FROM moved
        ) AS change GROUP BY tenant_id, key HAVING sum(d) <> 0 ORDER BY tenant_id, key
        ON CONFLICT (tenant_id, key) DO UPDATE SET n = t.n + EXCLUDED.n)
    SELECT others || ARRAY(SELECT item_id FROM step EXCEPT SELECT item_id FROM moved) INTO others;
    IF cardinality(others) > 0 THEN
        PERFORM {name}_refresh(others);
    END IF;
END $$"""

    def _one_statement(self, members_upserted: bool = False) -> str:
        """Items without keys leave `_member`, the others are written there, and the counts take the
        difference between the fresh keys and the counted ones (`old`, read before either change)."""
        name = self.name
        members = self._members_upserted() if members_upserted else self._members_written()
        return f"""WITH fresh AS MATERIALIZED (
        SELECT item_id, tenant_id, keys FROM {name}_keys WHERE item_id = ANY(ids) AND cardinality(keys) > 0),
    old AS MATERIALIZED (SELECT item_id, tenant_id, keys FROM {name}_member WHERE item_id = ANY(ids)),
    {members}
    INSERT INTO {name} AS t (tenant_id, key, n)
    SELECT tenant_id, key, sum(d) FROM (
        SELECT tenant_id, unnest(keys) AS key, 1 AS d FROM fresh
        UNION ALL
        SELECT tenant_id, unnest(keys), -1 FROM old
    ) AS change GROUP BY tenant_id, key HAVING sum(d) <> 0 ORDER BY tenant_id, key
    ON CONFLICT (tenant_id, key) DO UPDATE SET n = t.n + EXCLUDED.n;"""

    def _members_written(self) -> str:
        """`old` already says which items have a member row: a changed row is updated, a new one inserted,
        and an item whose keys did not change is not touched. The items' locks keep every other refresh of
        them out until this transaction ends, so no insert can meet a row another one wrote; an upsert
        (`_members_upserted`) went through a speculative insert and logged a row lock before each update."""
        name = self.name
        return f"""gone AS (DELETE FROM {name}_member m WHERE m.item_id IN (
        SELECT o.item_id FROM old o WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.item_id = o.item_id))),
    changed AS (UPDATE {name}_member m SET tenant_id = f.tenant_id, keys = f.keys
        FROM fresh f JOIN old o ON o.item_id = f.item_id
        WHERE m.item_id = f.item_id AND (o.keys <> f.keys OR o.tenant_id <> f.tenant_id)),
    added AS (INSERT INTO {name}_member (item_id, tenant_id, keys) SELECT item_id, tenant_id, keys FROM fresh f
        WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.item_id = f.item_id))"""

    def _members_upserted(self) -> str:
        name = self.name
        return f"""gone AS (DELETE FROM {name}_member m WHERE m.item_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.item_id = m.item_id)),
    kept AS (INSERT INTO {name}_member AS m (item_id, tenant_id, keys) SELECT item_id, tenant_id, keys FROM fresh
        ON CONFLICT (item_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, keys = EXCLUDED.keys
            WHERE m.keys IS DISTINCT FROM EXCLUDED.keys OR m.tenant_id <> EXCLUDED.tenant_id)"""

    def _three_statements(self) -> str:
        name = self.name
        return f"""INSERT INTO {name} AS t (tenant_id, key, n)
    SELECT tenant_id, key, sum(d) FROM (
        SELECT k.tenant_id, unnest(k.keys) AS key, 1 AS d FROM {name}_keys k WHERE k.item_id = ANY(ids)
        UNION ALL
        SELECT m.tenant_id, unnest(m.keys), -1 FROM {name}_member m WHERE m.item_id = ANY(ids)
    ) AS change GROUP BY tenant_id, key HAVING sum(d) <> 0 ORDER BY tenant_id, key
    ON CONFLICT (tenant_id, key) DO UPDATE SET n = t.n + EXCLUDED.n;
    DELETE FROM {name}_member m WHERE m.item_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM {name}_keys k WHERE k.item_id = m.item_id AND cardinality(k.keys) > 0);
    INSERT INTO {name}_member AS m (item_id, tenant_id, keys)
    SELECT item_id, tenant_id, keys FROM {name}_keys WHERE item_id = ANY(ids) AND cardinality(keys) > 0
    ON CONFLICT (item_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, keys = EXCLUDED.keys
        WHERE m.keys IS DISTINCT FROM EXCLUDED.keys OR m.tenant_id <> EXCLUDED.tenant_id;"""

    def _triggers(self, source: Source) -> list[str]:
        return refresh_triggers(self.name, source)


def refresh_triggers(name: str, source: Source) -> list[str]:
    """Statement-level triggers on a source table handing the ids of the items a statement touched to
    `{name}_refresh(ids uuid[])` (an UPDATE only when a watched column changed; with a `MovedKey`, the
    rows that only moved it to `{name}_move`; with `direct_writes_only`, not a trigger's statements)."""
    table, when = source.table, " WHEN (pg_trigger_depth() = 0)" if source.direct_writes_only else ""
    return [refresh_trigger_function(name, source)] + [
        f"CREATE TRIGGER {name}_{op.lower()} AFTER {op} ON {table} REFERENCING {refs} "
        f"FOR EACH STATEMENT{when} EXECUTE FUNCTION {name}_from_{table}()"
        for op, refs in (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
                         ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"))]


def refresh_trigger_function(name: str, source: Source) -> str:
    """The function the source's three triggers run (a migration may replace it alone)."""
    item, table, key = source.item_column, source.table, source.row_key
    changed = " OR ".join(f"n.{c} IS DISTINCT FROM o.{c}" for c in (item, *source.watched))
    new_kept = old_kept = source.rows_filter.format(row="r")
    either_kept = f"({source.rows_filter.format(row='n')} OR {source.rows_filter.format(row='o')})"
    touched = f"""ARRAY(
            SELECT DISTINCT v.item FROM new_rows n JOIN old_rows o ON o.{key} = n.{key},
                LATERAL (VALUES (n.{item}), (o.{item})) AS v(item)
            WHERE ({changed}) AND {either_kept} AND v.item IS NOT NULL"""
    inserted = f"ARRAY(SELECT DISTINCT {item} FROM new_rows r WHERE {item} IS NOT NULL AND {new_kept})"
    declared, update, insert = [], f"PERFORM {name}_refresh({touched}));", f"PERFORM {name}_refresh({inserted});"
    if source.moved_key:
        declared, update = ["moves record;"], _moved_or_refreshed(name, source, touched)
    if source.new_item_keys:
        declared, insert = declared + ["ids uuid[];", "others uuid[];"], _counted_from_rows(name, source, inserted)
    if source.first_row_keys:
        declared, insert = declared + ["ids uuid[];", "others uuid[];"], _added_from_first_rows(name, source, inserted)
    declare = "\nDECLARE " + " ".join(declared) if declared else ""
    return f"""
CREATE OR REPLACE FUNCTION {name}_from_{table}() RETURNS trigger LANGUAGE plpgsql AS $${declare}
BEGIN
    IF TG_OP = 'INSERT' THEN
        {insert}
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM {name}_refresh(ARRAY(SELECT DISTINCT {item} FROM old_rows r WHERE {item} IS NOT NULL AND {old_kept}));
    ELSE
        {update}
    END IF;
    RETURN NULL;
END $$"""


def _moved_or_refreshed(name: str, source: Source, touched: str) -> str:
    """The UPDATE branch with a `MovedKey`: rows that changed only its column, between steady values, go
    to `{name}_move` with the others' items; with none, the others go to `{name}_refresh` as before."""
    item, key, moved = source.item_column, source.row_key, source.moved_key
    column, prefix = moved.column, moved.prefix.replace("'", "''")
    unchanged = (f"n.{c} IS NOT DISTINCT FROM o.{c}" for c in (item, *source.watched) if c != column)
    kept = (f"({condition.format(row=row)})" for condition in (source.rows_filter, moved.steady) for row in "no")
    only_moved = " AND ".join([f"n.{column} IS DISTINCT FROM o.{column}", f"n.{column} IS NOT NULL",
                               f"o.{column} IS NOT NULL", f"n.{item} IS NOT NULL", *unchanged, *kept])
    return f"""SELECT array_agg(n.{item}) AS ids, array_agg('{prefix}' || o.{column}) AS gone,
            array_agg('{prefix}' || n.{column}) AS came INTO moves
        FROM new_rows n JOIN old_rows o ON o.{key} = n.{key} WHERE {only_moved};
        IF moves.ids IS NULL THEN
            PERFORM {name}_refresh({touched}));
        ELSE
            PERFORM {name}_move(moves.ids, moves.gone, moves.came, {touched} AND ({only_moved}) IS NOT TRUE));
        END IF;"""


def _counted_from_rows(name: str, source: Source, inserted: str) -> str:
    """The INSERT branch with `NewItemKeys`: each new item alone and without a member row takes its row's keys,
    a member row and a count under each; the others (an id written again over timeline rows left behind, a
    member row written with the triggers off) are refreshed."""
    item, new = source.item_column, source.new_item_keys
    keys, alone = new.keys.format(row="r"), new.alone.format(row="r")
    writes = f"""fresh AS MATERIALIZED (
            SELECT r.{item} AS item_id, r.{new.tenant} AS tenant_id, {keys} AS keys
            FROM new_rows r WHERE r.{item} = ANY(ids) AND {alone}
            AND NOT EXISTS (SELECT 1 FROM {name}_member m WHERE m.item_id = r.{item})),
        added AS (INSERT INTO {name}_member (item_id, tenant_id, keys)
            SELECT item_id, tenant_id, keys FROM fresh WHERE cardinality(keys) > 0)"""
    return _counted_without_view(name, inserted, "fresh", writes)


def _added_from_first_rows(name: str, source: Source, inserted: str) -> str:
    """The INSERT branch with `FirstRowKeys`: each item whose statement rows are all of the kind, whose member
    row holds no key of the prefix and whose row is there has the first row's keys appended and counted; the
    others (a later row of the kind, a row of another kind beside it) are refreshed."""
    item, key, first = source.item_column, source.row_key, source.first_row_keys
    prefix = first.prefix.replace("'", "''")
    kind, keys = (sql.format(row="r", item="i") for sql in (first.kind, first.keys))
    writes = f"""firsts AS MATERIALIZED (SELECT DISTINCT ON (r.{item}) r.{item} AS item_id, {keys} AS keys,
                bool_and(i.{first.item_key} IS NOT NULL AND ({kind})) OVER (PARTITION BY r.{item}) AS only_kind
            FROM new_rows r LEFT JOIN {first.item_table} i ON i.{first.item_key} = r.{item}
            WHERE r.{item} = ANY(ids) AND {source.rows_filter.format(row="r")} ORDER BY r.{item}, r.{key}),
        added AS MATERIALIZED (UPDATE {name}_member m SET keys = m.keys || f.keys FROM firsts f
            WHERE m.item_id = f.item_id AND f.only_kind
            AND NOT EXISTS (SELECT 1 FROM unnest(m.keys) AS k WHERE starts_with(k, '{prefix}'))
            RETURNING m.item_id, m.tenant_id, f.keys)"""
    return _counted_without_view(name, inserted, "added", writes)


def _counted_without_view(name: str, inserted: str, counted_items: str, writes: str) -> str:
    """An INSERT branch that counts some items without the keys view: under the items' locks (as a refresh's),
    `writes` (CTEs writing their member rows) end in `counted_items` (item_id, tenant_id, the keys each adds),
    which the counts take; the statement's other items are refreshed in the same call."""
    return f"""ids := {inserted};
        IF cardinality(ids) = 0 THEN RETURN NULL; END IF;
        {item_locks(name)}
        WITH {writes},
        counted AS (INSERT INTO {name} AS t (tenant_id, key, n)
            SELECT tenant_id, key, count(*) FROM {counted_items}, unnest(keys) AS key
            GROUP BY tenant_id, key ORDER BY tenant_id, key
            ON CONFLICT (tenant_id, key) DO UPDATE SET n = t.n + EXCLUDED.n)
        SELECT ARRAY(SELECT unnest(ids) EXCEPT SELECT item_id FROM {counted_items}) INTO others;
        IF cardinality(others) > 0 THEN
            PERFORM {name}_refresh(others);
        END IF;"""


def drop_refresh_triggers(name: str, source: Source) -> list[str]:
    return [*(f"DROP TRIGGER IF EXISTS {name}_{op} ON {source.table}" for op in ("insert", "update", "delete")),
            f"DROP FUNCTION IF EXISTS {name}_from_{source.table}()"]


def item_locks(name: str, ids: str = "ids", *, guarded: str | None = None) -> str:
    """PL/pgSQL taking the items' transaction advisory locks in id order, or, for more items than the
    lock table holds comfortably (a bulk load), one lock on `{name}_member` (or `guarded`) that keeps
    every other refresh out. With `guarded`, an items' refresh first takes the lock every writer of that
    table takes, so it waits for a bulk refresh before the statements after this one read anything."""
    table = guarded or f"{name}_member"
    guard = f"LOCK TABLE {table} IN ROW EXCLUSIVE MODE;\n        " if guarded else ""
    return f"""IF cardinality({ids}) > {ITEM_LOCKS_MAX} THEN
        LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE;
    ELSE
        {guard}PERFORM pg_advisory_xact_lock(hashtextextended('{name}:' || i::text, 0))
        FROM (SELECT DISTINCT i FROM unnest({ids}) AS i ORDER BY i) AS s;
    END IF;"""


async def read_counts(session: AsyncSession, counts: Table, tenant_id: UUID | None, *,
                      every_tenant: Table) -> dict[str, int]:
    """The maintained counts per key of one tenant, or of every tenant (None) from their rollup
    (shared/db/rollup.py), in key order; zeros left out."""
    if tenant_id is None:
        query = select(every_tenant.c.key, every_tenant.c.n).order_by(every_tenant.c.key)
    else:
        query = select(counts.c.key, func.sum(counts.c.n)).where(counts.c.tenant_id == tenant_id).group_by(counts.c.key)
    return {key: int(n) for key, n in (await session.execute(query)).all() if n}
