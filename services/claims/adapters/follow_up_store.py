"""The follow-up side of the claims database: the coverage cache, silent claims, the work queue, notes."""
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from decimal import Decimal
from uuid import UUID

from sqlalchemy import (ARRAY, Date, DateTime, Uuid, and_, bindparam, case, cast, extract, func, literal, literal_column,
                        or_, select, text)
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.array_literals import array_literal
from shared.db.bulk import Insert, OnConflict, in_unnested, text_array_bound
from shared.db.driver_reads import select_rows
from services.claims.adapters.claim_records import CLAIM, READY, ClaimRecord, record_columns, record_names, to_record
from services.claims.adapters.tables import (AWAITING_ANSWER_SQL, AWAITING_INQUIRY_SQL, INQUIRY_DAY_SQL, Claim,
                                             ClaimNote, EligibilityCheck, TenantPayer)
from services.claims.domain.eligibility import EligibilityAnswer
from services.claims.domain.follow_up import AGE_WEIGHT_DAYS

EligibilityKey = tuple[UUID, str, str, str, date]  # tenant, payer, patient id, member id, date of service
AWAITING_INQUIRY = text(AWAITING_INQUIRY_SQL)
INQUIRY_DAY = literal_column(INQUIRY_DAY_SQL, Date)  # the index's own expression, written the same
AWAITING_ANSWER = text(AWAITING_ANSWER_SQL)
SECONDS_A_DAY = 86400
# What the queue shows of a claim (its ranking columns among them): never the coded payload or the edits.
QUEUE_COLUMNS = (Claim.id, Claim.patient_control_number, Claim.payer_id, Claim.status, Claim.total_charge,
                 Claim.submitted_at, Claim.last_payer_status, Claim.next_inquiry_on, Claim.next_action_on)
ELIGIBILITY = EligibilityCheck.__table__
KEY_COLUMNS = ("tenant_id", "payer_id", "patient_id", "member_id", "date_of_service", "checked_on")
ANSWER_REPLACED = OnConflict.replacing(KEY_COLUMNS, ("status", "answer"))
# The submission round's one read: the ready claims, verified or not, oldest first, locked (rows another
# replica holds skipped), each unverified one with the answer cached on the day for its key, instead of a
# second statement asking for the keys the first found. Each claim's key is taken from its coded claim once,
# in the locked read, so the join compares plain columns whatever plan the cache's size makes.
_READY = (select(*record_columns(follow_up=True),
                 CLAIM.c.coded["patient"]["id"].astext.label("key_patient_id"),
                 CLAIM.c.coded["coverage"]["member_id"].astext.label("key_member_id"),
                 cast(CLAIM.c.coded["date_of_service"].astext, Date).label("key_date_of_service"))
          .where(CLAIM.c.status == READY).order_by(CLAIM.c.created_at).limit(bindparam("limit"))
          .with_for_update(skip_locked=True).cte("ready"))
READY_WITH_ANSWERS = (select(*(_READY.c[name] for name in record_names(follow_up=True)), _READY.c.key_patient_id,
                             _READY.c.key_member_id, _READY.c.key_date_of_service, ELIGIBILITY.c.answer)
                      .select_from(_READY.outerjoin(ELIGIBILITY, and_(
                          _READY.c.eligibility.is_(None), ELIGIBILITY.c.tenant_id == _READY.c.tenant_id,
                          ELIGIBILITY.c.payer_id == _READY.c.payer_id,
                          ELIGIBILITY.c.patient_id == _READY.c.key_patient_id,
                          ELIGIBILITY.c.member_id == _READY.c.key_member_id,
                          ELIGIBILITY.c.date_of_service == _READY.c.key_date_of_service,
                          ELIGIBILITY.c.checked_on == bindparam("checked_on"))))
                      .order_by(_READY.c.created_at))
_KEY_AND_ANSWER = 4


