"""One async engine per service process, asyncpg underneath."""
import contextlib
from collections.abc import AsyncIterator

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.util.concurrency import greenlet_spawn

from shared.settings import PlatformSettings


def make_engine(settings: PlatformSettings) -> AsyncEngine:
    return create_async_engine(
        settings.service_database_url(),
        pool_size=settings.db_pool_size,
        max_overflow=5,
        # No pre-ping: it cost a round trip per transaction. A connection that died with the server fails
        # its statement, SQLAlchemy drops it from the pool, and the caller's transient-error retry runs.
        pool_recycle=1800,
        # A driver error's message would otherwise carry the statement's parameters: patients' names, raw files.
        hide_parameters=True,
    )


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
    (an overflow connection, an invalidated one) may wait on the driver."""
    pooled = await engine.raw_connection()
    try:
        yield pooled.driver_connection
    except BaseException:
        await greenlet_spawn(pooled.invalidate)
        raise
    finally:
        await greenlet_spawn(pooled.close)
