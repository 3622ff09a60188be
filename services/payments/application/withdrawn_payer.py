"""A later payer's claim voided by the provider: the share the payer before it left the patient becomes the
patient's, in its categories (domain.withdrawn_share).

The void (claim.submitted, frequency 8) and the payer's reversal (CLP02 22) arrive in either order, and a payer
that denied or paid nothing may send a reversal that reopens nothing, or none at all. The void moves what
ar:insurance holds of the share already; a reversal posted after the void moves what it reopened. Each move is
capped by the share, so whichever comes last finds nothing left to move twice.
"""
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.domain import ledger, withdrawn_share


async def after_reversal(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived,
                         reversal: Posting) -> None:
    """The reversal just posted to the receivable names a later payer's claim that was voided already."""
    named = UUID(remit.claim_id) if remit.claim_id else None
    if named is not None and named != receivable.claim_id and await uow.ledger.has_transaction(named, ledger.VOIDED):
        await _share_to_patient(uow, receivable, reversal.id, reversal.payer_claim_number, reversal.transaction)


async def after_void(uow: PaymentsUnitOfWork, receivable: BilledClaim, voided_claim_id: UUID,
                     payer_claim_number: str | None) -> None:
    """A later payer's claim (its payer's number `payer_claim_number`, REF*F8) was voided: its reversals posted
    already, and what it never paid, leave the share to the patient."""
    if payer_claim_number:
        for reversal_id, transaction in await uow.ledger.reversals_named(receivable.tenant_id, receivable.claim_id,
                                                                          payer_claim_number):
            await _share_to_patient(uow, receivable, reversal_id, payer_claim_number, transaction)
    await _share_to_patient(uow, receivable, f"void/{voided_claim_id}", payer_claim_number, None)


async def _share_to_patient(uow: PaymentsUnitOfWork, receivable: BilledClaim, trigger: object,
                            payer_claim_number: str | None, reversal: ledger.Transaction | None) -> None:
    key = withdrawn_share.share_posting_key(trigger)
    if await uow.ledger.has_posting_key(receivable.tenant_id, key):
        return
    claim_id = str(receivable.claim_id)
    history = await uow.ledger.claim_history(receivable.tenant_id, receivable.claim_id)
    if withdrawn_share.primary_corrected(history):
        return  # the service is billed again or withdrawn: nobody owes the old share (domain.corrected_primary)
    if withdrawn_share.held_split(history) is not None:
        moved = withdrawn_share.share_to_patient(claim_id, history)
    elif reversal is not None:
        moved = withdrawn_share.legacy_share(claim_id, reversal)
    else:
        return
    if moved.entries:
        await uow.ledger.add(Posting.for_claim(receivable, moved, posting_key=key,
                                               payer_claim_number=payer_claim_number))
