"""A unit of work takes and begins its connection from the event loop only when the pool hands out an idle, open
connection that is not due for recycling and no listener or pre-ping runs at checkout; otherwise in SQLAlchemy's
greenlet, as before, where the pool may open a connection, wait for one, or time out with its own error."""
import asyncio
import time
import uuid

import pytest
from sqlalchemy import event, make_url, text
from sqlalchemy.exc import DBAPIError, TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from services.claims.settings import Settings
from shared import telemetry
from shared.db import unit_of_work
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.kafka.inbox import claim_new_events


@pytest.fixture
def begins_in_greenlet(monkeypatch) -> list[str]:
    """The begins that crossed into SQLAlchemy's greenlet."""
    crossed, spawn = [], unit_of_work.greenlet_spawn

    async def recorded(fn, *args, **kwargs):
        if fn is unit_of_work._begun or fn is unit_of_work._pooled:
            crossed.append("begin")
        return await spawn(fn, *args, **kwargs)

    monkeypatch.setattr(unit_of_work, "greenlet_spawn", recorded)
    return crossed


def _url(infrastructure) -> str:
    return Settings(database_url=infrastructure.database_url).service_database_url()


async def _backend(uow) -> int:
    return (await uow.session.execute(text("SELECT pg_backend_pid()"))).scalar()


async def test_an_idle_connection_is_taken_and_begun_from_the_loop_and_commits(infrastructure, begins_in_greenlet):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    telemetry.instrument_engine(engine)
    units, claim_id = UnitOfWorkFactory(make_session_factory(engine)), uuid.uuid4()
    try:
        async with units() as uow:
            first = await _backend(uow)
        assert begins_in_greenlet == ["begin"]  # an empty pool opens a connection
        async with units() as uow:
            assert await _backend(uow) == first  # the pool's own choice: the connection given back last
            assert (await uow.session.execute(text("SELECT txid_current_if_assigned()"))).scalar() is None
            await claim_new_events(await uow.driver(), str(claim_id), [(uuid.uuid4(), "t")])
        assert begins_in_greenlet == ["begin"]
        assert engine.pool.checkedout() == 0
        async with units.reading() as uow:
            stored = (await uow.session.execute(text("SELECT count(*) FROM inbox_message WHERE consumer = :c"),
                                                {"c": str(claim_id)})).scalar()
        assert stored == 1
    finally:
        await engine.dispose()


async def test_a_checkout_listener_added_later_runs_in_the_greenlet_where_it_can_await(infrastructure,
                                                                                       begins_in_greenlet):
    engine = create_async_engine(_url(infrastructure))
    units, pinged = UnitOfWorkFactory(make_session_factory(engine)), []

    def ping(dbapi_connection, _record, _proxy) -> None:  # awaits the driver: needs SQLAlchemy's greenlet
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        pinged.append(cursor.fetchone()[0])

    try:
        async with units():
            pass
        event.listen(engine.sync_engine, "checkout", ping)
        async with units() as uow:
            await _backend(uow)
        event.remove(engine.sync_engine, "checkout", ping)
        async with units() as uow:
            await _backend(uow)
        assert pinged == [1] and begins_in_greenlet == ["begin", "begin"]
    finally:
        await engine.dispose()


async def test_a_connection_due_for_recycling_or_a_pre_pinged_pool_is_begun_in_the_greenlet(infrastructure,
                                                                                            begins_in_greenlet):
    recycled = create_async_engine(_url(infrastructure), pool_recycle=2)
    pinged = create_async_engine(_url(infrastructure), pool_pre_ping=True)
    try:
        units = UnitOfWorkFactory(make_session_factory(recycled))
        async with units() as uow:
            first = await _backend(uow)
        recycled.pool._pool._queue._queue[-1].starttime = time.time() - 1.5  # within the margin of its recycling
        async with units() as uow:
            assert await _backend(uow) == first
        recycled.pool._pool._queue._queue[-1].starttime = time.time() - 3  # past it: the pool opens a new one
        async with units() as uow:
            assert await _backend(uow) != first
        assert begins_in_greenlet == ["begin"] * 3
        units = UnitOfWorkFactory(make_session_factory(pinged))
        for _ in range(2):
            async with units() as uow:
                await _backend(uow)
        assert begins_in_greenlet == ["begin"] * 5
    finally:
        await recycled.dispose()
        await pinged.dispose()


async def _raised_on_begin(engine, units, expected: type[BaseException]) -> tuple[BaseException, BaseException]:
    """What taking a connection raises: on the engine itself, then on a unit of work's begin."""
    raised = []
    for begin in (engine.connect, units):
        with pytest.raises(expected) as error:
            async with begin():
                pass
        raised.append(error.value)
    return raised[0], raised[1]


async def test_a_pool_with_no_connection_to_give_times_out_as_it_did(infrastructure, begins_in_greenlet):
    engine = create_async_engine(_url(infrastructure), pool_size=1, max_overflow=0, pool_timeout=0.2)
    units = UnitOfWorkFactory(make_session_factory(engine))
    try:
        async with units():
            on_engine, on_unit_of_work = await _raised_on_begin(engine, units, PoolTimeout)
        assert str(on_unit_of_work) == str(on_engine)
        assert "QueuePool limit of size 1 overflow 0 reached" in str(on_engine)
        assert engine.pool.checkedout() == 0
        async with units() as uow:  # and the pool hands its connection out again, from the loop
            await _backend(uow)
        assert begins_in_greenlet == ["begin", "begin"]
    finally:
        await engine.dispose()


async def test_a_database_that_cannot_be_reached_raises_what_the_engine_raises(infrastructure):
    engine = create_async_engine(make_url(_url(infrastructure)).set(port=1))
    units = UnitOfWorkFactory(make_session_factory(engine))
    try:
        on_engine, on_unit_of_work = await _raised_on_begin(engine, units, Exception)
        assert type(on_unit_of_work) is type(on_engine) and str(on_unit_of_work) == str(on_engine)
    finally:
        await engine.dispose()


async def test_an_idle_connection_whose_backend_died_fails_its_first_statement_as_a_sessions_does(infrastructure,
                                                                                                  begins_in_greenlet):
    """No pre-ping: the pool hands the dead connection out, from the loop now as before in the greenlet, and its
    first statement raises what a plain session's raises; the pool then drops it."""
    engine = create_async_engine(_url(infrastructure))
    killer = create_async_engine(_url(infrastructure), poolclass=NullPool)
    units, sessions = UnitOfWorkFactory(make_session_factory(engine)), make_session_factory(engine)

    async def terminated_idle_backend() -> int:
        async with engine.connect() as connection:
            backend = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar()
        async with killer.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        await asyncio.sleep(0.2)  # the driver reads the server's goodbye
        return backend

    try:
        await terminated_idle_backend()
        with pytest.raises(DBAPIError) as on_session:
            async with sessions() as session:
                await session.execute(text("SELECT pg_backend_pid()"))
        crossed = len(begins_in_greenlet)
        dead = await terminated_idle_backend()
        with pytest.raises(DBAPIError) as on_unit_of_work:
            async with units() as uow:
                await _backend(uow)
        assert len(begins_in_greenlet) == crossed  # taken from the loop
        assert type(on_unit_of_work.value) is type(on_session.value)
        assert str(on_unit_of_work.value) == str(on_session.value)
        assert on_unit_of_work.value.connection_invalidated == on_session.value.connection_invalidated
        assert engine.pool.checkedout() == 0
        async with units() as uow:
            assert await _backend(uow) != dead
    finally:
        await engine.dispose()
        await killer.dispose()
