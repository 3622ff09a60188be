"""The unit of work's own statements (inbox, outbox) run on the asyncpg connection of its transaction: they
commit with the use case's writes or vanish with them, and they come after the ORM's pending writes, as the
session's own execute put them."""
import asyncio
import contextlib
import uuid
from unittest.mock import MagicMock, patch

import pytest
from opentelemetry import trace
from opentelemetry.trace import INVALID_SPAN_CONTEXT, NonRecordingSpan, SpanContext
from sqlalchemy import Column, Integer, MetaData, String, Table, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from services.claims.adapters.tables import ClaimEvent
from services.claims.settings import Settings
from shared import telemetry
from shared.db.bulk import _columns_of, insert_rows, insert_statement
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.kafka.inbox import claim_new_events


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    telemetry.instrument_engine(engine)
    yield UnitOfWorkFactory(make_session_factory(engine))
    await engine.dispose()


def _emit(uow, subject_id) -> None:
    uow._outbox_rows.append({"event_id": uuid.uuid4(), "topic": "driver.test", "message_key": str(subject_id).encode(),
                             "value": b"{}", "headers": {"event_type": "driver.test"}})


async def _stored(units, claim_id) -> tuple[int, int, int]:
    async with units.reading() as uow:
        row = (await uow.session.execute(text(
            "SELECT (SELECT count(*) FROM inbox_message WHERE consumer = :c),"
            " (SELECT count(*) FROM outbox_message WHERE message_key = :k),"
            " (SELECT count(*) FROM claim_event WHERE claim_id = :i)"),
            {"c": str(claim_id), "k": str(claim_id).encode(), "i": claim_id})).one()
    return tuple(row)


async def test_the_inbox_outbox_and_orm_writes_commit_together_in_one_transaction(units):
    claim_id = uuid.uuid4()
    async with units() as uow:
        event_id = uuid.uuid4()
        claimed = await claim_new_events(await uow.driver(), str(claim_id), [(event_id, "t"), (event_id, "t")])
        assert claimed == {event_id}
        on_session = (await uow.session.execute(text("SELECT txid_current()"))).scalar()
        on_driver = (await (await uow.driver()).fetch(text("SELECT txid_current() AS id"), {}))[0][0]
        assert on_driver == on_session
        uow.session.add(ClaimEvent(tenant_id=uuid.uuid4(), claim_id=claim_id, event="noted", status="ready", detail={}))
        _emit(uow, claim_id)
    assert await _stored(units, claim_id) == (1, 1, 1)
    async with units() as uow:
        assert await claim_new_events(await uow.driver(), str(claim_id), [(event_id, "t")]) == set()


async def test_a_failed_unit_of_work_leaves_no_inbox_or_outbox_row(units):
    claim_id = uuid.uuid4()
    with pytest.raises(RuntimeError):
        async with units() as uow:
            await claim_new_events(await uow.driver(), str(claim_id), [(uuid.uuid4(), "t")])
            _emit(uow, claim_id)
            await uow.flush_outbox()
            raise RuntimeError("the handler failed")
    assert await _stored(units, claim_id) == (0, 0, 0)


async def test_the_orm_pending_rows_are_flushed_before_the_outbox_insert(units):
    claim_id = uuid.uuid4()
    async with units() as uow:
        uow.session.add(ClaimEvent(tenant_id=uuid.uuid4(), claim_id=claim_id, event="noted", status="ready", detail={}))
        _emit(uow, claim_id)
        await uow.flush_outbox()
        assert not uow.session.new  # flushed, as the session's execute of the outbox insert did first
    assert await _stored(units, claim_id) == (0, 1, 1)


async def test_the_orm_pending_rows_go_in_before_a_bulk_insert_on_the_driver(units):
    tenant_id, claim_id = uuid.uuid4(), uuid.uuid4()
    async with units() as uow:
        uow.session.add(ClaimEvent(tenant_id=tenant_id, claim_id=claim_id, event="orm", status="ready", detail={}))
        await insert_rows(uow.session, ClaimEvent.__table__, [
            {"tenant_id": tenant_id, "claim_id": claim_id, "event": "bulk", "status": "ready", "detail": {}}])
        assert not uow.session.new  # flushed first, as the session's execute of the insert did
    async with units.reading() as uow:
        events = (await uow.session.execute(text("SELECT event FROM claim_event WHERE claim_id = :c ORDER BY id"),
                                            {"c": claim_id})).scalars().all()
    assert events == ["orm", "bulk"]