def _answer_from(stored: dict) -> EligibilityAnswer:
    def number(key: str) -> Decimal | None:
        return None if stored.get(key) is None else Decimal(stored[key])

    return EligibilityAnswer(trace=stored.get("trace", ""), status=stored["status"], plan=stored.get("plan"),
                             copay=number("copay"), deductible_remaining=number("deductible_remaining"),
                             coinsurance=number("coinsurance"), reasons=tuple(stored.get("reasons", ())))


# The answers cached on a day for a batch's keys, the five key columns bound as five arrays: one statement. It
# selects the table's columns (the entity select's SQL) and runs on the driver: the rows are only read.
_ANSWER_TEXT_KEYS = ("answer_payer_ids", "answer_patient_ids", "answer_member_ids")
CACHED_ANSWERS = select(*ELIGIBILITY.c).where(
    in_unnested((ELIGIBILITY.c.tenant_id, ELIGIBILITY.c.payer_id, ELIGIBILITY.c.patient_id, ELIGIBILITY.c.member_id,
                 ELIGIBILITY.c.date_of_service),
                (bindparam("answer_tenant_ids", type_=ARRAY(Uuid)), *map(text_array_bound, _ANSWER_TEXT_KEYS),
                 bindparam("answer_days", type_=ARRAY(Date))), "answer_key"),
    ELIGIBILITY.c.checked_on == bindparam("checked_on"))


class EligibilityCache:
    """271 answers per patient, member, payer and day of service, so a day's claims ask once."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self._remembered: dict[tuple, dict] = {}

    async def answers(self, keys: Iterable[EligibilityKey],
                      checked_on: date) -> dict[EligibilityKey, EligibilityAnswer]:
        keys = list(keys)
        rows = await select_rows(self._session, CACHED_ANSWERS, {
            "answer_tenant_ids": [key[0] for key in keys], "answer_days": [key[4] for key in keys],
            **{name: array_literal([key[i] for key in keys]) for i, name in enumerate(_ANSWER_TEXT_KEYS, 1)},
            "checked_on": checked_on})
        return {(r.tenant_id, r.payer_id, r.patient_id, r.member_id, r.date_of_service): _answer_from(r.answer)
                for r in rows}

    async def ready_claims(self, limit: int, checked_on: date) -> tuple[list[ClaimRecord],
                                                                       dict[EligibilityKey, EligibilityAnswer]]:
        """Up to `limit` ready claims, verified or not, oldest first, with what both the 270 and the 837P need,
        and the answers cached on `checked_on` for the unverified ones' keys: one statement."""
        claims, cached = [], {}
        width = len(READY_WITH_ANSWERS.selected_columns) - _KEY_AND_ANSWER
        for row in await select_rows(self._session, READY_WITH_ANSWERS, {"limit": limit, "checked_on": checked_on}):
            values = tuple(row)  # sliced as a plain tuple: the driver's row reads a key or a position in Python
            claim = to_record(values[:width])
            claims.append(claim)
            patient_id, member_id, date_of_service, answer = values[width:]
            if answer is not None:
                cached[(claim.tenant_id, claim.payer_id, patient_id, member_id, date_of_service)] = _answer_from(answer)
        return claims, cached

    async def remember_many(self, answers: dict[EligibilityKey, EligibilityAnswer], *, checked_on: date) -> None:
        """Queues a round's cacheable answers, written when the unit of work commits with its other rows (one
        row per key and day: a key answered twice in the transaction keeps the last, as an upsert after
        another would). Nothing in the transaction reads the cache after writing it."""
        for key, answer in answers.items():
            self._remembered[(*key, checked_on)] = {
                **dict(zip(KEY_COLUMNS, (*key, checked_on))), "status": answer.status,
                "answer": {**answer.public(), "trace": answer.trace}}

    def pending(self) -> Insert:
        """The queued answers, handed over once to be upserted at commit."""
        rows, self._remembered = list(self._remembered.values()), {}
        return Insert(ELIGIBILITY, rows, ANSWER_REPLACED)


def _moment(now: datetime):
    return literal(now, DateTime(timezone=True))


