"""A unit of work: one database transaction holding the state change and the events it emits.

Events go to the outbox table in the same transaction; the relay sends them.
"""
from collections.abc import Callable
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.contracts.envelope import Envelope
from shared.contracts.registry import event_type_for
from shared.db.tables import outbox_message
from shared.telemetry import producer_headers


class UnitOfWork:
    """Wraps an AsyncSession; `emit` queues an event that is written when the transaction commits."""

    def __init__(self, session: AsyncSession):
        self.session = session
        self._outbox_rows: list[dict] = []

    def emit(self, payload: BaseModel, *, tenant_id: UUID | str, subject_id: UUID | str) -> Envelope:
        event_type = event_type_for(payload)
        envelope = Envelope(
            event_type=event_type.name,
            schema_version=event_type.schema_version,
            tenant_id=tenant_id,
            subject_id=subject_id,
            payload=payload,
        )
        headers = {"event_type": event_type.name, **producer_headers(
            event_type.topic, **{"messaging.message.id": str(envelope.event_id),
                                 "billing.subject_id": str(envelope.subject_id)})}
        self._outbox_rows.append(
            {
                "event_id": envelope.event_id,
                "topic": event_type.topic,
                "message_key": str(envelope.subject_id).encode(),
                "value": envelope.model_dump_json().encode(),
                "headers": headers,
            }
        )
        return envelope

    @property
    def emitted_count(self) -> int:
        return len(self._outbox_rows)

    async def flush_outbox(self) -> None:
        if self._outbox_rows:
            await self.session.execute(insert(outbox_message), self._outbox_rows)
            self._outbox_rows = []


class UnitOfWorkFactory:
    """Opens a transaction, yields a UnitOfWork, writes the outbox and commits; wakes the relay after."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], on_commit: Callable[[], None] | None = None):
        self._sessions = sessions
        self._on_commit = on_commit

    def __call__(self) -> "_UnitOfWorkContext":
        return _UnitOfWorkContext(self)


class _UnitOfWorkContext:
    def __init__(self, factory: UnitOfWorkFactory):
        self._factory = factory
        self._session: AsyncSession | None = None
        self._uow: UnitOfWork | None = None

    async def __aenter__(self) -> UnitOfWork:
        self._session = self._factory._sessions()
        await self._session.begin()
        self._uow = UnitOfWork(self._session)
        return self._uow

    async def __aexit__(self, exc_type, exc, tb) -> None:
        assert self._session is not None and self._uow is not None
        try:
            if exc_type is None:
                emitted = self._uow.emitted_count
                await self._uow.flush_outbox()
                await self._session.commit()
                if emitted and self._factory._on_commit:
                    self._factory._on_commit()
            else:
                await self._session.rollback()
        finally:
            await self._session.close()