async def test_orm_rows_with_no_event_are_flushed_and_committed(units):
    claim_id = uuid.uuid4()
    async with units() as uow:
        uow.session.add(ClaimEvent(tenant_id=uuid.uuid4(), claim_id=claim_id, event="noted", status="ready", detail={}))
    assert await _stored(units, claim_id) == (0, 0, 1)


async def test_a_statement_on_the_driver_has_the_span_the_engine_hooks_give_one_on_the_session(units):
    recorded = []

    class Recorder:
        def start_span(self, name, kind, attributes):
            recorded.append((name, kind, attributes))
            return NonRecordingSpan(INVALID_SPAN_CONTEXT)

    parent = NonRecordingSpan(SpanContext(trace_id=1, span_id=2, is_remote=False))
    statement = text("SELECT 1 AS one")
    async with units() as uow:
        with patch.object(telemetry, "_tracer", Recorder()), trace.use_span(parent):
            await uow.session.execute(statement)
            await (await uow.driver()).fetch(statement, {})
    assert len(recorded) == 2 and recorded[0] == recorded[1] and recorded[0][0] == "db SELECT"


async def _backend(uow) -> int:
    return (await (await uow.driver()).fetch(text("SELECT pg_backend_pid() AS pid"), {}))[0][0]


@pytest.mark.parametrize("on", ["driver", "session"])
async def test_a_failed_statement_rolls_the_batch_back_and_leaves_the_connection_clean_for_the_pool(units, on):
    claim_id, pool = uuid.uuid4(), units._sessions.kw["bind"].pool
    with pytest.raises(Exception, match="division by zero"):
        async with units() as uow:
            failed_on = await _backend(uow)
            await claim_new_events(await uow.driver(), str(claim_id), [(uuid.uuid4(), "t")])
            uow.session.add(ClaimEvent(tenant_id=uuid.uuid4(), claim_id=claim_id, event="noted", status="ready", detail={}))
            _emit(uow, claim_id)
            if on == "driver":
                await uow.flush_outbox()
                await (await uow.driver()).fetch(text("SELECT 1 / 0 AS never"), {})
            else:
                await uow.session.execute(text("SELECT 1 / 0"))
    assert pool.checkedout() == 0
    async with units() as uow:  # the pool hands out the connection given back last: the one that failed
        assert await _backend(uow) == failed_on
        assert (await uow.session.execute(text("SELECT txid_current_if_assigned()"))).scalar() is None
        await claim_new_events(await uow.driver(), str(claim_id), [(uuid.uuid4(), "t")])
    assert await _stored(units, claim_id) == (1, 0, 0)


async def test_after_commit_callbacks_run_once_committed_and_never_after_a_rollback(units):
    called = []
    async with units() as uow:
        uow.after_commit(lambda: called.append("committed"))
        await claim_new_events(await uow.driver(), str(uuid.uuid4()), [(uuid.uuid4(), "t")])
        assert called == []
    with pytest.raises(RuntimeError):
        async with units() as uow:
            uow.after_commit(lambda: called.append("rolled back"))
            raise RuntimeError("the handler failed")
    assert called == ["committed"]


_PARENT = Table("driver_parent", MetaData(), Column("id", Integer, primary_key=True), Column("code", String))
_CHILD = Table("driver_child", MetaData(), Column("id", Integer, primary_key=True), Column("parent_id", Integer),
               Column("amount", Integer))
_TEMPORARY_TABLES = (
    "CREATE TEMP TABLE driver_parent (id int PRIMARY KEY, code text UNIQUE)",
    "CREATE TEMP TABLE driver_child (id int PRIMARY KEY, parent_id int REFERENCES driver_parent (id),"
    " amount int CHECK (amount > 0))",
    "INSERT INTO driver_parent VALUES (1, 'taken')")
_VIOLATIONS = {
    "unique": (_PARENT, [{"id": 2, "code": "taken"}]),
    "foreign key": (_CHILD, [{"id": 1, "parent_id": 99, "amount": 1}]),
    "check": (_CHILD, [{"id": 1, "parent_id": 1, "amount": -1}]),
}


