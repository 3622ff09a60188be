"""A batch's rows written with one statement per table: every column travels as one array (`unnest`).

asyncpg's executemany prepares its statement once but executes it once per row, and for a table with
statement-level triggers (the maintained counts, shared/db/tally.py) that is one trigger call per row:
a batch of 50 claims refreshed their counts 50 times. Sent as arrays, the
rows are one statement, so one trigger call sees them all, and the statement text does not depend on
the batch's size, so a connection prepares it once (a multi-row VALUES list is a new statement for every
size). Rows are inserted in the order given (WITH ORDINALITY), so serial ids follow it, as a timeline's
and an outbox's readers expect.

`unnest` flattens an array of arrays, so a one-dimensional array column's values travel as JSON text
and are made arrays again per row; JSON documents travel as text too (`_value`).
"""
import json
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import ARRAY, JSON, Table, text
from sqlalchemy.engine import Dialect
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import TextClause

DIALECT = postgresql.dialect()


def _sql_type(table: Table, name: str) -> str:
    return table.c[name].type.compile(dialect=DIALECT)


def _as_text(table: Table, name: str) -> bool:
    """JSON documents and arrays travel as text: `unnest` would flatten an array of arrays, and a document is
    bound as its JSON text already (SQLAlchemy's JSON type), which a text array takes as it is."""
    return isinstance(table.c[name].type, (JSON, ARRAY))


def _arrays(table: Table, names: Sequence[str]) -> str:
    """`unnest(CAST(:a AS t[]), ...)` over the named columns."""
    return "unnest(" + ", ".join(
        f"CAST(:{n} AS {'text' if _as_text(table, n) else _sql_type(table, n)}[])" for n in names) + ")"


def _value(table: Table, name: str) -> str:
    """A column's value in the unnested row `v`, as the column's type."""
    column_type = table.c[name].type
    if isinstance(column_type, ARRAY):
        if column_type.dimensions not in (None, 1):
            raise ValueError(f"{table.name}.{name}: only one-dimensional arrays travel as JSON text")
        elements = f"ARRAY(SELECT jsonb_array_elements_text(CAST(v.{name} AS jsonb)))"
        return f"CASE WHEN v.{name} IS NULL THEN NULL ELSE CAST({elements} AS {_sql_type(table, name)}) END"
    return f"CAST(v.{name} AS {_sql_type(table, name)})" if isinstance(column_type, JSON) else f"v.{name}"


def _array_as_json(value):
    return None if value is None else json.dumps(list(value))


@lru_cache(maxsize=256)
def _processor(table: Table, name: str, dialect: Dialect):
    """What the driver is handed for one value of the column (a JSON document as its text, ...), as the
    column's own type would bind it one row at a time; an array parameter's items get no such step."""
    if isinstance(table.c[name].type, ARRAY):
        return _array_as_json
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


@lru_cache(maxsize=256)
def insert_statement(table: Table, names: tuple[str, ...]) -> TextClause:
    columns = ", ".join(names)
    values = ", ".join(_value(table, n) for n in names)
    return text(f"INSERT INTO {table.name} ({columns}) SELECT {values} FROM {_arrays(table, names)} "
                f"WITH ORDINALITY AS v({columns}, row_order) ORDER BY row_order")


@lru_cache(maxsize=256)
def update_statement(table: Table, key: str, names: tuple[str, ...]) -> TextClause:
    """UPDATE of `names` by `key`; a column the table model updates itself (`onupdate=func.now()`) is set
    as the ORM would set it."""
    assignments = [f"{n} = {_value(table, n)}" for n in names]
    assignments += [f"{c.name} = {c.onupdate.arg.compile(dialect=DIALECT)}" for c in table.columns
                    if c.onupdate is not None and c.onupdate.is_clause_element and c.name not in names]
    return text(f"UPDATE {table.name} AS t SET {', '.join(assignments)} FROM {_arrays(table, (key, *names))} "
                f"AS v({key}, {', '.join(names)}) WHERE t.{key} = v.{key}")


@lru_cache(maxsize=256)
def upsert_statement(table: Table, names: tuple[str, ...], conflict: tuple[str, ...],
                     replaced: tuple[str, ...]) -> TextClause:
    """The INSERT of `insert_statement`; a row whose `conflict` key is stored already replaces `replaced`."""
    assignments = ", ".join(f"{n} = EXCLUDED.{n}" for n in replaced)
    return text(f"{insert_statement(table, names).text} ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET {assignments}")


def _with_defaults(table: Table, rows: list[dict]) -> tuple[tuple[str, ...], list[dict]]:
    """The rows' columns (every row must name the same ones), plus the columns whose default the table
    model fills in on the client (as an ORM insert would)."""
    names = tuple(rows[0])
    if any(set(row) != set(names) for row in rows):
        raise ValueError(f"rows for {table.name} name different columns")
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in names and c.default is not None and c.default.is_scalar}
    return names + tuple(defaults), [{**row, **defaults} for row in rows] if defaults else rows


def _columns_of(session: AsyncSession, table: Table, names: Sequence[str], rows: list[dict]) -> dict[str, list]:
    dialect = session.get_bind().dialect
    columns = {}
    for name in names:
        process = _processor(table, name, dialect)
        columns[name] = [process(row[name]) for row in rows] if process else [row[name] for row in rows]
    return columns


async def insert_rows(session: AsyncSession, table: Table, rows: list[dict]) -> None:
    """Every row in one INSERT, in the order given."""
    if not rows:
        return
    names, rows = _with_defaults(table, rows)
    await session.execute(insert_statement(table, names), _columns_of(session, table, names, rows))


async def upsert_rows(session: AsyncSession, table: Table, rows: list[dict], *, conflict: Sequence[str],
                      replaced: Sequence[str]) -> None:
    """Every row in one INSERT; a row whose `conflict` key exists replaces that row's `replaced` columns. A key
    may come once per call (Postgres refuses to change a row twice in one statement)."""
    if not rows:
        return
    names, rows = _with_defaults(table, rows)
    await session.execute(upsert_statement(table, names, tuple(conflict), tuple(replaced)),
                          _columns_of(session, table, names, rows))


async def update_rows(session: AsyncSession, table: Table, key: str, rows: list[dict]) -> None:
    """One UPDATE setting each row's other columns where `key` matches; the last row given for a key wins,
    as it would have one statement after another."""
    if not rows:
        return
    last = list({row[key]: row for row in rows}.values())
    names = tuple(n for n in rows[0] if n != key)
    await session.execute(update_statement(table, key, names), _columns_of(session, table, (key, *names), last))
