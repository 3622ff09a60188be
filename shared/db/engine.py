"""One async engine per service process, asyncpg underneath."""
import asyncpg
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.util.concurrency import greenlet_spawn

from shared.db.json_read import json_bytes_value, jsonb_bytes, jsonb_bytes_value
from shared.db.pool_paths import pool_paths
from shared.settings import PlatformSettings


# The array types the batch writes (shared/db/bulk.py: its uuid, time, date, bytes columns; strings and numbers
# travel as array literals, text), the inbox and the reads by keys send. asyncpg looks an array type up
# in the catalog the first time a connection prepares a statement that uses it: one query per statement
# that brings new ones, a query that costs Postgres several milliseconds to plan. Named all at once when
# the connection opens, they cost one such query per connection.
ARRAY_TYPES = ("uuid", "text", "varchar", "numeric", "int2", "int4", "int8", "bool", "timestamptz", "date", "bytea")
LEARN_ARRAY_TYPES = "SELECT " + ", ".join(f"${n}::{name}[]" for n, name in enumerate(ARRAY_TYPES, start=1))


def learn_array_types(dbapi_connection, _record) -> None:
    """A pool "connect" listener: the connection learns the array types before its first batch write."""
    dbapi_connection.run_async(lambda connection: connection.prepare(LEARN_ARRAY_TYPES))


def decode_json_from_bytes(dbapi_connection, _record) -> None:
    """A pool "connect" listener, after the dialect's own: json and jsonb values go from the bytes the server sends
    straight to the parser (shared.db.json_read), rather than through SQLAlchemy's codecs, which slice and decode
    them to a `str` first; written as those codecs write them. No round trip: both are built-in types. Setting a
    codec makes asyncpg forget the types it has looked up, so this runs before `learn_array_types`."""
    dbapi_connection.run_async(_set_json_codecs)


async def _set_json_codecs(connection: asyncpg.Connection) -> None:
    await connection.set_type_codec("json", encoder=str.encode, decoder=json_bytes_value, schema="pg_catalog",
                                    format="binary")
    await connection.set_type_codec("jsonb", encoder=jsonb_bytes, decoder=jsonb_bytes_value, schema="pg_catalog",
                                    format="binary")


# Connections a burst may open beyond `db_pool_size`. They are pooled like the rest (no overflow that the
# pool closes when it is given back): under a steady 200 requests in flight the pool kept closing and
# reopening them, and each reopened connection cost Postgres a backend start, the session set-up and the
# driver's type introspection (a recursive catalog query of 2-3 ms; the claim view's reads take 5-70 us).
BURST_CONNECTIONS = 5


def make_engine(settings: PlatformSettings) -> AsyncEngine:
    engine = create_async_engine(
        settings.service_database_url(),
        pool_size=settings.db_pool_size + BURST_CONNECTIONS,
        max_overflow=0,
        # The connection given back last is taken first. Each connection prepares and plans its statements
        # anew (Postgres plans a prepared statement afresh at each of its first five runs, and so does a
        # trigger function's statements), and taken in turn every connection of the pool had to warm up to
        # every hot statement; taken last-in first-out, the few a service keeps busy stay warm.
        pool_use_lifo=True,
        # No pre-ping: it cost a round trip per transaction. A connection that died with the server fails
        # its statement, SQLAlchemy drops it from the pool, and the caller's transient-error retry runs.
        pool_recycle=1800,
        # A driver error's message would otherwise carry the statement's parameters: patients' names, raw files.
        hide_parameters=True,
    )
    set_up_connections(engine)
    return engine


def set_up_connections(engine: AsyncEngine) -> None:
    """Each new connection of the engine's pool decodes json and jsonb values as json.loads reads them, parsed
    faster, and knows the array types (in this order: setting a codec forgets the types learned)."""
    event.listen(engine.sync_engine, "connect", decode_json_from_bytes)
    event.listen(engine.sync_engine, "connect", learn_array_types)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


class statement_connection:
    """A pooled connection's asyncpg driver, outside any transaction, for a read that is one statement:
    `async with statement_connection(engine) as connection`.

    One statement is its own snapshot, so a read of one statement needs no BEGIN and COMMIT (two round
    trips) nor the ORM session around it; asyncpg prepares the statement once per connection and keeps
    it. The connection is invalidated when the statement fails, as SQLAlchemy does with its own.

    The pool's connection is taken as it is, without the AsyncConnection around it. Taking it and giving it
    back run from the event loop when they await nothing (an open idle connection handed out, no listener,
    room in the pool to keep it: `PoolPaths`), else in SQLAlchemy's greenlet, where the pool may open or
    close one (an invalidated one) and wait on the driver."""

    __slots__ = ("_engine", "_paths", "_pooled")

    def __init__(self, engine: AsyncEngine):
        self._engine = engine
        self._paths = pool_paths(engine.sync_engine)
        self._pooled: PoolProxiedConnection | None = None

    async def __aenter__(self) -> asyncpg.Connection:
        if self._paths.begins_without_waiting():
            self._pooled = self._engine.sync_engine.raw_connection()
        else:
            self._pooled = await self._engine.raw_connection()
        return self._pooled.driver_connection

    async def __aexit__(self, exc_type, exc, tb) -> None:
        pooled = self._pooled
        try:
            if exc_type is not None:
                await greenlet_spawn(pooled.invalidate)
        finally:
            if self._paths.returns_without_waiting(pooled):
                pooled.close()
            else:
                await greenlet_spawn(pooled.close)
