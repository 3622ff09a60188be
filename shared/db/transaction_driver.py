"""Text statements (the inbox's claim, the outbox's insert, the bulk writes) on the transaction's asyncpg connection.

Sent through the ORM session, each of them crossed into SQLAlchemy's greenlet and back and took the session's
and the engine's execute path (the statement's cache key, an execution context, a cursor, a result): at a
consumer's small batches that cost the process more than the round trip itself. They are text statements with
no ORM object in them, so here each is compiled once to the driver's SQL and sent on the connection of the unit of
work's transaction, which the unit of work commits or rolls back: a batch's writes, its inbox rows and its outbox
rows still commit or vanish together. The statement's span is the one the engine's hooks would have made, and a
failed statement raises what the session's execute raised: asyncpg's error translated by SQLAlchemy's asyncpg
dialect and wrapped by SQLAlchemy's connection (`IntegrityError` with the same text), which also invalidates a
connection that died under it.
"""
from collections.abc import Callable
from functools import lru_cache

import asyncpg
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.util.concurrency import greenlet_spawn

from shared.db.deferred_session import DeferredSession
from shared.telemetry import statement_failed, statement_started


@lru_cache(maxsize=256)
def compiled(statement: TextClause, dialect: Dialect) -> tuple[str, tuple[str, ...]]:
    """The statement as the driver runs it (`$n` placeholders) and its parameters' names in their order."""
    form = statement.compile(dialect=dialect)
    return form.string, tuple(form.positiontup or ())


async def flush_pending(session: AsyncSession) -> None:
    """The ORM's pending writes go in before a driver statement, as the session's execute of a Core statement
    autoflushed them first: rows land in the same order. Asked of the synchronous session directly (what
    `flush_writes` asks, without the async session's property and a call of its own on every read); a deferred
    session not made yet holds nothing."""
    if type(session) is DeferredSession and not session.made:
        return
    sync = session.sync_session
    if sync.autoflush and not sync._is_clean():
        await session.flush()


async def flush_writes(session: AsyncSession) -> None:
    """The ORM's pending writes, if there are any (a crossing into SQLAlchemy's greenlet only then). Asked as
    the session's own flush asks (`_is_clean`: nothing new, deleted or modified), in two calls."""
    if type(session) is DeferredSession and not session.made:
        return
    if not session.sync_session._is_clean():
        await session.flush()


class _FailedCommit:
    """Stands in for asyncpg's transaction whose COMMIT failed: SQLAlchemy's own commit then awaits this and
    meets the driver's error where it would have met it, and raises and cleans up as it does."""

    def __init__(self, error: BaseException):
        self._error = error

    async def commit(self) -> None:
        raise self._error


async def commit_on_driver(adapter) -> bool:
    """COMMIT on SQLAlchemy's asyncpg adapter `adapter`'s transaction, from the event loop: the same asyncpg
    call SQLAlchemy's adapter makes, without its trip out of SQLAlchemy's greenlet and back. The adapter is left
    with no transaction, as after its own commit, so SQLAlchemy's `connection.commit()` that must follow only
    ends its own bookkeeping (no second COMMIT, nothing for the pool's reset to roll back). False when the
    COMMIT failed (a deferred constraint, a serialization failure, a lost connection, a cancellation): the
    adapter then holds the error, and that `connection.commit()` raises it as it raises it today (translated
    by the dialect, wrapped by the connection, the connection invalidated if it died)."""
    transaction = adapter._transaction
    if transaction is None:  # nothing ran: SQLAlchemy's commit sends no COMMIT either
        return True
    try:
        await transaction.commit()
    except BaseException as error:
        adapter._transaction = _FailedCommit(error)
        return False
    adapter._transaction = None
    return True


def _raise_as_session_would(bound: Callable[[], AsyncConnection], error: Exception, sql: str, args: list,
                            span) -> None:
    """asyncpg's error as the dialect's DBAPI error, then as SQLAlchemy's exception (its class, its text, the
    connection invalidated if it died), by SQLAlchemy's own code: the statement's span fails with the DBAPI
    error, as the engine's `handle_error` hook ends it. The connection is asked for here, in the greenlet, where
    a deferred session is made if it was not."""
    connection = bound().sync_connection
    try:
        connection.connection.dbapi_connection._handle_exception(error)
    except Exception as translated:
        if span is not None:
            statement_failed(span, translated)
        connection._handle_dbapi_exception(translated, sql, tuple(args), None, None)


_KEPT_DRIVER = "shared.db.transaction_driver"  # the session's `info` key of its driver, once found


