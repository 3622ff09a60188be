"""A stored claim as the hot paths read it: plain columns in a record, read a whole batch per statement.

The consumers handle hundreds of events per transaction. Loading each claim as an ORM object and letting
the session flush it row by row cost more than the billing work itself, so the claim repositories read the
columns a step needs with one SELECT per batch into `ClaimRecord`s and write its changes with one statement
per table (shared/db/bulk.py): claims and timeline rows are what the maintained counts' triggers follow, and
one statement is one refresh of the counts for the whole batch.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.driver_reads import select_rows
from services.claims.adapters.tables import Claim, ClaimLine

CLAIM = Claim.__table__
LINE = ClaimLine.__table__
PcnKey = tuple[UUID, str]  # tenant, patient control number
ServiceDayKey = tuple[UUID, str, date]  # tenant, patient id, date of service
TenantKey = tuple[UUID, UUID]  # tenant, a claim's or an encounter's id


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


def to_record(row) -> ClaimRecord:
    """A record from a row of `record_columns`' values, whichever shape: each shape's names are the first of
    ClaimRecord's fields in their order, so the row's values are its leading arguments (the rest keep their
    defaults), without a dict of names built per row."""
    return ClaimRecord(*row)


def claims_query(*conditions, lock: bool, skip_locked: bool = False, order=None, with_coded: bool = False,
                 follow_up: bool = False):
    """The ClaimRecords matching `conditions`; locked in one stable order (by id unless the caller picks
    another) so that two batches never deadlock."""
    query = (select(*record_columns(with_coded=with_coded, follow_up=follow_up)).where(*conditions)
             .order_by(order if order is not None else CLAIM.c.id))
    return query.with_for_update(skip_locked=skip_locked) if lock else query


class RecordReads:
    """What every claim repository starts from: the session, and a built statement run into records on the
    transaction's driver (`select_rows`: the session's rows and types without its execute path; the records
    are plain values, no ORM object is read)."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _run(self, query, parameters: dict) -> list[ClaimRecord]:
        return [to_record(row) for row in await select_rows(self._session, query, parameters)]

    async def _named(self, query, keys: Iterable, parameters_of: Callable[[list], dict],
                     key_of: Callable[[ClaimRecord], tuple]) -> dict[tuple, ClaimRecord]:
        """The records `keys` name, each under its key: the keys made distinct, nothing asked for none."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        return {key_of(r): r for r in await self._run(query, parameters_of(wanted))}
