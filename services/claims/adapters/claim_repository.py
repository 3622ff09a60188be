"""Claims and their timeline as the hot paths read and write them: plain rows, whole batches per statement.

The consumers handle hundreds of events per transaction. Loading each claim as an ORM object and letting
the session flush it row by row cost more than the billing work itself, so these repositories read the
columns a step needs with one SELECT per batch and write its changes with one statement per table
(shared/db/bulk.py): claims and timeline rows are what the maintained counts' triggers follow, and one
statement is one refresh of the counts for the whole batch.
"""
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Date, Text, Uuid, and_, bindparam, cast, func, literal_column, or_, select
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from shared.db.array_literals import array_literal
from shared.db.bulk import (Insert, any_bound, in_array, in_unnested, insert_rows, json_of, not_in_array,
                            text_array_bound, update_rows)
from shared.db.plans import plan_with_values
from services.claims.adapters.tables import Claim, ClaimEvent, ClaimLine, Interchange, TenantPayer
from services.claims.domain.model import Payer

CLAIM = Claim.__table__
LINE = ClaimLine.__table__
EVENT = ClaimEvent.__table__
INTERCHANGE = Interchange.__table__
PAYER = TenantPayer.__table__
PcnKey = tuple[UUID, str]  # tenant, patient control number
ServiceDayKey = tuple[UUID, str, date]  # tenant, patient id, date of service


@dataclass(slots=True)
class ClaimRecord:
    """A stored claim's scalar columns; a step changes them in memory and the repository writes them back."""

    id: UUID
    tenant_id: UUID
    encounter_id: UUID
    patient_control_number: str
    status: str
    payer_id: str
    frequency_code: str
    original_claim_id: UUID | None
    payer_claim_number: str | None
    total_charge: Decimal
    interchange_id: int | None
    trace_context: str | None
    created_at: datetime | None
    submitted_at: datetime | None
    remit_received_at: datetime | None
    next_inquiry_on: date | None
    payer_sequence: str = "P"
    payers_after: int = 0
    prior_claim_id: UUID | None = None
    coded: dict | None = None  # loaded only by the steps that rebuild the claim (submission)
    prior_payers: list | None = None  # loaded with `coded`
    # Loaded only by the follow-up steps (eligibility, status inquiry) and written back by them.
    eligibility: dict | None = None
    eligibility_requested_at: datetime | None = None
    edits: list | None = None
    status_inquired_at: datetime | None = None
    last_payer_status: dict | None = None


REBUILT_FROM = ("coded", "prior_payers")
FOLLOW_UP = ("eligibility", "eligibility_requested_at", "edits", "status_inquired_at", "last_payer_status")
SCALARS = [f.name for f in fields(ClaimRecord) if f.name not in REBUILT_FROM + FOLLOW_UP]
READY = literal_column("'ready'")  # inline, not a parameter: a prepared statement's generic plan can then use
#                                    the partial index whose predicate names it


def record_names(*, with_coded: bool = False, follow_up: bool = False) -> list[str]:
    """What a ClaimRecord is read from: the follow-up steps rebuild the claim too."""
    return SCALARS + (list(REBUILT_FROM) if with_coded or follow_up else []) + (list(FOLLOW_UP) if follow_up else [])


def record_columns(*, with_coded: bool = False, follow_up: bool = False) -> list:
    """The columns a ClaimRecord is read from, in the order `to_record` expects."""
    return [CLAIM.c[name] for name in record_names(with_coded=with_coded, follow_up=follow_up)]


def to_record(row, *, with_coded: bool = False, follow_up: bool = False) -> ClaimRecord:
    return ClaimRecord(**dict(zip(record_names(with_coded=with_coded, follow_up=follow_up), row)))


def claims_query(*conditions, lock: bool, skip_locked: bool = False, order=None, with_coded: bool = False,
                 follow_up: bool = False):
    """The ClaimRecords matching `conditions`; locked in one stable order (by id unless the caller picks
    another) so that two batches never deadlock."""
    query = (select(*record_columns(with_coded=with_coded, follow_up=follow_up)).where(*conditions)
             .order_by(order if order is not None else CLAIM.c.id))
    return query.with_for_update(skip_locked=skip_locked) if lock else query


# The submission round's and the claim.coded batch's reads, built once: a query object reused is compiled
# and keyed for the statement cache once, where one built per call spent about a quarter of a millisecond
# on its 25 columns every time.
READY_TO_BATCH = claims_query(CLAIM.c.status == READY, CLAIM.c.eligibility.is_not(None), lock=True, skip_locked=True,
                              order=CLAIM.c.created_at, with_coded=True).limit(bindparam("limit"))