def _past_expected_days(now: datetime, expected_days=TenantPayer.expected_days):
    """`is_overdue` to the microsecond: the payer's expected days counted as 86,400 s each, so the session's
    time zone (whose days around a clock change last 23 or 25 hours) cannot move it; a bound on the
    submission, which the (tenant, payer, submission) indexes seek to per payer."""
    return Claim.submitted_at <= _moment(now) - func.make_interval(
        0, 0, 0, 0, 0, 0, expected_days * SECONDS_A_DAY)


def _priority_cents(now: datetime):
    """`priority` in cents, in SQL: amount x (30 + days overdue) / 30, rounded half to even. The days are
    whole 86,400 s since the submission, floored, as Python's timedelta counts them."""
    age_days = func.floor(extract("epoch", _moment(now) - Claim.submitted_at) / SECONDS_A_DAY)
    overdue = func.greatest(age_days - TenantPayer.expected_days, 0)
    weighed = Claim.total_charge * 100 * (int(AGE_WEIGHT_DAYS) + overdue)  # whole cents x days: exact
    whole, rest = func.div(weighed, int(AGE_WEIGHT_DAYS)), func.mod(weighed, int(AGE_WEIGHT_DAYS))
    # round() takes a half away from zero; a half over an even quotient stays there instead.
    half_to_even = and_(func.abs(rest) * 2 == int(AGE_WEIGHT_DAYS), func.mod(whole, 2) == 0)
    return case((half_to_even, whole), else_=func.round(weighed / int(AGE_WEIGHT_DAYS)))


def _with_expected_days(*columns):
    """`columns` of each claim beside its payer's expected days."""
    return select(*columns, TenantPayer.expected_days).select_from(Claim).join(
        TenantPayer, and_(TenantPayer.tenant_id == Claim.tenant_id, TenantPayer.payer_id == Claim.payer_id))


def _expected_days_of_the_claims_payer():
    """The claim's payer's expected days, read for each claim the day range keeps. Not a join: joined, a plan
    may walk each payer's claims through the (tenant, payer, submission) index and read every claim still owed
    an answer, the waiting ones too, as a generic plan did when its estimates of the two ways came out close;
    with only the claim table to read, its range on the day a claim may next be asked about is the cheap way."""
    return (select(TenantPayer.expected_days)
            .where(TenantPayer.tenant_id == Claim.tenant_id, TenantPayer.payer_id == Claim.payer_id)
            .scalar_subquery())


class FollowUpStore:
    """Claims still owed an answer past their payer's expected days, and the billers' notes on them."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def due_for_inquiry(self, *, now: datetime, limit: int) -> list[tuple[ClaimRecord, int]]:
        """Sent claims without a remittance, past their payer's expected days and due to be asked, oldest first,
        with those days; locked, rows another replica holds skipped. Every tenant's at once, read through the
        partial index of open claims (its predicate is written inline so that any plan can use it)."""
        expected_days = _expected_days_of_the_claims_payer()
        query = (select(*record_columns(follow_up=True), expected_days)
                 .where(AWAITING_INQUIRY, _past_expected_days(now, expected_days), INQUIRY_DAY <= now.date())
                 .order_by(Claim.submitted_at).limit(limit).with_for_update(of=Claim, skip_locked=True))
        return [(to_record(row[:-1]), row[-1]) for row in await self._session.execute(query)]

    async def queue(self, tenant_id: UUID, *, now: datetime, payer_id: str | None, due_only: bool,
                    limit: int) -> list:
        """The first `limit` overdue claims as `prioritize` orders them (priority, then oldest, then id),
        ranked and cut in Postgres: only the page's rows, and only the columns the queue shows, leave it.
        The claims owed an answer are the partial index's own predicate, written inline, so that any plan
        (a prepared statement's generic one too) can read through it."""
        query = (_with_expected_days(*QUEUE_COLUMNS)
                 .where(Claim.tenant_id == tenant_id, AWAITING_ANSWER, _past_expected_days(now))
                 .order_by(_priority_cents(now).desc(), Claim.submitted_at, Claim.id).limit(limit))
        if payer_id:
            query = query.where(Claim.payer_id == payer_id)
        if due_only:
            query = query.where(or_(Claim.next_action_on.is_(None), Claim.next_action_on <= now.date()))
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
