"""claim.submitted for one claim, with every rule: voids, replacements, resubmissions, payments waiting.

The receivable starts when the claim is sent; payments and write-offs that arrived first leave suspense
now. A resubmission (after a fix) updates the billed lines and posts only the change in charges. The
batch use case (post_charges) posts plain new claims itself and hands everything else here.
"""
from datetime import date
from uuid import UUID

from shared.contracts.claim import ClaimSubmitted
from shared.contracts.denial import DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.kafka.errors import PermanentError
from shared.money import ZERO
from services.payments.adapters.ledger_repository import AlreadyPosted, Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.application.claim_payment import (
    NOTHING_TO_REVERSE, NothingToReverse, close_open_balance, post_to_claim)
from services.payments.application import corrected_primary, withdrawn_payer
from services.payments.application.write_off_denial import write_off
from services.payments.domain import ledger


def receivable_row(event: Envelope[ClaimSubmitted], claim_id: UUID | None = None) -> dict:
    """The billed_claim row claim.submitted opens; `claim_id`: the claim's id when the caller parsed it already."""
    claim = event.payload
    return {"claim_id": claim_id or UUID(claim.claim_id), "tenant_id": event.tenant_id, "patient_id": claim.patient_id,
            "payer_id": claim.payer_id, "patient_control_number": claim.patient_control_number,
            "total_charge": claim.total_charge, "lines": _lines(claim), "submitted_at": claim.submitted_at,
            "rendering_npi": claim.rendering_npi, "date_of_service": first_service_date(claim),
            "payer_sequence": claim.payer_sequence, "payers_after": claim.payers_after, "receivable_claim_id": None}


def first_service_date(claim: ClaimSubmitted) -> date | None:
    return min((line.date_of_service for line in claim.lines), default=None)


def _lines(claim: ClaimSubmitted) -> list[dict]:
    return [line.model_dump(mode="json") for line in claim.lines]


async def record_billed_claim(uow: PaymentsUnitOfWork, event: Envelope[ClaimSubmitted]) -> None:
    claim = event.payload
    if claim.frequency_code == "8" and claim.original_claim_id:
        # A void bills nothing: the original's receivable closes, and the payer's reversal takes its cash back.
        await _close_out(uow, event.tenant_id, UUID(claim.original_claim_id), UUID(claim.claim_id),
                         kind=ledger.VOIDED, payer_claim_number=claim.original_payer_claim_number)
        return
    if claim.prior_claim_id:
        await _record_next_payer_claim(uow, event)
        return
    billed = await uow.billed_claims.lock(UUID(claim.claim_id))
    if billed is None:
        row = receivable_row(event)
        await uow.billed_claims.add_many([row])
        billed = BilledClaim(**row)  # the values just written, to post against
        await uow.ledger.add(Posting.for_claim(billed, ledger.charge_transaction(
            claim.claim_id, ledger.charged_lines(billed.lines))))
        if claim.frequency_code == "7" and claim.original_claim_id:
            await _close_out(uow, event.tenant_id, UUID(claim.original_claim_id), billed.claim_id,
                             kind=ledger.REPLACED)
    elif billed.tenant_id == event.tenant_id:
        delta = claim.total_charge - billed.total_charge
        if delta:  # a corrected claim billed for a different total: only the difference moves
            line = ledger.ChargedLine(0, "ADJUST", (), uow.today(), delta)
            await uow.ledger.add(Posting.for_claim(billed, ledger.charge_transaction(claim.claim_id, [line])))
        billed.total_charge, billed.lines, billed.payer_id = claim.total_charge, _lines(claim), claim.payer_id
        billed.rendering_npi, billed.date_of_service = claim.rendering_npi, first_service_date(claim)
    else:
        raise PermanentError("claim.submitted names a claim billed for another tenant")
    await apply_waiting(uow, billed)


async def _record_next_payer_claim(uow: PaymentsUnitOfWork, event: Envelope[ClaimSubmitted]) -> None:
    """A later payer's claim bills what the earlier payers left of the encounter's first claim: its row names
    that claim's receivable and carries no charge (the charge was posted once, with the first claim)."""
    claim = event.payload
    receivable = await uow.billed_claims.lock_receivable(UUID(claim.prior_claim_id))
    if receivable is not None and receivable.tenant_id != event.tenant_id:
        raise PermanentError("claim.submitted names an earlier claim billed for another tenant")
    billed = await uow.billed_claims.lock(UUID(claim.claim_id))
    if billed is None:
        first = receivable.claim_id if receivable is not None else UUID(claim.prior_claim_id)
        await uow.billed_claims.add_many([{**receivable_row(event), "total_charge": ZERO, "receivable_claim_id": first}])
    elif billed.tenant_id != event.tenant_id:
        raise PermanentError("claim.submitted names a claim billed for another tenant")
    if claim.frequency_code == "7" and claim.original_claim_id and billed is None:
        await _mark_replaced(uow, event.tenant_id, UUID(claim.original_claim_id))
    if receivable is not None:
        await apply_waiting(uow, receivable, waiting_for=UUID(claim.claim_id))


async def _mark_replaced(uow: PaymentsUnitOfWork, tenant_id: UUID, original_claim_id: UUID) -> None:
    """A later payer's claim replaced: it holds no balance of its own, but the mark lets its payer's reversal
    answer the correction item that asked for it (application.corrected_primary)."""
    original = await uow.billed_claims.lock(original_claim_id)
    if original is not None and original.tenant_id == tenant_id and original.receivable_claim_id is not None \
            and not await uow.ledger.has_transaction(original_claim_id, ledger.REPLACED):
        await uow.ledger.add(Posting.for_claim(original, ledger.Transaction.empty(ledger.REPLACED)))


async def apply_waiting(uow: PaymentsUnitOfWork, billed: BilledClaim, *, waiting_for: UUID | None = None) -> None:
    """Payments and write-offs that arrived before the claim (`waiting_for`, else the receivable's own) post to
    the receivable now, oldest first."""
    for item in await uow.suspense.open_for_claim(billed.tenant_id, waiting_for or billed.claim_id):
        if item.kind == "write_off":
            await write_off(uow, billed, DenialResolved.model_validate(item.payment))
        else:
            try:
                await post_to_claim(uow, billed, RemitReceived.model_validate(item.payment))
            except AlreadyPosted:
                pass
            except NothingToReverse:
                item.reason = NOTHING_TO_REVERSE
                continue
        item.status = "posted"


async def _close_out(uow: PaymentsUnitOfWork, tenant_id: UUID, original_claim_id: UUID, correcting_claim_id: UUID,
                     *, kind: str, payer_claim_number: str | None = None) -> None:
    receivable = await uow.billed_claims.lock_receivable(original_claim_id)  # with the original, in id order
    original = await uow.billed_claims.lock(original_claim_id)
    if original is None or original.tenant_id != tenant_id:
        return
    # Recorded even with nothing open: the transaction marks the claim, so the payer's reversal (which reopens
    # what was paid) is closed out too.
    await close_open_balance(uow, original, kind, even_if_settled=True)
    if receivable is None or receivable.claim_id == original.claim_id:  # a primary: its later payers must follow
        await corrected_primary.open_work_items(uow, original, correcting_claim_id=correcting_claim_id,
                                                correction=kind)
    elif kind == ledger.VOIDED:
        await withdrawn_payer.after_void(uow, receivable, original.claim_id, payer_claim_number)
        await corrected_primary.close_on_later_void(uow, receivable, original.claim_id, payer_claim_number)