UNVERIFIED = claims_query(CLAIM.c.status == READY, CLAIM.c.eligibility.is_(None), lock=True, skip_locked=True,
                          order=CLAIM.c.created_at, follow_up=True).limit(bindparam("limit"))
# The claims a batch names by (tenant, patient control number), the pairs bound as two arrays: one statement
# text whatever their number, built once. A tuple IN list was built, compiled and expanded by SQLAlchemy on
# every call (some 40% of the 277CA's and the remit's own CPU) and was a new statement for Postgres to parse
# and plan for every count of keys.
_NAMED_BY_PCN = in_unnested((CLAIM.c.tenant_id, CLAIM.c.patient_control_number),
                            (bindparam("pcn_tenant_ids", type_=ARRAY(Uuid)), text_array_bound("pcns")), "pcn_key")
BY_PCNS = {lock: claims_query(_NAMED_BY_PCN, lock=lock) for lock in (True, False)}
ANSWERED = claims_query(_NAMED_BY_PCN, lock=True, follow_up=True)


def _pcn_parameters(keys: list[PcnKey]) -> dict:
    """The pairs as `_NAMED_BY_PCN` binds them: the tenants as a list, the numbers as one array literal."""
    return {"pcn_tenant_ids": [tenant_id for tenant_id, _ in keys], "pcns": array_literal([pcn for _, pcn in keys])}


# claim.coded's two reads, the same way: the ids as one array, the service days as three.
EXISTING_IDS = select(CLAIM.c.id).where(CLAIM.c.id == any_bound("ids"))
BILLED_SERVICES = (select(LINE.c.tenant_id, LINE.c.patient_id, LINE.c.date_of_service, LINE.c.claim_id,
                          LINE.c.procedure_code, LINE.c.rendering_npi)
                   .join(CLAIM, CLAIM.c.id == LINE.c.claim_id)
                   .where(in_unnested((LINE.c.tenant_id, LINE.c.patient_id, LINE.c.date_of_service),
                                      (bindparam("day_tenant_ids", type_=ARRAY(Uuid)), text_array_bound("day_patient_ids"),
                                       bindparam("days", type_=ARRAY(Date))), "service_day"),
                          not_in_array(CLAIM.c.status, ["voided", "held"])))
# The corrections' reads of claims named by (tenant, claim id) or (tenant, encounter), the same way.
_TENANT_KEYS = (bindparam("key_tenant_ids", type_=ARRAY(Uuid)), bindparam("key_ids", type_=ARRAY(Uuid)))
BY_IDS = claims_query(in_unnested((CLAIM.c.tenant_id, CLAIM.c.id), _TENANT_KEYS, "claim_key"), lock=True,
                      with_coded=True)
CORRECTIONS_COUNTS = (select(CLAIM.c.original_claim_id, func.count())
                      .where(in_unnested((CLAIM.c.tenant_id, CLAIM.c.original_claim_id), _TENANT_KEYS, "original_key"))
                      .group_by(CLAIM.c.original_claim_id))
ENCOUNTER_PLACES = (select(CLAIM.c.tenant_id, CLAIM.c.encounter_id, CLAIM.c.id, CLAIM.c.payer_sequence)
                    .where(in_unnested((CLAIM.c.tenant_id, CLAIM.c.encounter_id), _TENANT_KEYS, "encounter_key")))


def _tenant_key_parameters(keys: list[tuple[UUID, UUID]]) -> dict:
    """(tenant, id) pairs as `_TENANT_KEYS` binds them: two uuid lists."""
    return {"key_tenant_ids": [tenant_id for tenant_id, _ in keys], "key_ids": [key for _, key in keys]}


def _service_day_parameters(keys: list[ServiceDayKey]) -> dict:
    """The days as `BILLED_SERVICES` binds them: tenants and dates as lists, the patients as one array literal."""
    return {"day_tenant_ids": [tenant_id for tenant_id, _, _ in keys],
            "day_patient_ids": array_literal([patient_id for _, patient_id, _ in keys]),
            "days": [day for _, _, day in keys]}

@dataclass(slots=True)
class SentClaim:
    """A claim of a file being handed over, with what its claim.submitted says beyond the claim's own columns:
    three facts of its coded claim and its stored lines (what it was priced at when built or fixed)."""

    record: ClaimRecord
    patient_id: str
    rendering_npi: str
    original_payer_claim_number: str | None
    lines: list[dict]


# The hand-over's one statement after the POST: the file's answer recorded, its claims read and locked with
# their lines and their payer. The coded claim is not read whole: claim.submitted needs three of its fields,
# and decoding each claim's document was most of the read's cost.
PAYER_FIELDS = ("payer_id", "name", "x12_payer_id", "timely_filing_days", "appeal_days", "expected_days",
                "claim_filing_indicator")
