"""The denials service's repositories: named, set-based queries over its tables, hung on DenialsUnitOfWork.

The consumers' hot paths (claim.submitted, remit.received) read once per batch and write with multi-row
statements; the work queue's actions lock and change single denials.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.clock import Clock, system_clock
from shared.db.bulk import OnConflict, any_bound, in_array, insert_rows
from shared.db.driver_reads import select_rows
from shared.db.plans import plan_with_values
from shared.db.unit_of_work import UnitOfWork
from services.denials.adapters.analytics_store import DenialAnalytics
from services.denials.adapters.reports import DenialReports
from services.denials.adapters.tables import AdjudicatedClaim, Denial, DenialAction, Practice, SubmittedClaim
from services.denials.domain.queue import WORKABLE


# The consumers' reads, built once and run on the transaction's driver (`select_rows`), their keys bound per call.
_OPEN_ON_CLAIMS = (
    select(Denial.id, Denial.tenant_id, Denial.claim_id, Denial.remit_id, Denial.level, Denial.procedure_code,
           Denial.line_number, Denial.amount)
    .where(Denial.claim_id == any_bound("claim_ids", Denial.claim_id.type),
           Denial.status == any_bound("workable", Denial.status.type))
    .order_by(Denial.id).with_for_update())
_SUBMITTED_BY_IDS = select(SubmittedClaim.__table__).where(
    SubmittedClaim.claim_id == any_bound("claim_ids", SubmittedClaim.claim_id.type))


@dataclass(frozen=True)
class OpenDenial:
    """What a remittance needs of a denial still being worked, to tell whether it pays it."""

    id: UUID
    tenant_id: UUID
    claim_id: UUID
    remit_id: str
    level: str
    procedure_code: str | None
    line_number: int | None
    amount: Decimal


class DenialRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def open_on_claims(self, claim_ids: Iterable[UUID]) -> list[OpenDenial]:
        """Workable denials of these claims, locked until the transaction ends (an action may race the remit)."""
        claim_ids = set(claim_ids)
        if not claim_ids:
            return []
        rows = await select_rows(self._session, _OPEN_ON_CLAIMS, {"claim_ids": list(claim_ids),
                                                                  "workable": list(WORKABLE)})
        return [OpenDenial(*row) for row in rows]

    async def add_many(self, rows: list[dict]) -> None:
        """New denials (columns of denial), one statement for the batch."""
        await insert_rows(self._session, Denial.__table__, rows)

    async def resolve(self, denial_ids: Iterable[UUID], *, at: datetime) -> None:
        """Closes these denials as paid."""
        denial_ids = list(denial_ids)
        if denial_ids:
            await self._session.execute(update(Denial.__table__).where(in_array(Denial.id, denial_ids))
                                        .values(status="resolved", resolved_at=at))

    async def get(self, tenant_id: UUID, denial_id: UUID) -> Denial | None:
        denial = await self._session.get(Denial, denial_id)
        return denial if denial is not None and denial.tenant_id == tenant_id else None

    async def locked(self, tenant_id: UUID, denial_id: UUID) -> Denial | None:
        return (await self._session.execute(select(Denial).where(
            Denial.id == denial_id, Denial.tenant_id == tenant_id).with_for_update())).scalar_one_or_none()

    async def queue(self, tenant_id: UUID, *, filters: dict, limit: int, after: tuple[int, UUID] | None) -> list[Denial]:
        """Highest priority first, then oldest; `after` is the last row's (priority, id)."""
        query = select(Denial).where(Denial.tenant_id == tenant_id)
        for column, value in filters.items():
            query = query.where(getattr(Denial, column) == value)
        if after:
            await plan_with_values(self._session)  # the cursor's priority decides how much of the tenant is read
            priority, last_id = after
            # The first condition is implied by the second; it is what the queue index can seek to (the
            # mixed order, priority down and id up, rules out a row comparison).
            query = query.where(Denial.priority <= priority,
                                (Denial.priority < priority) | ((Denial.priority == priority) & (Denial.id > last_id)))
        return list((await self._session.execute(query.order_by(Denial.priority.desc(), Denial.id).limit(limit)))
                    .scalars())

    def add_action(self, action: DenialAction) -> None:
        self._session.add(action)

    async def actions_of(self, denial_id: UUID) -> list[DenialAction]:
        rows = await self._session.execute(select(DenialAction).where(DenialAction.denial_id == denial_id)
                                           .order_by(DenialAction.id))
        return list(rows.scalars())


class SubmittedClaimRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def upsert_many(self, rows: list[dict]) -> None:
        """Inserts the claims or replaces what was billed; a claim id of another tenant is left alone."""
        if rows:
            billed = tuple(c for c in rows[0] if c not in ("claim_id", "tenant_id"))
            await insert_rows(self._session, SubmittedClaim.__table__, rows, on_conflict=OnConflict.replacing(
                ("claim_id",), billed, where="submitted_claim.tenant_id = excluded.tenant_id"))

    async def by_ids(self, claim_ids: Iterable[UUID]):
        """What was billed for these claims, by claim id (rows with the table's columns as attributes)."""
        claim_ids = set(claim_ids)
        if not claim_ids:
            return {}
        rows = await select_rows(self._session, _SUBMITTED_BY_IDS, {"claim_ids": list(claim_ids)})
        return {row.claim_id: row for row in rows}

    async def get(self, claim_id: UUID) -> SubmittedClaim | None:
        return await self._session.get(SubmittedClaim, claim_id)


class AdjudicationRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def add_many(self, rows: list[dict]) -> None:
        """Claim payments seen; one seen before (the same remit and CLP01) is kept as it was."""
        await insert_rows(self._session, AdjudicatedClaim.__table__, rows,
                          on_conflict=OnConflict(("remit_id", "patient_control_number")))


class PracticeRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def upsert(self, values: dict) -> None:
        await self._session.execute(upsert(Practice).values(values).on_conflict_do_update(
            index_elements=["tenant_id"], set_={k: v for k, v in values.items() if k != "tenant_id"}))

    async def get(self, tenant_id: UUID) -> Practice | None:
        return await self._session.get(Practice, tenant_id)


class DenialsUnitOfWork(UnitOfWork):
    def __init__(self, session: AsyncSession, clock: Clock = system_clock):
        super().__init__(session, clock)
        self.denials = DenialRepository(session)
        self.submitted_claims = SubmittedClaimRepository(session)
        self.adjudications = AdjudicationRepository(session)
        self.practices = PracticeRepository(session)
        self.analytics = DenialAnalytics(session)
        self.reports = DenialReports(session)