def keep_driver(session: AsyncSession) -> None:
    """The session's driver is looked up once, at its first statement, and kept for the session's life: for a
    session joined to a connection and a transaction it never ends itself (the unit of work's), whose driver,
    adapter and BEGIN stay what they are until its owner ends the transaction and closes it."""
    session.sync_session.info[_KEPT_DRIVER] = None


class TransactionDriver:
    """The asyncpg connection of a session's transaction, its BEGIN sent."""

    def __init__(self, connection: AsyncConnection | DeferredSession, driver: asyncpg.Connection, adapter,
                 dialect: Dialect):
        # The session's connection, or a deferred session whose bind is that connection once made: wanted only
        # when a statement fails, to raise and invalidate as SQLAlchemy does.
        self._connection = connection
        self._driver = driver
        # SQLAlchemy's adapter around `driver`, whose prepared statements the reads share: taken once here
        # rather than through the connection's properties at every read.
        self._adapter = adapter
        self.dialect = dialect

    def _bound(self) -> AsyncConnection:
        connection = self._connection
        return connection.bind if type(connection) is DeferredSession else connection

    @classmethod
    async def of(cls, session: AsyncSession) -> "TransactionDriver":
        """The session's connection (the session's transaction begins if it had not). SQLAlchemy's driver adapter
        sends BEGIN only before its own first statement: it is sent here if it has not been, so that what runs on
        the driver is inside the transaction and the session's commit is its COMMIT. A session joined to a
        connection whose transaction is begun (the unit of work's) runs on that connection directly; one marked
        by `keep_driver` answers the driver it found first at every later call, and so does a deferred session,
        whose pooled connection is the unit of work's whether it has been made or not."""
        if type(session) is DeferredSession:
            return await cls._of_deferred(session)
        info = session.sync_session.info
        kept = info.get(_KEPT_DRIVER)
        if kept is not None:
            return kept
        bind = session.bind
        joined = isinstance(bind, AsyncConnection) and bind.in_transaction()
        connection = bind if joined else await session.connection()
        pooled = connection.sync_connection.connection
        adapter = pooled.dbapi_connection
        if adapter._transaction is None:
            await adapter._start_transaction()
        driver = cls(connection, pooled.driver_connection, adapter, connection.dialect)
        if _KEPT_DRIVER in info:
            info[_KEPT_DRIVER] = driver
        return driver

    @classmethod
    async def _of_deferred(cls, session: DeferredSession) -> "TransactionDriver":
        kept = session.__dict__.get(_KEPT_DRIVER)
        if kept is not None:
            return kept
        pooled = session.pooled
        adapter = pooled.dbapi_connection
        if adapter._transaction is None:
            await adapter._start_transaction()
        driver = session.__dict__[_KEPT_DRIVER] = cls(session, pooled.driver_connection, adapter, session.dialect)
        return driver

    async def fetch(self, statement: TextClause, params: dict) -> list[asyncpg.Record]:
        """Runs a text statement with its named parameters (failures as `_answer` says)."""
        sql, names = compiled(statement, self.dialect)
        return await self._answer(sql, [params[name] for name in names], self._driver.fetch)

    async def fetch_prepared(self, sql: str, args: list) -> tuple[list[asyncpg.Record], tuple]:
        """Runs the driver's SQL through SQLAlchemy's adapter's prepared statements (the ones the session's execute
        uses, with their type codecs), answering the rows and the columns' attributes (the types the server
        answers). A failure raises as `fetch`'s does."""
        return await self._answer(sql, args, self._fetch_prepared)

    async def _fetch_prepared(self, sql: str, *args) -> tuple[list[asyncpg.Record], tuple]:
        prepared, attributes = await self._adapter._prepare(sql, self.dialect._invalidate_schema_cache_asof)
        return await prepared.fetch(*args), attributes

    async def _answer(self, sql: str, args: list, run):
        """`run(sql, *args)` inside the statement's span; a failed one raises SQLAlchemy's exception, and on a
        cancellation a connection that died under it is invalidated, so the pool does not hand it out again."""
        span = statement_started(sql)
        try:
            answer = await run(sql, *args)
        except Exception as error:
            await greenlet_spawn(_raise_as_session_would, self._bound, error, sql, args, span)
            raise  # not reached: the line above raises
        except BaseException as exc:
            if span is not None:
                statement_failed(span, exc)
            if self._driver.is_closed():
                await self._bound().invalidate()
            raise
        if span is not None:
            span.end()
        return answer
