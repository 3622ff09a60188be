"""A unit of work whose statements all go on the transaction's driver never makes SQLAlchemy's session: it holds
the pool's connection, sends BEGIN and COMMIT on the driver and gives the connection back marked reset. The
session is made, on the same connection and in the same transaction, when something asks it for anything; a
rollback or a failed COMMIT ends through SQLAlchemy's connection as before."""
import asyncio
import uuid

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, ResourceClosedError

from shared.db.deferred_session import DeferredSession
from shared.kafka.inbox import claim_new_events
from tests.integration.test_transaction_driver import units  # noqa: F401 (the fixture: an instrumented engine's units)


async def _one(uow, sql: str):
    return (await (await uow.driver()).fetch(text(sql), {}))[0][0]


async def _inbox_rows(units, consumer: str) -> int:
    async with units.reading() as uow:
        return (await uow.session.execute(text("SELECT count(*) FROM inbox_message WHERE consumer = :c"),
                                          {"c": consumer})).scalar()


def _pool(units):
    return units._sessions.kw["bind"].pool


async def test_a_unit_of_work_on_the_driver_alone_commits_without_making_the_session(units):
    consumer, sent = str(uuid.uuid4()), []
    async with units() as uow:
        assert type(uow.session) is DeferredSession
        await claim_new_events(await uow.driver(), consumer, [(uuid.uuid4(), "t"), (uuid.uuid4(), "t")])
        driver = (await uow.driver())._driver
        driver.add_query_logger(lambda record: sent.append(record.query))
    await asyncio.sleep(0)  # asyncpg calls its query loggers soon after, not at once
    assert sent == ["COMMIT;"]  # and nothing when given back: the pool's reset sends no ROLLBACK
    assert not uow.session.made and _pool(units).checkedout() == 0
    assert await _inbox_rows(units, consumer) == 2
    async with units() as uow:  # the connection given back last, taken again, no transaction left open
        assert (await uow.driver())._driver is driver
        assert await _one(uow, "SELECT txid_current_if_assigned() AS txid") is None


async def test_a_session_asked_for_later_joins_the_drivers_connection_and_transaction(units):
    consumer = str(uuid.uuid4())
    async with units() as uow:
        await claim_new_events(await uow.driver(), consumer, [(uuid.uuid4(), "t")])
        on_driver = await _one(uow, "SELECT txid_current() AS txid")
        assert not uow.session.made
        on_session = (await uow.session.execute(text("SELECT txid_current()"))).scalar()
        assert uow.session.made and on_session == on_driver
        await uow.session.execute(text("INSERT INTO inbox_message (consumer, event_id, topic) VALUES (:c, :e, 't')"),
                                  {"c": consumer, "e": uuid.uuid4()})
    assert _pool(units).checkedout() == 0 and await _inbox_rows(units, consumer) == 2


async def test_a_failed_batch_on_the_driver_alone_leaves_nothing_and_a_clean_connection(units):
    consumer = str(uuid.uuid4())
    with pytest.raises(RuntimeError, match="the batch failed"):
        async with units() as uow:
            await claim_new_events(await uow.driver(), consumer, [(uuid.uuid4(), "t")])
            raise RuntimeError("the batch failed")
    assert _pool(units).checkedout() == 0 and await _inbox_rows(units, consumer) == 0
    with pytest.raises(DBAPIError, match="division by zero"):
        async with units() as uow:
            await claim_new_events(await uow.driver(), consumer, [(uuid.uuid4(), "t")])
            await _one(uow, "SELECT 1 / 0 AS never")
    assert _pool(units).checkedout() == 0 and await _inbox_rows(units, consumer) == 0
    async with units() as uow:
        assert await _one(uow, "SELECT txid_current_if_assigned() AS txid") is None


async def test_a_commit_broken_on_the_driver_alone_raises_what_sqlalchemys_commit_raises(units):
    statements = ("CREATE TEMP TABLE parent_row (id int PRIMARY KEY)",
                  "CREATE TEMP TABLE child_row (id int PRIMARY KEY,"
                  " parent_id int REFERENCES parent_row (id) DEFERRABLE INITIALLY DEFERRED)",
                  "INSERT INTO child_row VALUES (1, 99)")
    called, raised = [], []
    for deferred in (False, True):
        with pytest.raises(DBAPIError) as error:
            async with units() as uow:
                uow.after_commit(lambda: called.append("committed"))
                for statement in statements:
                    if deferred:
                        await (await uow.driver()).fetch(text(statement), {})
                    else:
                        await uow.session.execute(text(statement))
                assert uow.session.made is not deferred
        raised.append(error.value)
    on_session, on_driver = raised
    assert isinstance(on_session, IntegrityError) and type(on_driver) is type(on_session)
    assert str(on_driver) == str(on_session) and on_driver.orig.pgcode == "23503"
    assert called == [] and _pool(units).checkedout() == 0


async def test_a_lost_connection_at_commit_raises_as_before_and_the_pool_drops_it(units):
    async with units() as uow:
        backend = await _one(uow, "SELECT pg_backend_pid() AS pid")
    with pytest.raises(DBAPIError) as error:
        async with units() as uow:
            assert await _one(uow, "SELECT pg_backend_pid() AS pid") == backend
            async with units.reading() as reader:
                await reader.session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
            await asyncio.sleep(0.2)
    assert error.value.connection_invalidated and _pool(units).checkedout() == 0
    async with units() as uow:
        assert await _one(uow, "SELECT pg_backend_pid() AS pid") != backend


async def test_a_begin_listener_keeps_the_session_made_at_the_begin(units):
    engine, begun = units._sessions.kw["bind"], []

    def note(connection) -> None:
        begun.append(connection)

    event.listen(engine.sync_engine, "begin", note)
    try:
        async with units() as uow:
            assert type(uow.session) is not DeferredSession and len(begun) == 1
            await claim_new_events(await uow.driver(), str(uuid.uuid4()), [(uuid.uuid4(), "t")])
    finally:
        event.remove(engine.sync_engine, "begin", note)
    async with units() as uow:
        assert type(uow.session) is DeferredSession
    assert _pool(units).checkedout() == 0


async def test_a_session_never_made_cannot_be_made_once_its_connection_is_given_back(units):
    async with units() as uow:
        await claim_new_events(await uow.driver(), str(uuid.uuid4()), [(uuid.uuid4(), "t")])
    with pytest.raises(ResourceClosedError):
        await uow.session.execute(text("SELECT 1"))
    assert not uow.session.made and _pool(units).checkedout() == 0
