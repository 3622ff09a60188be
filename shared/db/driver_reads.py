"""A repository's Core `select` on the transaction's asyncpg connection, its rows typed as the session's.

Through the session, every read took the session's execute path (autoflush, the statement's cache key, an
execution context, a crossing into SQLAlchemy's greenlet and back, a cursor, the result's Row machinery) for one
round trip. Here a statement built once (a module constant, what changes per call bound by name) is compiled
once by the connection's dialect, its parameters bound in the driver's positional order through the same bind
processors, and run through the adapter's own prepared statements (the session's cache, so the statement and
the type codecs are the same); the result processors the session would apply to each column, chosen as it
chooses them (by the column's type and the type the server answers), are applied to asyncpg's values. Rows read
by attribute (`row.claim_id`), by key (`row["claim_id"]`) and by position, and unpack as a session's Row does.
They are built without a Python call per row (each record handed to the row class's tuple constructor in C, the
processors mapped over their columns), and a processor that only copies what asyncpg answers is not run: an
array's, when its items have none (asyncpg answers a list already).
The ORM's pending writes are flushed first, as the session's autoflush did. A textual statement runs too when it
names its columns (`text(...).columns(...)`): a column named without a type is answered as asyncpg decodes it,
as the session answers an untyped text's columns.
"""
from collections import namedtuple
from collections.abc import Callable, Mapping
from functools import lru_cache, partial
from typing import ClassVar

from sqlalchemy import Select, TextualSelect
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.transaction_driver import TransactionDriver, flush_pending

_REQUIRED = object()  # a parameter the statement holds no value for: each call names it


class _Keyed(tuple):
    """A row's values, read by position and by column key (attribute access comes from the named tuple)."""

    __slots__ = ()
    _positions: ClassVar[dict[str, int]]  # each shape's row class sets its own

    def __getitem__(self, key):
        try:  # a position or a slice: the tuple's own, with no test of the key first
            return tuple.__getitem__(self, key)
        except TypeError:
            if isinstance(key, str):
                return tuple.__getitem__(self, self._positions[key])
            raise


class SelectShape:
    """A select as the driver runs it: its SQL, its parameters in `$n` order (name, bind processor, the value
    the statement holds), its rows' class, and the result processors by the column types the server answers."""

    def __init__(self, sql: str, parameters: tuple, keys: tuple[str, ...], types: tuple, dialect: Dialect):
        self.sql = sql
        self.parameters = parameters
        self.types = types
        self.dialect = dialect
        self.row = type("Row", (_Keyed, namedtuple("_Values", keys)),
                        {"__slots__": (), "_positions": {key: n for n, key in enumerate(keys)}})
        self._new_row = partial(tuple.__new__, self.row)  # a row from any iterable of its values, in C
        self._processors: dict[tuple[int, ...], tuple[Callable | None, ...] | None] = {}
        self._processed: dict[tuple, tuple[tuple[int, Callable], ...]] = {}

    def arguments(self, params: Mapping) -> list:
        """The values in `$n` order, each as its column type binds it; a value the call leaves out is the one
        the statement holds (a constant such as a limit)."""
        arguments = []
        for name, process, held in self.parameters:
            value = params[name] if name in params or held is _REQUIRED else held
            arguments.append(value if process is None else process(value))
        return arguments

    def processors(self, attributes) -> tuple[Callable | None, ...] | None:
        """Each column's result processor for the type oids the server answers (None: none has one)."""
        oids = tuple(attribute.type.oid for attribute in attributes)
        if oids not in self._processors:
            chosen = tuple(_result_processor(type_, self.dialect, oid) for type_, oid in zip(self.types, oids))
            self._processors[oids] = chosen if any(chosen) else None
        return self._processors[oids]

    def rows(self, records: list, attributes: tuple) -> list[tuple]:
        """The records as this shape's rows, each processed column mapped through its processor. `attributes` is
        the prepared statement's own tuple, the same object at every run: the processors are kept by it."""
        processed = self._processed.get(attributes)
        if processed is None:
            processed = self._processed[attributes] = tuple(
                (position, process) for position, process in enumerate(self.processors(attributes) or ()) if process)
        if not processed or not records:
            return list(map(self._new_row, records))
        columns = list(zip(*records))
        for position, process in processed:
            columns[position] = map(process, columns[position])
        return list(map(self._new_row, zip(*columns)))


def _result_processor(type_, dialect: Dialect, oid: int) -> Callable | None:
    """The type's result processor for the answered type, none for an array whose items have none: it only
    copies the list asyncpg answers into a new list (into tuples when the array asks for them: kept then)."""
    process = type_._cached_result_processor(dialect, oid)
    impl = type_.dialect_impl(dialect)
    if (process is not None and type(impl).result_processor is ARRAY.result_processor and not impl.as_tuple
            and not impl._against_native_enum
            and impl.item_type.dialect_impl(dialect).result_processor(dialect, oid) is None):
        return None
    return process


@lru_cache(maxsize=256)
def select_shape(statement: Select | TextualSelect, dialect: Dialect) -> SelectShape:
    """Compiled once per statement (the statement is the shape: build it once, bind per call). A text select
    (`text(...).columns(...)`) is typed by the columns it declares, as the session types it. Refused: a
    select of ORM entities (the session would answer objects) and parameters the compiler expands per call
    (`in_`'s list, literal-rendered values): the text would depend on the values."""
    if isinstance(statement, Select) and any(isinstance(description["expr"], type)
                                             for description in statement.column_descriptions):
        raise ValueError("a select of ORM entities answers objects: read it through the session")
    form = statement.compile(dialect=dialect)
    if form.post_compile_params or form.literal_execute_params:
        raise ValueError("parameters expanded per call: bind an array (`any_bound`) instead")
    processors = form._bind_processors
    parameters = tuple((name, processors.get(name), _held(form.binds[name])) for name in form.positiontup or ())
    keys = tuple(column[0] for column in form._result_columns)
    types = tuple(column[3] for column in form._result_columns)
    return SelectShape(form.string, parameters, keys, types, dialect)


def _held(bind):
    return _REQUIRED if bind.value is None and bind.callable is None else bind.effective_value


async def select_rows(session: AsyncSession, statement: Select | TextualSelect, params: Mapping) -> list[tuple]:
    """The select's rows, as the session's execute would answer them, run on its transaction's connection."""
    await flush_pending(session)
    driver = await TransactionDriver.of(session)
    shape = select_shape(statement, driver.dialect)
    records, attributes = await driver.fetch_prepared(shape.sql, shape.arguments(params))
    return shape.rows(records, attributes)