LINE_PARTS = ("line_number", "procedure_code", "modifiers", "units", "charge", "date_of_service")
_ANSWER_RECORDED = (INTERCHANGE.update().where(INTERCHANGE.c.id == bindparam("control"))
                    .values(ack_status=bindparam("ack_status")).cte("answer_recorded"))
_LINES = (select(func.jsonb_agg(aggregate_order_by(
    func.jsonb_build_array(LINE.c.line_number, LINE.c.procedure_code, LINE.c.modifiers, LINE.c.units,
                           cast(LINE.c.charge, Text), LINE.c.date_of_service), LINE.c.line_number), type_=JSONB))
          .where(LINE.c.claim_id == CLAIM.c.id).scalar_subquery())


def _sent_claims(*conditions):
    return (select(*record_columns(), CLAIM.c.coded["patient"]["id"].astext, CLAIM.c.coded["rendering_provider"]["npi"].astext,
                   CLAIM.c.coded["original_payer_claim_number"].astext, _LINES,
                   *(PAYER.c[name].label(f"payer_{name}") for name in PAYER_FIELDS))
            .select_from(CLAIM.outerjoin(PAYER, and_(PAYER.c.tenant_id == CLAIM.c.tenant_id,
                                                     PAYER.c.payer_id == CLAIM.c.payer_id)))
            .where(CLAIM.c.interchange_id == bindparam("control"), *conditions)
            .order_by(CLAIM.c.id).with_for_update(of=CLAIM).add_cte(_ANSWER_RECORDED))


SENT_CLAIMS = _sent_claims()
SENT_CLAIMS_LISTED = _sent_claims(CLAIM.c.id == any_bound("ids"))


def _line(part: list) -> dict:
    """A line as aggregated to JSON (the charge as its exact text, the day in ISO form) back to its types."""
    line = dict(zip(LINE_PARTS, part))
    line["charge"], line["date_of_service"] = Decimal(line["charge"]), date.fromisoformat(line["date_of_service"])
    return line


def _sent_claim(row) -> tuple[SentClaim, Payer | None]:
    width = len(SCALARS)
    patient_id, npi, original_number, lines = row[width:width + 4]
    payer = row[width + 4:]
    return (SentClaim(ClaimRecord(**dict(zip(SCALARS, row[:width]))), patient_id, npi, original_number,
                      [_line(part) for part in lines or ()]),
            None if payer[0] is None else Payer(**dict(zip(PAYER_FIELDS, payer))))


