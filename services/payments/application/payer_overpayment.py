"""A payer paying on its claim after we voided it: the cash held as owed back to the payer and a work item in the
suspense queue (domain.payer_overpayment); the payer's reversal of that payment closes the item, and a reversal of
a payment refunded already opens an item asking the payer for it back."""
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork, open_suspense_row
from services.payments.adapters.tables import BilledClaim
from services.payments.application.corrected_primary import close_as_settled
from services.payments.domain import ledger, payer_overpayment, reversals
from services.payments.domain.payer_overpayment import OVERPAYMENT, RECOUPMENT


async def voided_claim_paid(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived) -> UUID | None:
    """The claim this answer names when we voided it: a later payer's, or the receivable's own (the primary, or a
    payer that crossed over on it)."""
    named = UUID(remit.claim_id) if remit.claim_id else None
    if named is None:
        return None
    return named if await uow.ledger.has_transaction(named, ledger.VOIDED) else None


async def open_item(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived, posting: Posting,
                    voided_claim_id: UUID) -> None:
    """Once per posted payment: the posting key made the posting, and this item with it, happen once."""
    if not payer_overpayment.needs_work(remit):
        return
    await uow.suspense.add_many([open_suspense_row(
        OVERPAYMENT, receivable.tenant_id, remit_id=UUID(remit.remit_id), claim_id=voided_claim_id,
        patient_control_number=remit.patient_control_number,
        payment={"paid": str(remit.paid), "payer_id": remit.payer_id, "transaction_id": str(posting.id),
                 "payer_claim_number": remit.payer_claim_control_number or None},
        reason=payer_overpayment.reason(remit.payer_id, remit.paid))])


async def after_reversal(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived, reversal: Posting,
                         reversed_transaction_id: UUID) -> None:
    """The payer's reversal of a payment held for it just posted: the item about that payment is closed; when we
    had refunded that payment already, the payer owes it to us now, and an item says so."""
    named = UUID(remit.claim_id) if remit.claim_id else receivable.claim_id
    for item in await uow.suspense.open_of_kind(receivable.tenant_id, named, kind=OVERPAYMENT):
        if payer_overpayment.settled_by_reversal(item.payment, str(reversed_transaction_id)):
            close_as_settled(uow, item, remit_id=remit.remit_id)
    recouped = ledger.claim_balance(list(reversal.transaction.entries), ledger.PAYER_RECOUPED)
    if recouped:
        await uow.suspense.add_many([open_suspense_row(
            RECOUPMENT, receivable.tenant_id, remit_id=UUID(remit.remit_id), claim_id=named,
            patient_control_number=remit.patient_control_number,
            payment={"paid": str(recouped), "payer_id": remit.payer_id, "transaction_id": str(reversal.id),
                     "refunded_transaction_id": str(reversed_transaction_id)},
            reason=payer_overpayment.recoupment_reason(remit.payer_id, recouped))])


async def reversal_of_held(uow: PaymentsUnitOfWork, tenant_id: UUID, held: reversals.PostedPayment,
                           payment: ledger.Transaction) -> ledger.Transaction:
    """A reversal of a payment held for the payer takes the liability back, or, once we refunded it, leaves the
    payer owing it (domain.payer_overpayment.recouped_after_refund)."""
    if await uow.ledger.has_posting_key(tenant_id, payer_overpayment.refund_posting_key(held.id)):
        return payer_overpayment.recouped_after_refund(payment)
    return ledger.reverse_transaction(payment)
