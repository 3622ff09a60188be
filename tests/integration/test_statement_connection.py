"""A one-statement read's connection (`statement_connection`) is taken and given back from the event loop only
when the pool hands out an idle, open connection not due for recycling, no listener runs at checkout or checkin,
the adapter holds no transaction and the pool has room to keep it; otherwise in SQLAlchemy's greenlet, as before,
where the pool may open, wait for or close a connection. Either way the same connection is handed out and kept."""
import asyncio
import time

import asyncpg
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from services.claims.settings import Settings
from shared.db import engine as engine_module
from shared.db.engine import make_engine, statement_connection


@pytest.fixture
def crossings(monkeypatch) -> list[str]:
    """Each step of a read's connection that crossed into SQLAlchemy's greenlet: "checkout", "invalidate",
    "checkin"."""
    crossed, spawn, take = [], engine_module.greenlet_spawn, AsyncEngine.raw_connection

    async def spawned(fn, *args, **kwargs):
        crossed.append("invalidate" if fn.__name__ == "invalidate" else "checkin")
        return await spawn(fn, *args, **kwargs)

    async def taken(self):
        crossed.append("checkout")
        return await take(self)

    monkeypatch.setattr(engine_module, "greenlet_spawn", spawned)
    monkeypatch.setattr(AsyncEngine, "raw_connection", taken)
    return crossed


def _url(infrastructure) -> str:
    return Settings(database_url=infrastructure.database_url).service_database_url()


async def _backend(engine) -> tuple[int, asyncpg.Connection]:
    async with statement_connection(engine) as connection:
        return await connection.fetchval("SELECT pg_backend_pid()"), connection


async def test_an_idle_connection_is_taken_and_given_back_from_the_loop(infrastructure, crossings):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    try:
        first, connection = await _backend(engine)
        assert crossings == ["checkout"]  # an empty pool opens one; a pool with room keeps it from the loop
        for _ in range(3):
            assert await _backend(engine) == (first, connection)
        assert crossings == ["checkout"]
        assert engine.pool.checkedout() == 0 and engine.pool.checkedin() == 1 and not connection.is_closed()
        async with statement_connection(engine) as outer, statement_connection(engine) as inner:
            assert outer is connection and inner is not connection  # the idle one, then a new one
        assert crossings == ["checkout"] * 2 and engine.pool.checkedin() == 2
    finally:
        await engine.dispose()


async def test_a_failed_statement_invalidates_its_connection_in_the_greenlet(infrastructure, crossings):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    try:
        first, _ = await _backend(engine)
        with pytest.raises(asyncpg.DivisionByZeroError):
            async with statement_connection(engine) as connection:
                failed = connection
                await connection.fetchval("SELECT 1 / 0")
        assert failed.is_closed() and crossings == ["checkout", "invalidate", "checkin"]
        assert (await _backend(engine))[0] != first  # the pool opened another
        assert engine.pool.checkedout() == 0
    finally:
        await engine.dispose()


async def test_a_checkout_or_checkin_listener_runs_in_the_greenlet_where_it_can_await(infrastructure, crossings):
    engine = create_async_engine(_url(infrastructure))
    seen = []

    def ping(dbapi_connection, *_args) -> None:  # awaits the driver: needs SQLAlchemy's greenlet
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        seen.append(cursor.fetchone()[0])

    try:
        await _backend(engine)
        for name in ("checkout", "checkin"):
            event.listen(engine.sync_engine, name, ping)
            await _backend(engine)
            event.remove(engine.sync_engine, name, ping)
        await _backend(engine)
        assert seen == [1, 1]
        # The checkin listener's statement began a transaction on SQLAlchemy's adapter after the pool's reset: the
        # next return, with no listener, rolls it back, in the greenlet.
        assert crossings == ["checkout", "checkout", "checkin", "checkout", "checkin", "checkin"]
    finally:
        await engine.dispose()


async def test_a_connection_due_for_recycling_is_taken_in_the_greenlet(infrastructure, crossings):
    engine = create_async_engine(_url(infrastructure), pool_recycle=2)
    try:
        first, _ = await _backend(engine)
        engine.pool._pool._queue._queue[-1].starttime = time.time() - 1.5  # within the margin of its recycling
        assert (await _backend(engine))[0] == first
        engine.pool._pool._queue._queue[-1].starttime = time.time() - 3  # past it: the pool opens a new one
        assert (await _backend(engine))[0] != first
        assert crossings == ["checkout"] * 3
    finally:
        await engine.dispose()


async def test_a_connection_a_full_pool_would_close_is_given_back_in_the_greenlet(infrastructure, crossings):
    engine = create_async_engine(_url(infrastructure), pool_size=1, max_overflow=1)
    try:
        async with statement_connection(engine) as kept, statement_connection(engine) as overflow:
            assert await overflow.fetchval("SELECT 1") == 1
        assert crossings == ["checkout", "checkout", "checkin"]  # the first back fills the pool; the outer closes
        assert engine.pool.checkedin() == 1 and engine.pool.checkedout() == 0
        assert kept.is_closed() and not overflow.is_closed()
    finally:
        await engine.dispose()


async def test_an_idle_connection_whose_backend_died_fails_its_statement_and_is_dropped(infrastructure, crossings):
    """No pre-ping: the pool hands the dead connection out (from the loop now, in the greenlet before), its
    statement raises the driver's error, and the connection is invalidated; the next read gets a new one."""
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    killer = create_async_engine(_url(infrastructure), poolclass=NullPool)
    try:
        dead, _ = await _backend(engine)
        async with killer.connect() as connection:
            await connection.exec_driver_sql(f"SELECT pg_terminate_backend({dead})")
        await asyncio.sleep(0.2)  # the driver reads the server's goodbye
        with pytest.raises((asyncpg.InterfaceError, asyncpg.PostgresConnectionError, ConnectionError)):
            await _backend(engine)
        assert crossings == ["checkout", "invalidate", "checkin"]
        assert (await _backend(engine))[0] != dead and engine.pool.checkedout() == 0
    finally:
        await engine.dispose()
        await killer.dispose()
