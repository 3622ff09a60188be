"""One async engine per service process, asyncpg underneath."""
import contextlib
from collections.abc import AsyncIterator

import asyncpg
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.util.concurrency import greenlet_spawn

from shared.db.json_read import json_value
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
        json_deserializer=json_value,  # json and jsonb values as json.loads reads them, parsed faster
    )
    event.listen(engine.sync_engine, "connect", learn_array_types)
    return engine


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@contextlib.asynccontextmanager
async def statement_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection's asyncpg driver, outside any transaction, for a read that is one statement.

    One statement is its own snapshot, so a read of one statement needs no BEGIN and COMMIT (two round
    trips) nor the ORM session around it; asyncpg prepares the statement once per connection and keeps
    it. The connection is invalidated when the statement fails, as SQLAlchemy does with its own.

    The pool's connection is taken as it is, without the AsyncConnection around it (a third of a hot
    read's connection cost); giving it back runs in SQLAlchemy's greenlet, where a pool that closes it
    (an invalidated one) may wait on the driver."""
    pooled = await engine.raw_connection()
    try:
        yield pooled.driver_connection
    except BaseException:
        await greenlet_spawn(pooled.invalidate)
        raise
    finally:
        await greenlet_spawn(pooled.close)
