"""The submission round's claims: the ready ones read and locked, a file's claims read at its hand-over, and
every step's changed records written back in one statement."""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Text, and_, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by

from shared.db.bulk import Insert, Update, any_bound, insert_together
from shared.db.driver_reads import select_rows
from shared.db.transaction_driver import TransactionDriver, flush_pending
from services.claims.adapters.claim_records import (CLAIM, LINE, READY, SCALARS, ClaimRecord, RecordReads, claims_query,
                                                    record_columns, to_record)
from services.claims.adapters.mapping import PAYER_FIELDS, payer_from_values
from services.claims.adapters.tables import Interchange, TenantPayer
from services.claims.domain.model import Payer

INTERCHANGE = Interchange.__table__
PAYER = TenantPayer.__table__
# The submission round's reads, built once: a query object reused is compiled and keyed for the statement
# cache once, where one built per call spent about a quarter of a millisecond on its 25 columns every time.
READY_TO_BATCH = claims_query(CLAIM.c.status == READY, CLAIM.c.eligibility.is_not(None), lock=True, skip_locked=True,
                              order=CLAIM.c.created_at, with_coded=True).limit(bindparam("limit"))
UNVERIFIED = claims_query(CLAIM.c.status == READY, CLAIM.c.eligibility.is_(None), lock=True, skip_locked=True,
                          order=CLAIM.c.created_at, follow_up=True).limit(bindparam("limit"))


@dataclass(frozen=True, slots=True)
class InterchangeFile:
    """A stored 837P as the hand-over reads it: its table row's columns in their order, not an ORM object (the
    step only reads it; its answer is written by the hand-over's statement)."""

    id: int
    tenant_id: UUID
    payer_id: str
    x12: str
    claim_count: int
    claim_ids: list[UUID] | None
    ack_status: str | None
    created_at: datetime | None


@dataclass(slots=True)
class SentClaim:
    """A claim of a file being handed over, with what its claim.submitted says beyond the claim's own columns:
    three facts of its coded claim and its stored lines (what it was priced at when built or fixed), each a dict
    of SubmittedLine's fields with the charge and the day as texts."""

    record: ClaimRecord
    patient_id: str
    rendering_npi: str
    original_payer_claim_number: str | None
    lines: list[dict]


# The hand-over's one statement after the POST: the file's answer recorded, its claims read and locked with
# their lines and their payer. The coded claim is not read whole: claim.submitted needs three of its fields,
# and decoding each claim's document was most of the read's cost.
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
    """A line as aggregated to JSON: the charge as its exact text, the day in ISO form. They stay texts:
    claim.submitted's model parses each once (Money's text path, pydantic's ISO date), where a Decimal and a
    date made here were checked and rounded again by it."""
    return dict(zip(LINE_PARTS, part))


def _sent_claim(row) -> tuple[SentClaim, Payer | None]:
    values = tuple(row)  # sliced as a plain tuple: the driver's row reads a key or a position in Python
    width = len(SCALARS)
    patient_id, npi, original_number, lines = values[width:width + 4]
    payer = values[width + 4:]
    return (SentClaim(to_record(values[:width]), patient_id, npi, original_number,
                      [_line(part) for part in lines or ()]),
            None if payer[0] is None else payer_from_values(payer))


class RoundClaims(RecordReads):
    async def ready_to_batch(self, limit: int) -> list[ClaimRecord]:
        """Verified ready claims, oldest first; rows another replica holds are skipped, not waited for."""
        return await self._run(READY_TO_BATCH, {"limit": limit})

    async def unverified(self, limit: int) -> list[ClaimRecord]:
        """Ready claims whose coverage is not verified, oldest first, with what the 270 and its answer need;
        rows another replica holds are skipped."""
        return await self._run(UNVERIFIED, {"limit": limit})

    async def sent(self, interchange: InterchangeFile, ack_status: str) -> tuple[list[SentClaim], Payer | None]:
        """Records the clearinghouse's answer on a file being handed over and reads its claims, locked in id
        order, with their lines and their payer (None when the file has no claims left or the tenant no longer
        has the payer): one statement. Read by the keys the file lists, or by its number for a file stored
        without them."""
        parameters = {"control": interchange.id, "ack_status": ack_status}
        if interchange.claim_ids is None:
            rows = await select_rows(self._session, SENT_CLAIMS, parameters)
        else:
            rows = await select_rows(self._session, SENT_CLAIMS_LISTED, {**parameters, "ids": interchange.claim_ids})
        found = [_sent_claim(row) for row in rows]
        return [claim for claim, _ in found], (found[0][1] if found else None)

    async def update_many(self, records: Iterable[ClaimRecord], columns: tuple[str, ...], *,
                          along: Sequence[Insert] = ()) -> None:
        """One UPDATE by primary key writing `columns` of every record; with rows queued for other tables
        (`along`), one statement writing them all (one round trip where there were two)."""
        changed = Update(CLAIM, "id", [{"id": r.id, **{c: getattr(r, c) for c in columns}} for r in records])
        if not changed.rows and not any(insert.rows for insert in along):
            return
        await flush_pending(self._session)
        await insert_together(await TransactionDriver.of(self._session), [changed, *along])
