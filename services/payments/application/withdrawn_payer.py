"""A later payer's claim voided by the provider: once that payer's reversal is posted, the share it had answered
for becomes the patient's (domain.reversals.withdrawn_payers_share).

The void (claim.submitted, frequency 8) and the payer's reversal (CLP02 22) arrive in either order; whichever
comes second moves the share, once per reversal (its posting key).
"""
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.domain import ledger, reversals


async def after_reversal(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived,
                         reversal: Posting) -> None:
    """The reversal just posted to the receivable names a later payer's claim that was voided already."""
    named = UUID(remit.claim_id) if remit.claim_id else None
    if named is not None and named != receivable.claim_id and await uow.ledger.has_transaction(named, ledger.VOIDED):
        await _share_to_patient(uow, receivable, reversal.id, reversal.transaction, reversal.payer_claim_number)


async def after_void(uow: PaymentsUnitOfWork, receivable: BilledClaim, payer_claim_number: str | None) -> None:
    """A later payer's claim was voided (REF*F8 `payer_claim_number`) after its payer's reversal was posted."""
    if not payer_claim_number:
        return
    for reversal_id, transaction in await uow.ledger.reversals_named(receivable.tenant_id, receivable.claim_id,
                                                                      payer_claim_number):
        await _share_to_patient(uow, receivable, reversal_id, transaction, payer_claim_number)


async def _share_to_patient(uow: PaymentsUnitOfWork, receivable: BilledClaim, reversal_id: UUID,
                            reversal: ledger.Transaction, payer_claim_number: str | None) -> None:
    key = reversals.share_posting_key(reversal_id)
    if await uow.ledger.has_posting_key(receivable.tenant_id, key):
        return
    moved = reversals.withdrawn_payers_share(str(receivable.claim_id), reversal)
    await uow.ledger.add(Posting.for_claim(receivable, moved, posting_key=key, payer_claim_number=payer_claim_number))
