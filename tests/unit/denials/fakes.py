"""An in-memory DenialsUnitOfWork: the denials use cases run over it in milliseconds, without a database."""
from collections.abc import Iterable
from datetime import datetime
from types import SimpleNamespace
from uuid import UUID

from shared.testing.fake_unit_of_work import FakeUnitOfWork
from services.denials.adapters.repositories import WORKABLE, OpenDenial
from services.denials.adapters.tables import Denial, DenialAction, Practice, SubmittedClaim


class FakeDenials:
    def __init__(self):
        self.rows: dict[UUID, Denial] = {}
        self.actions: list[DenialAction] = []
        self.reads = 0

    async def open_on_claims(self, claim_ids: Iterable[UUID]) -> list[OpenDenial]:
        self.reads += 1
        claim_ids = set(claim_ids)
        return [OpenDenial(d.id, d.tenant_id, d.claim_id, d.remit_id, d.level, d.procedure_code, d.line_number,
                           d.amount) for d in self.rows.values() if d.claim_id in claim_ids and d.status in WORKABLE]

    async def add_many(self, rows: list[dict]) -> None:
        for row in rows:
            self.rows[row["id"]] = Denial(**row)

    async def resolve(self, denial_ids: Iterable[UUID], *, at: datetime) -> None:
        for denial_id in denial_ids:
            self.rows[denial_id].status, self.rows[denial_id].resolved_at = "resolved", at

    async def get(self, tenant_id: UUID, denial_id: UUID) -> Denial | None:
        denial = self.rows.get(denial_id)
        return denial if denial is not None and denial.tenant_id == tenant_id else None

    locked = get

    async def queue(self, tenant_id: UUID, *, filters: dict, limit: int, after) -> list[Denial]:
        rows = [d for d in self.rows.values() if d.tenant_id == tenant_id
                and all(getattr(d, column) == value for column, value in filters.items())]
        return sorted(rows, key=lambda d: (-d.priority, d.id))[:limit]

    def add_action(self, action: DenialAction) -> None:
        self.actions.append(action)

    async def actions_of(self, denial_id: UUID) -> list[DenialAction]:
        return [a for a in self.actions if a.denial_id == denial_id]


class FakeSubmittedClaims:
    def __init__(self):
        self.rows: dict[UUID, dict] = {}
        self.reads = 0

    async def upsert_many(self, rows: list[dict]) -> None:
        if len({row["claim_id"] for row in rows}) != len(rows):
            raise ValueError("ON CONFLICT DO UPDATE cannot affect a row twice")  # as Postgres refuses it
        for row in rows:
            kept = self.rows.get(row["claim_id"])
            if kept is None or kept["tenant_id"] == row["tenant_id"]:
                self.rows[row["claim_id"]] = row

    async def by_ids(self, claim_ids: Iterable[UUID]) -> dict:
        self.reads += 1
        return {c: SimpleNamespace(**self.rows[c]) for c in set(claim_ids) if c in self.rows}

    async def get(self, claim_id: UUID) -> SubmittedClaim | None:
        return SubmittedClaim(**self.rows[claim_id]) if claim_id in self.rows else None


class FakeAdjudications:
    def __init__(self):
        self.rows: dict[tuple[str, str], dict] = {}

    async def add_many(self, rows: list[dict]) -> None:
        for row in rows:
            self.rows.setdefault((row["remit_id"], row["patient_control_number"]), row)


class FakePractices:
    def __init__(self):
        self.rows: dict[UUID, Practice] = {}

    async def upsert(self, values: dict) -> None:
        self.rows[values["tenant_id"]] = Practice(**values)

    async def get(self, tenant_id: UUID) -> Practice | None:
        return self.rows.get(tenant_id)


class FakeDenialsUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.denials = FakeDenials()
        self.submitted_claims = FakeSubmittedClaims()
        self.adjudications = FakeAdjudications()
        self.practices = FakePractices()
