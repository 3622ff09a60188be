"""A unit of work without a database, for use-case unit tests.

A service's fake subclasses it and hangs in-memory repositories on it, mirroring its real unit of
work. `session` is deliberately absent: a use case that reaches past its repositories fails here.
"""
from datetime import date, datetime, timezone
from uuid import UUID

from opentelemetry.trace import SpanContext
from pydantic import BaseModel

from shared.clock import Clock, fixed_clock, today
from shared.contracts.envelope import Envelope
from shared.db.unit_of_work import envelope_for

DEFAULT_NOW = datetime(2026, 11, 2, 15, 0, tzinfo=timezone.utc)


class FakeUnitOfWork:
    def __init__(self, clock: Clock = fixed_clock(DEFAULT_NOW)):
        self.clock = clock
        self.emitted: list[Envelope] = []
        self.emitted_parents: list[SpanContext | None] = []  # each event's `parent`, in the order emitted
        self.committed = False

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return today(self.clock)

    def emit(self, payload: BaseModel, *, tenant_id: UUID | str, subject_id: UUID | str,
             parent: SpanContext | None = None) -> Envelope:
        envelope = envelope_for(payload, tenant_id=tenant_id, subject_id=subject_id)
        self.emitted.append(envelope)
        self.emitted_parents.append(parent)
        return envelope

    @property
    def emitted_count(self) -> int:
        return len(self.emitted)

    def emitted_of(self, payload_type: type[BaseModel]) -> list[BaseModel]:
        return [e.payload for e in self.emitted if isinstance(e.payload, payload_type)]

    def __call__(self) -> "FakeUnitOfWork":
        """Stands in for the factory too: `async with units() as uow` yields this same fake."""
        return self

    def reading(self) -> "FakeUnitOfWork":
        """The factory's read-only unit of work: the same fake."""
        return self

    async def __aenter__(self) -> "FakeUnitOfWork":
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        self.committed = exc_type is None