async def _violation(units, violation: str, *, on_driver: bool, spans: list | None = None) -> BaseException:
    """The error one insert breaking a constraint raises, through `insert_rows` (the driver) or through the
    session's execute of the same statement, on temporary tables made in the transaction."""
    table, rows = _VIOLATIONS[violation]
    with pytest.raises(DBAPIError) as raised:
        async with units() as uow:
            for statement in _TEMPORARY_TABLES:
                await uow.session.execute(text(statement))
            with _recorded_spans(spans):
                if on_driver:
                    await insert_rows(uow.session, table, rows)
                else:
                    names = tuple(rows[0])
                    await uow.session.execute(insert_statement(table, names),
                                              _columns_of(uow.session.get_bind().dialect, table, names, rows))
    return raised.value


@contextlib.contextmanager
def _recorded_spans(spans: list | None):
    if spans is None:
        yield
        return
    parent = NonRecordingSpan(SpanContext(trace_id=1, span_id=2, is_remote=False))

    class Recorder:
        def start_span(self, name, kind, attributes):
            span = MagicMock()
            spans.append((name, span))
            return span

    with patch.object(telemetry, "_tracer", Recorder()), trace.use_span(parent):
        yield


@pytest.mark.parametrize("violation", list(_VIOLATIONS))
async def test_a_constraint_broken_on_the_driver_raises_what_the_session_raised(units, violation):
    on_session = await _violation(units, violation, on_driver=False)
    on_driver = await _violation(units, violation, on_driver=True)
    assert isinstance(on_session, IntegrityError) and type(on_driver) is type(on_session)
    assert str(on_driver) == str(on_session)
    assert type(on_driver.orig) is type(on_session.orig)
    assert on_driver.orig.pgcode == on_session.orig.pgcode


async def test_a_failed_driver_statement_fails_its_span_as_the_engine_hook_does(units):
    on_session, on_driver = [], []
    await _violation(units, "unique", on_driver=False, spans=on_session)
    await _violation(units, "unique", on_driver=True, spans=on_driver)
    assert [name for name, _ in on_driver] == [name for name, _ in on_session] == ["db INSERT"]
    (_, session_span), (_, driver_span) = on_session[0], on_driver[0]
    statuses = [span.set_status.call_args.args[0] for span in (session_span, driver_span)]
    assert [(s.status_code, s.description) for s in statuses] == [(trace.StatusCode.ERROR, "UniqueViolationError")] * 2
    assert driver_span.end.call_count == session_span.end.call_count == 1


async def _asyncpg_connection(uow):
    return (await (await uow.session.connection()).get_raw_connection()).driver_connection


async def test_a_committed_unit_of_work_sends_one_commit_and_nothing_when_given_back(units):
    sent, pool = [], units._sessions.kw["bind"].pool

    def log(record):
        sent.append(record.query)

    async with units() as uow:
        await claim_new_events(await uow.driver(), str(uuid.uuid4()), [(uuid.uuid4(), "t")])
        driver = await _asyncpg_connection(uow)
        driver.add_query_logger(log)
    await asyncio.sleep(0)  # asyncpg calls its query loggers soon after, not at once
    driver.remove_query_logger(log)
    assert sent == ["COMMIT;"]  # no second COMMIT from SQLAlchemy, no rollback from the pool's reset
    assert pool.checkedout() == 0 and not uow.session.in_transaction()
    async with units() as uow:
        assert await _asyncpg_connection(uow) is driver  # given back to the pool, and taken again
        assert (await uow.session.execute(text("SELECT txid_current_if_assigned()"))).scalar() is None


_DEFERRED_VIOLATION = (
    "CREATE TEMP TABLE deferred_parent (id int PRIMARY KEY)",
    "CREATE TEMP TABLE deferred_child (id int PRIMARY KEY,"
    " parent_id int REFERENCES deferred_parent (id) DEFERRABLE INITIALLY DEFERRED)",
    "INSERT INTO deferred_child VALUES (1, 99)")


async def _failed_commit(commit) -> DBAPIError:
    with pytest.raises(DBAPIError) as raised:
        await commit()
    return raised.value


