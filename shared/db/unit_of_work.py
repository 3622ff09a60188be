"""A unit of work: one database transaction holding the state change and the events it emits.

Events go to the outbox table in the same transaction; the relay sends them. A service subclasses
`UnitOfWork` to hang its repositories on it (`uow.claims.by_pcn(...)`), so that use cases read and
write through named, set-based queries and a fake unit of work can stand in for it in unit tests.
"""
from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

import orjson
from opentelemetry.trace import SpanContext
from pydantic import BaseModel
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.util.concurrency import greenlet_spawn

from shared.clock import Clock, system_clock, today
from shared.contracts.envelope import Envelope
from shared.contracts.registry import EventType, event_type_for
from shared.db.bulk import EncodedJson, Insert, insert_together
from shared.db.deferred_session import DeferredSession, deferrable
from shared.db.pool_paths import pool_paths
from shared.db.tables import outbox_message
from shared.db.transaction_driver import (TransactionDriver, commit_on_driver, flush_pending, flush_writes,
                                          keep_driver)
from shared.telemetry import producer_headers


def envelope_for(payload: BaseModel, *, tenant_id: UUID | str, subject_id: UUID | str) -> Envelope:
    """The envelope an event leaves in: its type and schema version come from the contract registry."""
    return _envelope(payload, event_type_for(payload), tenant_id, subject_id)


def _envelope(payload: BaseModel, event_type: EventType, tenant_id: UUID | str, subject_id: UUID | str) -> Envelope:
    return Envelope(event_type=event_type.name, schema_version=event_type.schema_version,
                    tenant_id=tenant_id, subject_id=subject_id, payload=payload)


class UnitOfWork:
    """Wraps an AsyncSession; `emit` queues an event that is written when the transaction commits."""

    def __init__(self, session: AsyncSession, clock: Clock = system_clock):
        self.session = session
        self.clock = clock
        self._outbox_rows: list[dict] = []
        self._emitted = 0  # the outbox's rows may be handed over before the commit asks whether any were emitted
        self._driver: TransactionDriver | None = None
        self._after_commit: list[Callable[[], None]] = []

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return today(self.clock)

    def emit(self, payload: BaseModel, *, tenant_id: UUID | str, subject_id: UUID | str,
             parent: SpanContext | None = None) -> Envelope:
        """`parent`: the span whose trace the event continues, when it is not the current one (a batch's
        event written for one of its requests)."""
        event_type = event_type_for(payload)
        envelope = _envelope(payload, event_type, tenant_id, subject_id)
        subject = str(envelope.subject_id)
        headers = producer_headers(event_type.topic, event_type=event_type.name, message_id=str(envelope.event_id),
                                   subject_id=subject, parent=parent)
        self._emitted += 1
        self._outbox_rows.append(
            {
                "event_id": envelope.event_id,
                "topic": event_type.topic,
                "message_key": subject.encode(),
                # Both encoded here in one call each: the envelope's JSON as bytes by its own serializer (what
                # `model_dump_json().encode()` gave), the headers by orjson (a jsonb column keeps the parsed
                # value, so the text's spacing is not stored).
                "value": Envelope.__pydantic_serializer__.to_json(envelope),
                "headers": EncodedJson(orjson.dumps(headers).decode()),
            }
        )
        return envelope

    @property
    def emitted_count(self) -> int:
        return self._emitted

    def pending_inserts(self) -> list[Insert]:
        """The rows this transaction writes when it commits, handed over once. A service whose unit of work
        queues rows of its own adds them here, so that they go in with the outbox in one statement."""
        rows, self._outbox_rows = self._outbox_rows, []
        return [Insert(outbox_message, rows)]

    def after_commit(self, callback: Callable[[], None]) -> None:
        """`callback()` once this transaction has committed (not if it rolls back)."""
        self._after_commit.append(callback)

    def committed(self) -> None:
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    async def driver(self) -> TransactionDriver:
        """The transaction's connection for the plumbing's own statements (inbox, outbox), taken once."""
        if self._driver is None:
            self._driver = await TransactionDriver.of(self.session)
        return self._driver

    async def flush_outbox(self) -> None:
        inserts = [insert for insert in self.pending_inserts() if insert.rows]
        if not inserts:
            return
        await flush_pending(self.session)
        await insert_together(await self.driver(), inserts)