class ClaimRepository:
    """Set-based reads and writes of claims and their lines; single claims as rows for the API's steps."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def get(self, tenant_id: UUID, claim_id: UUID, *, lock: bool = False) -> Claim | None:
        """One claim of this tenant as a table row (the API's steps: fix, correct, notes)."""
        query = select(Claim).where(Claim.id == claim_id, Claim.tenant_id == tenant_id)
        return (await self._session.execute(query.with_for_update() if lock else query)).scalar_one_or_none()

    async def page(self, tenant_id: UUID, *, filters: dict, limit: int,
                   before: tuple[datetime, UUID] | None) -> list[Claim]:
        """The tenant's claims, newest first, equal to each of `filters`; `before` is the last row's
        (created_at, id). A page after a cursor is planned with its values: how much of the tenant a
        generic plan would read below the cursor depends on the tenant's size."""
        query = select(Claim).where(Claim.tenant_id == tenant_id,
                                    *(getattr(Claim, column) == value for column, value in filters.items()))
        if before:
            await plan_with_values(self._session)
            at, claim_id = before
            query = query.where(or_(Claim.created_at < at, and_(Claim.created_at == at, Claim.id < claim_id)))
        return list((await self._session.execute(
            query.order_by(Claim.created_at.desc(), Claim.id.desc()).limit(limit))).scalars())

    async def held_for_edit(self, tenant_id: UUID, edit_id: str) -> list[Claim]:
        """The tenant's claims held with this edit among their findings, as locked table rows, in id order."""
        query = (select(Claim).where(Claim.tenant_id == tenant_id, Claim.status == "held",
                                     Claim.edits.contains([{"edit_id": edit_id}]))
                 .order_by(Claim.id).with_for_update())
        return list((await self._session.execute(query)).scalars())

    async def by_pcn(self, tenant_id: UUID, pcn: str) -> Claim | None:
        """One claim by patient control number as a locked table row."""
        query = select(Claim).where(Claim.tenant_id == tenant_id, Claim.patient_control_number == pcn)
        return (await self._session.execute(query.with_for_update())).scalar_one_or_none()

    async def corrections_of(self, tenant_id: UUID, original_id: UUID) -> int:
        """How many replacement or void claims a claim already has."""
        return await self._session.scalar(select(func.count()).select_from(CLAIM).where(
            CLAIM.c.tenant_id == tenant_id, CLAIM.c.original_claim_id == original_id))

    async def _load(self, *conditions, lock: bool, with_coded: bool = False, limit: int | None = None,
                    skip_locked: bool = False, order=None, follow_up: bool = False) -> list[ClaimRecord]:
        shape = {"with_coded": with_coded, "follow_up": follow_up}
        query = claims_query(*conditions, lock=lock, skip_locked=skip_locked, order=order, **shape)
        return await self._run(query if limit is None else query.limit(limit), {}, **shape)

    async def _run(self, query, parameters: dict, **shape) -> list[ClaimRecord]:
        rows = await self._session.execute(query, parameters)
        return [to_record(row, **shape) for row in rows]

    async def by_pcns(self, keys: Iterable[PcnKey], *, lock: bool = True) -> dict[PcnKey, ClaimRecord]:
        """The tenants' claims named by patient control number, locked in id order."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        found = await self._run(BY_PCNS[lock], _pcn_parameters(wanted))
        return {(r.tenant_id, r.patient_control_number): r for r in found}

    async def sent(self, interchange: Interchange, ack_status: str) -> tuple[list[SentClaim], Payer | None]:
        """Records the clearinghouse's answer on a file being handed over and reads its claims, locked in id
        order, with their lines and their payer (None when the file has no claims left or the tenant no longer
        has the payer): one statement. Read by the keys the file lists, or by its number for a file stored
        without them."""
        set_committed_value(interchange, "ack_status", ack_status)  # written by the statement, not by a flush
        parameters = {"control": interchange.id, "ack_status": ack_status}
        if interchange.claim_ids is None:
            rows = await self._session.execute(SENT_CLAIMS, parameters)
        else:
            rows = await self._session.execute(SENT_CLAIMS_LISTED, {**parameters, "ids": interchange.claim_ids})
        found = [_sent_claim(row) for row in rows]
        return [claim for claim, _ in found], (found[0][1] if found else None)

    async def ready_to_batch(self, limit: int) -> list[ClaimRecord]:
        """Verified ready claims, oldest first; rows another replica holds are skipped, not waited for."""
        return await self._run(READY_TO_BATCH, {"limit": limit}, with_coded=True)

    # The follow-up steps (eligibility, status inquiry): whole rounds read and written at once.

    async def unverified(self, limit: int) -> list[ClaimRecord]:
        """Ready claims whose coverage is not verified, oldest first, with what the 270 and its answer need;
        rows another replica holds are skipped."""
        return await self._run(UNVERIFIED, {"limit": limit}, follow_up=True)

    async def answered(self, keys: Iterable[PcnKey]) -> dict[PcnKey, ClaimRecord]:
        """The claims a payer's 271 or 277 names, with their follow-up columns, locked in id order."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        found = await self._run(ANSWERED, _pcn_parameters(wanted), follow_up=True)
        return {(r.tenant_id, r.patient_control_number): r for r in found}

    # Corrections billed a batch at a time (claim.correction_requested).

    async def by_ids(self, keys: Iterable[tuple[UUID, UUID]]) -> dict[tuple[UUID, UUID], ClaimRecord]:
        """The tenants' claims named by (tenant, claim id), with their coded claims, locked in id order."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        found = await self._run(BY_IDS, _tenant_key_parameters(wanted), with_coded=True)
        return {(r.tenant_id, r.id): r for r in found}

    async def corrections_counts(self, keys: Iterable[tuple[UUID, UUID]]) -> dict[UUID, int]:
        """How many replacement or void claims each of these (tenant, claim id) already has."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        rows = await self._session.execute(CORRECTIONS_COUNTS, _tenant_key_parameters(wanted))
        return dict(rows.all())

    async def open_voids_of(self, tenant_id: UUID, original_id: UUID) -> list[ClaimRecord]:
        """The sent voids (frequency 8) of a claim, locked."""
        return await self._load(CLAIM.c.tenant_id == tenant_id, CLAIM.c.original_claim_id == original_id,
                                CLAIM.c.frequency_code == "8", CLAIM.c.status.in_(["submitted", "accepted"]),
                                lock=True)

    async def coded_of(self, ids: Iterable[UUID]) -> dict[UUID, tuple[dict, list | None]]:
        """The coded claim and earlier payers' adjudications of these claims (the next payer's claim starts there)."""
        wanted = list(set(ids))
        if not wanted:
            return {}
        rows = await self._session.execute(select(CLAIM.c.id, CLAIM.c.coded, CLAIM.c.prior_payers)
                                           .where(in_array(CLAIM.c.id, wanted)))
        return {claim_id: (coded, prior) for claim_id, coded, prior in rows}

    async def encounter_places(self, keys: Iterable[tuple[UUID, UUID]]) -> dict[tuple[UUID, UUID], list[tuple[UUID, str]]]:
        """Every claim of these (tenant, encounter) with its payer place: a later payer's correction does not
        count the earlier payers' claims as duplicates."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        rows = await self._session.execute(ENCOUNTER_PLACES, _tenant_key_parameters(wanted))
        places: dict[tuple[UUID, UUID], list[tuple[UUID, str]]] = {}
        for tenant_id, encounter_id, claim_id, sequence in rows:
            places.setdefault((tenant_id, encounter_id), []).append((claim_id, sequence))
        return places

    async def existing_ids(self, ids: Iterable[UUID]) -> set[UUID]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        return set((await self._session.execute(EXISTING_IDS, {"ids": wanted})).scalars())

    async def insert_many(self, rows: list[dict]) -> None:
        """New claims; each row's `coded` (its ClaimCoded) is encoded here in one call by pydantic's serializer."""
        await insert_rows(self._session, CLAIM, [{**row, "coded": json_of(row["coded"])} for row in rows])

    async def update_many(self, records: Iterable[ClaimRecord], columns: tuple[str, ...]) -> None:
        """One UPDATE by primary key writing `columns` of every record."""
        await update_rows(self._session, CLAIM, "id", [{"id": r.id, **{c: getattr(r, c) for c in columns}}
                                                       for r in records])

    async def billed_services(self, keys: Iterable[ServiceDayKey]) -> dict[ServiceDayKey, list[tuple[UUID, tuple]]]:
        """Lines of live claims (not voided or held) for these patients and days: (claim id, service key)."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        rows = await self._session.execute(BILLED_SERVICES, _service_day_parameters(wanted))
        found: dict[ServiceDayKey, list[tuple[UUID, tuple]]] = {}
        for tenant_id, patient_id, day, claim_id, code, npi in rows:
            found.setdefault((tenant_id, patient_id, day), []).append((claim_id, (patient_id, day, code, npi)))
        return found

    async def add_lines(self, rows: list[dict]) -> None:
        await insert_rows(self._session, LINE, rows)

    async def replace_lines(self, claim_id: UUID, rows: list[dict]) -> None:
        await self._session.execute(LINE.delete().where(LINE.c.claim_id == claim_id))
        await self.add_lines(rows)

    async def newest_coded_of_patient(self, tenant_id: UUID, patient_id: str) -> dict | None:
        """The coded claim of the patient's most recent claim."""
        newest = (select(CLAIM.c.coded).join(LINE, LINE.c.claim_id == CLAIM.c.id)
                  .where(CLAIM.c.tenant_id == tenant_id, LINE.c.tenant_id == tenant_id, LINE.c.patient_id == patient_id)
                  .order_by(CLAIM.c.created_at.desc()).limit(1))
        return (await self._session.execute(newest)).scalar_one_or_none()

    async def lines_of(self, claim_id: UUID) -> list:
        return list((await self._session.execute(
            select(ClaimLine).where(ClaimLine.claim_id == claim_id).order_by(ClaimLine.line_number))).scalars())


class Timeline:
    """A claim's timeline. Steps are queued and written in one statement when the unit of work commits,
    in the order they happened."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self._pending: list[dict] = []

    def add(self, claim, event: str, detail: dict | None = None) -> None:
        """`claim` is anything with id, tenant_id and status (a ClaimRecord or a Claim row)."""
        self._pending.append({"tenant_id": claim.tenant_id, "claim_id": claim.id, "event": event,
                              "status": claim.status, "detail": detail or {}})

    def add_many(self, rows: Iterable[dict]) -> None:
        self._pending.extend(rows)

    def pending(self) -> Insert:
        """The queued steps, handed over once to be written at commit."""
        rows, self._pending = self._pending, []
        return Insert(EVENT, rows)

    async def flush(self) -> None:
        pending = self.pending()
        await insert_rows(self._session, pending.table, pending.rows)

    async def of(self, claim_id: UUID) -> list[ClaimEvent]:
        await self.flush()
        rows = await self._session.execute(select(ClaimEvent).where(ClaimEvent.claim_id == claim_id)
                                           .order_by(ClaimEvent.id))
        return list(rows.scalars())