async def test_a_commit_broken_by_a_deferred_constraint_raises_what_sqlalchemys_commit_raises(units):
    pool, called, backends = units._sessions.kw["bind"].pool, [], []

    async def through_the_session():
        async with units._sessions() as session:
            for statement in _DEFERRED_VIOLATION:
                await session.execute(text(statement))
            await session.commit()

    async def through_the_unit_of_work():
        async with units() as uow:
            backends.append(await _backend(uow))
            uow.after_commit(lambda: called.append("committed"))
            for statement in _DEFERRED_VIOLATION:
                await uow.session.execute(text(statement))

    on_session = await _failed_commit(through_the_session)
    on_unit_of_work = await _failed_commit(through_the_unit_of_work)
    assert isinstance(on_session, IntegrityError) and type(on_unit_of_work) is type(on_session)
    assert str(on_unit_of_work) == str(on_session)
    assert type(on_unit_of_work.orig) is type(on_session.orig) and on_unit_of_work.orig.pgcode == "23503"
    assert called == [] and pool.checkedout() == 0
    claim_id = uuid.uuid4()
    async with units() as uow:  # the connection given back last, usable: no transaction open, the next commits
        assert await _backend(uow) == backends[0]
        assert (await uow.session.execute(text("SELECT txid_current_if_assigned()"))).scalar() is None
        await claim_new_events(await uow.driver(), str(claim_id), [(uuid.uuid4(), "t")])
    assert await _stored(units, claim_id) == (1, 0, 0)


async def test_a_commit_on_a_lost_connection_raises_what_sqlalchemys_commit_raises_and_the_pool_drops_it(units):
    pool, called, backends = units._sessions.kw["bind"].pool, [], []

    async def lose(backend: int) -> None:
        async with units.reading() as reader:
            await reader.session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        await asyncio.sleep(0.2)  # the driver reads the server's goodbye before the COMMIT, in both runs alike

    async def through_the_session():
        async with units._sessions() as session:
            await lose((await session.execute(text("SELECT pg_backend_pid()"))).scalar())
            await session.commit()

    async def through_the_unit_of_work():
        async with units() as uow:
            backends.append(await _backend(uow))
            uow.after_commit(lambda: called.append("committed"))
            await lose(backends[0])

    on_session = await _failed_commit(through_the_session)
    on_unit_of_work = await _failed_commit(through_the_unit_of_work)
    assert type(on_unit_of_work) is type(on_session) and str(on_unit_of_work) == str(on_session)
    assert type(on_unit_of_work.orig) is type(on_session.orig)
    assert on_unit_of_work.connection_invalidated == on_session.connection_invalidated
    assert called == [] and pool.checkedout() == 0
    async with units() as uow:  # the lost connection is not handed out again
        assert await _backend(uow) != backends[0]
        await claim_new_events(await uow.driver(), str(uuid.uuid4()), [(uuid.uuid4(), "t")])


@pytest.mark.parametrize("pool", ["null", "full"])
async def test_a_pool_that_closes_the_connection_given_back_takes_it_back_in_sqlalchemys_greenlet(infrastructure, pool):
    """A NullPool, or a pool with no room left, closes the connection it is given (a driver call): that checkin
    must run where the driver can be awaited. The inner unit of work leaves first and finds room; the outer then
    finds the pool full."""
    options = {"poolclass": NullPool} if pool == "null" else {"pool_size": 1, "max_overflow": 1}
    engine = create_async_engine(Settings(database_url=infrastructure.database_url).service_database_url(), **options)
    units, claim_id = UnitOfWorkFactory(make_session_factory(engine)), uuid.uuid4()
    try:
        async with units() as outer:
            await claim_new_events(await outer.driver(), str(claim_id), [(uuid.uuid4(), "t")])
            async with units() as inner:
                await claim_new_events(await inner.driver(), str(claim_id), [(uuid.uuid4(), "t")])
                kept = await _asyncpg_connection(inner)
            closed = await _asyncpg_connection(outer)
        assert closed.is_closed()  # closed by the driver, not dropped unclosed by a close that could not await
        assert kept.is_closed() == (pool == "null")
        if pool == "full":
            assert engine.pool.checkedout() == 0 and engine.pool.checkedin() == 1
        async with units.reading() as uow:
            stored = (await uow.session.execute(text("SELECT count(*) FROM inbox_message WHERE consumer = :c"),
                                                {"c": str(claim_id)})).scalar()
        assert stored == 2
    finally:
        await engine.dispose()
