"""The follow-up side of the claims database: the coverage cache, silent claims, the work queue, notes."""
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from decimal import Decimal
from uuid import UUID

from sqlalchemy import and_, func, or_, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import OnConflict, insert_rows
from services.claims.adapters.claim_repository import ClaimRecord, record_columns, to_record
from services.claims.adapters.tables import AWAITING_INQUIRY_SQL, Claim, ClaimNote, EligibilityCheck, TenantPayer
from services.claims.domain.eligibility import EligibilityAnswer

EligibilityKey = tuple[UUID, str, str, str, date]  # tenant, payer, patient id, member id, date of service
AWAITING_INQUIRY = text(AWAITING_INQUIRY_SQL)
ELIGIBILITY = EligibilityCheck.__table__
KEY_COLUMNS = ("tenant_id", "payer_id", "patient_id", "member_id", "date_of_service", "checked_on")
ANSWER_REPLACED = OnConflict.replacing(KEY_COLUMNS, ("status", "answer"))


def _answer_from(stored: dict) -> EligibilityAnswer:
    def number(key: str) -> Decimal | None:
        return None if stored.get(key) is None else Decimal(stored[key])

    return EligibilityAnswer(trace=stored.get("trace", ""), status=stored["status"], plan=stored.get("plan"),
                             copay=number("copay"), deductible_remaining=number("deductible_remaining"),
                             coinsurance=number("coinsurance"), reasons=tuple(stored.get("reasons", ())))


class EligibilityCache:
    """271 answers per patient, member, payer and day of service, so a day's claims ask once."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def answers(self, keys: Iterable[EligibilityKey],
                      checked_on: date) -> dict[EligibilityKey, EligibilityAnswer]:
        rows = await self._session.execute(select(EligibilityCheck).where(
            tuple_(EligibilityCheck.tenant_id, EligibilityCheck.payer_id, EligibilityCheck.patient_id,
                   EligibilityCheck.member_id, EligibilityCheck.date_of_service).in_(list(keys)),
            EligibilityCheck.checked_on == checked_on))
        return {(r.tenant_id, r.payer_id, r.patient_id, r.member_id, r.date_of_service): _answer_from(r.answer)
                for r in rows.scalars()}

    async def remember_many(self, answers: dict[EligibilityKey, EligibilityAnswer], *, checked_on: date) -> None:
        """A round's cacheable answers in one statement whose text does not depend on their number (one row per
        key: a key asked twice keeps the last)."""
        rows = [{**dict(zip(KEY_COLUMNS, (*key, checked_on))), "status": answer.status,
                 "answer": {**answer.public(), "trace": answer.trace}} for key, answer in answers.items()]
        await insert_rows(self._session, ELIGIBILITY, rows, on_conflict=ANSWER_REPLACED)


def _past_expected_days(now: datetime):
    return Claim.submitted_at + func.make_interval(0, 0, 0, TenantPayer.expected_days) <= now


def _submitted_by_expected_days(now: datetime):
    """A bound on the submission that the awaiting claims' index (tenant, payer, submission) can seek to,
    per payer; a day looser than `_past_expected_days`, which stays the exact test whatever the session's
    time zone does to adding days."""
    return Claim.submitted_at <= now - func.make_interval(0, 0, 0, TenantPayer.expected_days - 1)


def _with_expected_days():
    return select(Claim, TenantPayer.expected_days).join(
        TenantPayer, and_(TenantPayer.tenant_id == Claim.tenant_id, TenantPayer.payer_id == Claim.payer_id))


class FollowUpStore:
    """Claims still owed an answer past their payer's expected days, and the billers' notes on them."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def due_for_inquiry(self, *, now: datetime, limit: int) -> list[tuple[ClaimRecord, int]]:
        """Sent claims without a remittance, past their payer's expected days and due to be asked, oldest first,
        with those days; locked, rows another replica holds skipped. Every tenant's at once, read through the
        partial index of open claims (its predicate is written inline so that any plan can use it)."""
        query = (select(*record_columns(follow_up=True), TenantPayer.expected_days)
                 .join(TenantPayer, and_(TenantPayer.tenant_id == Claim.tenant_id,
                                         TenantPayer.payer_id == Claim.payer_id))
                 .where(AWAITING_INQUIRY, _past_expected_days(now),
                        or_(Claim.next_inquiry_on <= now.date(),
                            and_(Claim.next_inquiry_on.is_(None), Claim.status_inquired_at.is_(None))))
                 .order_by(Claim.submitted_at).limit(limit).with_for_update(of=Claim, skip_locked=True))
        return [(to_record(row[:-1], follow_up=True), row[-1]) for row in await self._session.execute(query)]

    async def overdue(self, tenant_id: UUID, statuses: tuple[str, ...], *, now: datetime,
                      payer_id: str | None) -> list[tuple[Claim, int]]:
        query = _with_expected_days().where(
            Claim.tenant_id == tenant_id, Claim.status.in_(statuses), Claim.remit_received_at.is_(None),
            Claim.submitted_at.is_not(None), _past_expected_days(now), _submitted_by_expected_days(now))
        if payer_id:
            query = query.where(Claim.payer_id == payer_id)
        return list((await self._session.execute(query)).all())

    async def last_notes(self, tenant_id: UUID, claim_ids: list[UUID]) -> dict[str, ClaimNote]:
        if not claim_ids:
            return {}
        rows = await self._session.execute(
            select(ClaimNote).where(ClaimNote.tenant_id == tenant_id, ClaimNote.claim_id.in_(claim_ids))
            .order_by(ClaimNote.claim_id, ClaimNote.id.desc()).distinct(ClaimNote.claim_id))
        return {str(n.claim_id): n for n in rows.scalars()}

    async def notes(self, tenant_id: UUID, claim_id: UUID) -> list[ClaimNote]:
        rows = await self._session.execute(select(ClaimNote).where(
            ClaimNote.tenant_id == tenant_id, ClaimNote.claim_id == claim_id).order_by(ClaimNote.id))
        return list(rows.scalars())

    async def add_note(self, note: ClaimNote) -> ClaimNote:
        self._session.add(note)
        await self._session.flush()
        return note

    async def submissions(self, tenant_id: UUID, since: date | None) -> list[tuple[str, str, datetime]]:
        """(payer, date of service, first submission) of every submitted claim, for the lag KPI."""
        query = select(Claim.payer_id, Claim.coded["date_of_service"].astext, Claim.submitted_at).where(
            Claim.tenant_id == tenant_id, Claim.submitted_at.is_not(None))
        if since:
            query = query.where(Claim.submitted_at >= datetime.combine(since, time.min, tzinfo=timezone.utc))
        return list((await self._session.execute(query)).all())