class UnitOfWorkFactory:
    """Opens a transaction, yields a UnitOfWork, writes the outbox and commits; wakes the relay after."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], on_commit: Callable[[], None] | None = None,
                 *, unit_of_work: type[UnitOfWork] = UnitOfWork, clock: Clock = system_clock):
        self._sessions = sessions
        self._on_commit = on_commit
        self._unit_of_work = unit_of_work
        self.clock = clock
        self._autocommit = None  # the engine's autocommit variant, made on the first read
        self._pool_paths = pool_paths(sessions.kw["bind"].sync_engine)
        self._deferrable = deferrable(sessions)

    def __call__(self) -> "_UnitOfWorkContext":
        return _UnitOfWorkContext(self)

    def reading(self) -> "_ReadingContext":
        """A unit of work for a read route: each statement runs on its own, without BEGIN and COMMIT.

        Under READ COMMITTED every statement takes its own snapshot inside a transaction too, and a
        read holds no locks worth one, so the transaction only cost two round trips per request."""
        if self._autocommit is None:
            self._autocommit = self._sessions.kw["bind"].execution_options(isolation_level="AUTOCOMMIT")
        return _ReadingContext(self)


def _begun(engine: Engine) -> Connection:
    """A pooled connection with its transaction begun (asyncpg's BEGIN goes with the first statement)."""
    connection = engine.connect()
    try:
        connection.begin()
    except BaseException:
        connection.close()
        raise
    return connection


def _end(session: Session, connection: Connection, commit: bool) -> None:
    """Ends SQLAlchemy's side of the transaction, lets the session's objects go and gives the connection back to
    the pool. With `commit`, the driver's COMMIT has already been sent (`commit_on_driver`): the connection's
    commit only marks its transaction ended, or raises the error that COMMIT met. The session, joined as
    `rollback_only`, never ends the transaction itself."""
    try:
        if commit:
            connection.commit()
        else:
            connection.rollback()
    finally:
        try:
            session.close()
        finally:
            connection.close()


def _pooled(engine: Engine) -> PoolProxiedConnection:
    """A pooled connection, as the pool hands it out (opened, waited for or refused with its timeout here)."""
    return engine.raw_connection()


async def _begun_from_the_loop(engine: Engine) -> Connection:
    """`_begun` from the event loop, for a checkout that awaits nothing (`PoolPaths.begins_without_waiting`). A
    begin that fails gives the connection back in the greenlet, where the pool may wait on the driver."""
    connection = engine.connect()
    try:
        connection.begin()
    except BaseException:
        await greenlet_spawn(connection.close)
        raise
    return connection


class _UnitOfWorkContext:
    """The unit of work holds its connection and transaction; the session is joined to them.

    When no listener runs at checkout, begin or checkin (`PoolPaths.queue_if_quiet`), the unit of work holds the
    pool's connection itself and its session is a `DeferredSession`: SQLAlchemy's session, `Connection` and
    `RootTransaction` are made only if something asks the session for them, BEGIN and COMMIT go on the driver, and
    a committed connection goes back to the pool marked reset (its COMMIT ended the transaction), from the event
    loop when the pool neither opens nor closes one. Otherwise the connection is taken and begun through
    SQLAlchemy, from the event loop when a connection waits in the pool, else in one crossing into its greenlet.
    A rollback, a failed COMMIT or a pool that may close the connection end through SQLAlchemy's connection in
    one crossing, the session made first if it was not."""

    def __init__(self, factory: UnitOfWorkFactory):
        self._factory = factory
        self._session: AsyncSession | None = None
        self._connection: AsyncConnection | None = None
        self._uow: UnitOfWork | None = None

    async def __aenter__(self) -> UnitOfWork:
        factory = self._factory
        engine = factory._sessions.kw["bind"]
        if factory._deferrable and factory._pool_paths.queue_if_quiet() is not None:
            if factory._pool_paths.begins_without_waiting():
                pooled = engine.sync_engine.raw_connection()
            else:
                pooled = await greenlet_spawn(_pooled, engine.sync_engine)
            self._session = DeferredSession(factory._sessions, engine, pooled)
        else:
            if factory._pool_paths.begins_without_waiting():
                begun = await _begun_from_the_loop(engine.sync_engine)
            else:
                begun = await greenlet_spawn(_begun, engine.sync_engine)
            self._connection = AsyncConnection(engine, begun)
            self._session = factory._sessions(bind=self._connection, join_transaction_mode="rollback_only")
            keep_driver(self._session)  # joined for its whole life: the reads and writes find the driver once
        self._uow = factory._unit_of_work(self._session, factory.clock)
        return self._uow

    async def __aexit__(self, exc_type, exc, tb) -> None:
        assert self._session is not None and self._uow is not None
        commit = committed = False
        try:
            if exc_type is None:
                if self._uow.emitted_count and self._factory._on_commit:
                    self._uow.after_commit(self._factory._on_commit)
                await self._uow.flush_outbox()
                await flush_writes(self._session)  # as the session's commit flushed them
                commit = True
                committed = await commit_on_driver(self._adapter())
        finally:
            await self._end(commit, committed)
        if commit:
            self._uow.committed()

    def _adapter(self):
        session = self._session
        if type(session) is DeferredSession:
            return session.pooled.dbapi_connection
        return self._connection.sync_connection.connection.dbapi_connection

    async def _end(self, commit: bool, committed: bool) -> None:
        session, paths = self._session, self._factory._pool_paths
        if type(session) is DeferredSession and not session.made:
            if committed and paths.returns_without_waiting(session.pooled):
                session.pooled._close_special(transaction_reset=True)
            elif committed:
                await greenlet_spawn(session.pooled._close_special, transaction_reset=True)
            else:
                await greenlet_spawn(_end_made, session, commit)
                return
            session.end_unmade()
            return
        connection = session.bind.sync_connection
        if committed and paths.releases_without_waiting(connection):
            _end(session.sync_session, connection, commit)
        else:
            await greenlet_spawn(_end, session.sync_session, connection, commit)


def _end_made(session: DeferredSession, commit: bool) -> None:
    """`_end` for a deferred session, made here (in the greenlet) if it was not: a rollback or a failed COMMIT
    ends through SQLAlchemy's connection, raising and invalidating as it does."""
    _end(session.sync_session, session.bind.sync_connection, commit)


class _ReadingContext(_UnitOfWorkContext):
    async def __aenter__(self) -> UnitOfWork:
        self._session = self._factory._sessions(bind=self._factory._autocommit)
        self._uow = self._factory._unit_of_work(self._session, self._factory.clock)
        return self._uow

    async def __aexit__(self, exc_type, exc, tb) -> None:
        assert self._session is not None and self._uow is not None
        try:
            if exc_type is None and (self._uow.emitted_count or self._session.new or self._session.dirty):
                raise RuntimeError("a reading unit of work was asked to write")
        finally:
            await self._session.close()
