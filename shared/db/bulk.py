"""A batch's rows written with one statement per table: every column travels as one array (`unnest`).

asyncpg's executemany prepares its statement once but executes it once per row, and for a table with
statement-level triggers (the maintained counts, shared/db/tally.py) that is one trigger call per row:
a batch of 50 claims refreshed their counts 50 times. Sent as arrays, the
rows are one statement, so one trigger call sees them all, and the statement text does not depend on
the batch's size, so a connection prepares it once (a multi-row VALUES list is a new statement for every
size). Rows are inserted in the order given (WITH ORDINALITY), so serial ids follow it, as a timeline's
and an outbox's readers expect.

Strings, numbers and booleans travel as one array literal a column, bound as text and cast to the column's
array type (shared/db/array_literals.py): asyncpg would inspect every element of a bound list in Python
(`_literal` says which columns, and why the others stay lists).

`unnest` flattens an array of arrays, so a one-dimensional array column's values travel as JSON text
and are made arrays again per row; JSON documents travel as text too (`_value`). A column's JSON texts are bound
as one text that the statement splits (shared/db/separated_texts.py): asyncpg would inspect each text of a list. Strings travel as text
and are assigned to their column, which refuses an overlong value: an explicit cast to `varchar(n)[]`
would cut it short without a word.

An insert may say what a key already taken does (`OnConflict`: nothing, or an update of the row under a
condition), which columns every row takes from an SQL expression rather than from the batch
(`computed`, e.g. the server's `now()`), which columns it answers (`returning`), and a condition on no row's
values that gates it (`gate`: an uncorrelated subquery, which Postgres evaluates once, before the first row, e.g. a
lock the statement takes first); expressions may use bound parameters of their own, passed as `params`.

A JSON column's value may come already encoded (`EncodedJson`, e.g. `json_of` a pydantic model, encoded by
pydantic's own serializer in one call): it travels as it is, where a dict would be encoded again here.

Rows a transaction queues for several tables (a timeline, files, an outbox) go in as one statement
(`insert_together`): one round trip where there was one per table. An `Update` of rows by key may be one of them
(the claims a batch changed, written with the steps that changed them).

The writes run on the transaction's driver (`_write`), after the ORM's pending writes, as the session's execute
ran them, with no crossing into SQLAlchemy's greenlet and no ORM execute path; an insert answering rows is read
there too (`select_rows`), its rows typed by their columns as the session's result typed them.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

import pydantic_core
from pydantic import BaseModel
from sqlalchemy import (ARRAY, JSON, Boolean, Enum, Integer, LargeBinary, Numeric, String, Table, Text, TypeDecorator,
                        Uuid, all_, any_, bindparam, cast, func, select, text, tuple_)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_dbapi
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement, TextClause
from sqlalchemy.sql.selectable import TextualSelect

from shared.db.array_literals import ElementText, array_literal, bool_text, printed_text
from shared.db.deferred_session import dialect_of
from shared.db.driver_reads import select_rows
from shared.db.json_text import json_text
from shared.db.separated_texts import separated, split_sql
from shared.db.transaction_driver import TransactionDriver, flush_pending

DIALECT = postgresql.dialect()
_BYTES_AS_GIVEN = AsyncAdapt_asyncpg_dbapi.Binary
_DOCUMENTS = (dict, list)  # a JSON column's documents; None and SQLAlchemy's NULL markers keep the column's step


def _sql_type(table: Table, name: str) -> str:
    return table.c[name].type.compile(dialect=DIALECT)


def _column_type(table: Table, name: str):
    column_type = table.c[name].type
    return column_type.impl if isinstance(column_type, TypeDecorator) else column_type  # AutoString: String


@lru_cache(maxsize=256)
def _separated(table: Table, name: str) -> bool:
    """JSON documents and arrays travel as their JSON texts joined in one text: `unnest` would flatten an array
    of arrays, and a document is bound as its JSON text already (SQLAlchemy's JSON type)."""
    return isinstance(_column_type(table, name), (JSON, ARRAY))


def _array(table: Table, name: str, parameter: str) -> str:
    """The column's values as an array: JSON texts split, a literal's parameter cast to text first, then to the
    column type's array (strings to text, so the column's own length check applies when the value is assigned)."""
    if _separated(table, name):
        return split_sql(parameter)
    column_type = _column_type(table, name)
    as_text = isinstance(column_type, String) and not isinstance(column_type, Enum)
    bound = f"CAST(:{parameter} AS text)" if _literal(table, name)[0] else f":{parameter}"
    return f"CAST({bound} AS {'text' if as_text else _sql_type(table, name)}[])"


def _arrays(table: Table, names: Sequence[str], prefix: str = "") -> str:
    """`unnest(<array>, ...)` over the named columns (bound as `prefix` + name)."""
    return "unnest(" + ", ".join(_array(table, n, prefix + n) for n in names) + ")"


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
    """Items JSON has no type for (dates, amounts) travel as their text, which the column's cast reads back."""
    return None if value is None else json_text(list(value), default=str)


def any_bound(name: str, item_type=Uuid) -> ColumnElement:
    """`ANY(:name)` over an array bound when the statement runs: for statements built once and run with
    each batch's keys (as `in_array`, one text whatever the number of keys)."""
    return any_(bindparam(name, type_=ARRAY(item_type)))


def text_array_bound(name: str) -> ColumnElement:
    """A text array bound as one array literal's text (`array_literal` of the strings, as the inbox's topics):
    `any_bound`'s array for text keys."""
    return cast(cast(bindparam(name, type_=Text), Text), ARRAY(Text))


def in_array(column: ColumnElement, values) -> ColumnElement[bool]:
    """`column = ANY(:values)`, the values bound as one array of the column's type: the statement's text is
    the same however many values there are, so a connection prepares it once (an IN list is a new statement,
    parsed and planned again, for every count of values)."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def not_in_array(column: ColumnElement, values) -> ColumnElement[bool]:
    """`column <> ALL(:values)`, what `NOT IN` answers (NULL for a NULL column), bound as `in_array` binds:
    a constant list in a statement built once is not expanded again at each execution."""
    return column != all_(bindparam(None, list(values), type_=ARRAY(column.type)))


def in_unnested(columns: Sequence[ColumnElement], arrays: Sequence[ColumnElement], name: str) -> ColumnElement[bool]:
    """`(a, b, ...) IN (SELECT * FROM unnest(:as, :bs, ...))`: keys of several columns bound as one array per
    column (`any_bound`'s idea for pairs and triples), so the text is the same for any count of keys."""
    keys = func.unnest(*arrays).table_valued(*(column.key for column in columns)).render_derived(name)
    return tuple_(*columns).in_(select(*keys.c))


class EncodedJson(str):
    """A JSON document's text, encoded already: a JSON column binds it unchanged."""

    __slots__ = ()


def json_of(value: BaseModel | Sequence[BaseModel]) -> EncodedJson:
    """A model, or a list of models, as the JSON of its `model_dump(mode="json")`, written by pydantic's
    serializer in one call (each model with its own class's serializer): no dicts built and walked again."""
    return EncodedJson(pydantic_core.to_json(value).decode())


@lru_cache(maxsize=256)
def _processor(table: Table, name: str, dialect: Dialect):
    """What the driver is handed for one value of the column (a JSON document as its text, ...), as the
    column's own type would bind it one row at a time; an array parameter's items get no such step."""
    column_type = table.c[name].type
    if isinstance(column_type, ARRAY):
        return _array_as_json
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if isinstance(column_type, JSON) and process is not None:
        if dialect._json_serializer is None:  # the column would call json.dumps: the same text, called directly
            return lambda value: (value if type(value) is EncodedJson
                                  else json_text(value) if type(value) in _DOCUMENTS else process(value))
        return lambda value: value if type(value) is EncodedJson else process(value)
    if isinstance(column_type, LargeBinary) and getattr(type(dialect.dbapi), "Binary", None) is _BYTES_AS_GIVEN:
        return None  # asyncpg's Binary answers its argument: the step would change no value
    return process


@lru_cache(maxsize=256)
def _literal(table: Table, name: str) -> tuple[bool, ElementText | None]:
    """Whether the column travels as an array literal, and how one of its values is written in it (None: a string
    or an enum's name, its text already). Strings, numbers and booleans do: their literal costs less than
    asyncpg's per-element check and encoding (a Decimal's most of all). UUIDs, times, dates and bytes stay lists:
    writing them as text (`UUID.__str__`, bytes in hex, even a UUID's hex from its int) cost more, in the process
    and in Postgres, than the driver's binary encoding saved. JSON texts are joined instead (`_separated`): a
    literal would escape every quote of a document, for Postgres to parse again."""
    column_type = _column_type(table, name)
    if _separated(table, name):
        return False, None
    if isinstance(column_type, String):
        return True, None
    if isinstance(column_type, Boolean):
        return True, bool_text
    if isinstance(column_type, (Integer, Numeric)):
        return True, printed_text
    return False, None


@dataclass(frozen=True)
class OnConflict:
    """What an insert does with a row whose `keys` are taken: nothing, or `update` (column, SQL expression
    over `excluded.<column>`, the table's own columns and bound parameters) where `where` holds."""

    keys: tuple[str, ...]
    update: tuple[tuple[str, str], ...] = ()
    where: str | None = None

    @classmethod
    def replacing(cls, keys: Sequence[str], columns: Sequence[str], *, where: str | None = None) -> "OnConflict":
        """A row whose keys are taken replaces the stored row's `columns` with its own (where `where` holds)."""
        return cls(tuple(keys), tuple((column, f"excluded.{column}") for column in columns), where)

    def sql(self) -> str:
        target = f"ON CONFLICT ({', '.join(self.keys)}) "
        if not self.update:
            return target + "DO NOTHING"
        clause = target + "DO UPDATE SET " + ", ".join(f"{column} = {value}" for column, value in self.update)
        return clause + (f" WHERE {self.where}" if self.where else "")


def _insert_sql(table: Table, names: tuple[str, ...], computed: tuple[tuple[str, str], ...] = (),
                on_conflict: OnConflict | None = None, prefix: str = "", gate: str | None = None) -> str:
    columns = ", ".join(names)
    values = ", ".join([*(_value(table, n) for n in names), *(expression for _, expression in computed)])
    statement = (f"INSERT INTO {table.name} ({', '.join([*names, *(c for c, _ in computed)])}) SELECT {values} "
                 f"FROM {_arrays(table, names, prefix)} WITH ORDINALITY AS v({columns}, row_order) "
                 f"{f'WHERE {gate} ' if gate else ''}ORDER BY row_order")
    return statement + " " + on_conflict.sql() if on_conflict is not None else statement


@lru_cache(maxsize=256)
def insert_statement(table: Table, names: tuple[str, ...], *, computed: tuple[tuple[str, str], ...] = (),
                     on_conflict: OnConflict | None = None, returning: tuple[str, ...] = (),
                     gate: str | None = None) -> TextClause | TextualSelect:
    """INSERT of `names` from the arrays, plus `computed` (column, SQL expression) for every row."""
    statement = _insert_sql(table, names, computed, on_conflict, gate=gate)
    if returning:
        return text(statement + f" RETURNING {', '.join(returning)}").columns(*(table.c[n] for n in returning))
    return text(statement)


def _update_sql(table: Table, key: str, names: tuple[str, ...], prefix: str = "") -> str:
    assignments = [f"{n} = {_value(table, n)}" for n in names]
    assignments += [f"{c.name} = {c.onupdate.arg.compile(dialect=DIALECT)}" for c in table.columns
                    if c.onupdate is not None and c.onupdate.is_clause_element and c.name not in names]
    return (f"UPDATE {table.name} AS t SET {', '.join(assignments)} FROM {_arrays(table, (key, *names), prefix)} "
            f"AS v({key}, {', '.join(names)}) WHERE t.{key} = v.{key}")


class UpdateShape(NamedTuple):
    """An update by `key` among one statement's writes: `names` are the arrays bound for it, the key first and then
    the columns it sets, as an insert's names are the arrays bound for its columns."""

    table: Table
    names: tuple[str, ...]
    key: str

    @property
    def assigned(self) -> tuple[str, ...]:
        return self.names[1:]


class InsertShape(NamedTuple):
    """An insert among one statement's writes: its table, the columns bound, what a taken key does and the
    condition that gates its rows (`gate`, as `insert_rows` takes it)."""

    table: Table
    names: tuple[str, ...]
    on_conflict: OnConflict | None = None
    gate: str | None = None


# A write's shape in one statement: an insert (a plain (table, columns, on conflict) tuple reads as one) or an
# update by key.
WriteShape = InsertShape | tuple[Table, tuple[str, ...], OnConflict | None] | UpdateShape


def _write_sql(shape: WriteShape, prefix: str = "") -> str:
    if isinstance(shape, UpdateShape):
        return _update_sql(shape.table, shape.key, shape.assigned, prefix)
    table, names, on_conflict, gate = InsertShape(*shape)
    return _insert_sql(table, names, on_conflict=on_conflict, prefix=prefix, gate=gate)


@lru_cache(maxsize=256)
def inserts_statement(writes: tuple[WriteShape, ...], answer: str | None = None) -> TextClause:
    """Several tables' writes as one statement: each but the last a data-modifying CTE, which Postgres runs
    once and to completion whether or not the statement reads it. The n-th write's arrays are bound as
    `t<n>_<column>`, so two tables' columns of one name do not meet. Every part sees the rows as they were
    before the statement (one snapshot), so no two parts may write the same row. With `answer` (a query), every
    write is a CTE and the statement answers that query's rows, read from the same snapshot: none of the
    statement's own writes is in them."""
    parts = [_write_sql(shape, prefix=f"t{n}_") for n, shape in enumerate(writes)]
    if answer is None and len(parts) == 1:
        return text(parts[0])
    ctes = ", ".join(f"t{n} AS ({part})" for n, part in enumerate(parts if answer is not None else parts[:-1]))
    return text(f"WITH {ctes} {answer if answer is not None else parts[-1]}")


@lru_cache(maxsize=256)
def update_statement(table: Table, key: str, names: tuple[str, ...]) -> TextClause:
    """UPDATE of `names` by `key`; a column the table model updates itself (`onupdate=func.now()`) is set
    as the ORM would set it."""
    return text(_update_sql(table, key, names))


def _with_defaults(table: Table, rows: list[dict], skip: frozenset[str] = frozenset()
                   ) -> tuple[tuple[str, ...], list[dict]]:
    """The rows' columns (every row must name the same ones), plus the columns whose default the table
    model fills in on the client (as an ORM insert would) and the statement does not compute."""
    names = tuple(rows[0])
    expected = set(names)
    if any(row.keys() != expected for row in rows):
        raise ValueError(f"rows for {table.name} name different columns")
    defaults = _client_defaults(table, names, skip)
    return names + tuple(defaults), [{**row, **defaults} for row in rows] if defaults else rows


@lru_cache(maxsize=256)
def _client_defaults(table: Table, names: tuple[str, ...], skip: frozenset[str]) -> dict:
    """The scalar defaults of the columns a batch leaves out: the same for every batch of one shape."""
    return {c.name: c.default.arg for c in table.columns
            if c.name not in names and c.name not in skip and c.default is not None and c.default.is_scalar}


def _finisher(table: Table, name: str) -> Callable[[list], str] | None:
    """What makes a column's processed values its bound parameter: JSON texts joined, a literal, or None (the list)."""
    if _separated(table, name):
        return separated
    as_literal, element_text = _literal(table, name)
    if not as_literal:
        return None
    return array_literal if element_text is None else partial(array_literal, element_text=element_text)


@lru_cache(maxsize=256)
def _column_steps(table: Table, names: tuple[str, ...], dialect: Dialect) -> tuple:
    """Each column's (name, processor, finisher), looked up once for a shape of rows rather than for every batch."""
    return tuple((name, _processor(table, name, dialect), _finisher(table, name)) for name in names)


def _columns_of(dialect: Dialect, table: Table, names: Sequence[str], rows: list[dict]) -> dict[str, list | str]:
    """Each column's values (a literal of them, `_literal`, or JSON texts in one, `_separated`), bound first as the
    column's type would bind them (None too: a JSON column's None is the document `null`)."""
    columns = {}
    for name, process, finish in _column_steps(table, tuple(names), dialect):
        values = [process(row[name]) for row in rows] if process else [row[name] for row in rows]
        columns[name] = values if finish is None else finish(values)
    return columns


async def insert_rows(session: AsyncSession, table: Table, rows: list[dict], *,
                      computed: tuple[tuple[str, str], ...] = (), on_conflict: OnConflict | None = None,
                      returning: tuple[str, ...] = (), params: dict | None = None,
                      gate: str | None = None) -> list[tuple] | None:
    """Every row in one INSERT, in the order given; with `returning`, the rows it inserted or updated, typed
    as the session's execute typed them and read on the transaction's driver (`select_rows`)."""
    if not rows:
        return None
    names, rows = _with_defaults(table, rows, skip=frozenset(column for column, _ in computed))
    statement = insert_statement(table, names, computed=computed, on_conflict=on_conflict, returning=returning,
                                 gate=gate)
    columns = {**_columns_of(dialect_of(session), table, names, rows), **(params or {})}
    if returning:
        return await select_rows(session, statement, columns)
    await _write(session, statement, columns)
    return None


async def _write(session: AsyncSession, statement: TextClause, params: dict) -> None:
    """A statement answering nothing, on the session's transaction's driver after the ORM's pending writes."""
    await flush_pending(session)
    await (await TransactionDriver.of(session)).fetch(statement, params)


@dataclass(frozen=True)
class Insert:
    """One table's rows for `insert_together` (with what a taken key does, and the condition gating them)."""

    table: Table
    rows: list[dict]
    on_conflict: OnConflict | None = None
    gate: str | None = None

    def shape(self) -> tuple[WriteShape, list[dict]]:
        names, rows = _with_defaults(self.table, self.rows)
        return InsertShape(self.table, names, self.on_conflict, self.gate), rows


@dataclass(frozen=True)
class Update:
    """One table's rows for `insert_together` that set each row's other columns where `key` matches; the last
    row given for a key wins, as it would have one statement after another."""

    table: Table
    key: str
    rows: list[dict]

    def shape(self) -> tuple[WriteShape, list[dict]]:
        names = (self.key, *(n for n in self.rows[0] if n != self.key))
        return UpdateShape(self.table, names, self.key), list({row[self.key]: row for row in self.rows}.values())


async def insert_together(driver: TransactionDriver, writes: Sequence[Insert | Update], *,
                          answer: str | None = None, params: dict | None = None) -> list | None:
    """The rows of several tables in one statement and one round trip, on the transaction's driver (the
    unit of work's outbox and what goes in with it); each table's rows go in the order given, as `insert_rows`
    would put them, an `Update`'s as `update_rows` would set them. Statement-level triggers still fire once per
    table and write: each is its own sub-statement. With `answer` (a query, with `params` of its own and of the
    inserts' gates), the rows it reads from the statement's snapshot (`inserts_statement`)."""
    writes = [write for write in writes if write.rows]
    if not writes:
        return None
    shapes, bound, alone = [], dict(params or {}), len(writes) == 1 and answer is None
    for n, write in enumerate(writes):
        shape, rows = write.shape()
        shapes.append(shape)
        columns = _columns_of(driver.dialect, shape[0], shape[1], rows)
        bound.update(columns if alone else {f"t{n}_{name}": values for name, values in columns.items()})
    if alone:  # the statement a single table's rows have always had
        (shape,) = shapes
        single = (update_statement(shape.table, shape.key, shape.assigned) if isinstance(shape, UpdateShape)
                  else insert_statement(shape.table, shape.names, on_conflict=shape.on_conflict, gate=shape.gate))
        return await driver.fetch(single, bound)
    return await driver.fetch(inserts_statement(tuple(shapes), answer), bound)


async def update_rows(session: AsyncSession, table: Table, key: str, rows: list[dict]) -> None:
    """One UPDATE setting each row's other columns where `key` matches; the last row given for a key wins,
    as it would have one statement after another."""
    if rows:
        await flush_pending(session)
        await insert_together(await TransactionDriver.of(session), [Update(table, key, rows)])
