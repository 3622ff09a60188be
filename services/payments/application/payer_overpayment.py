"""A later payer paying on its claim after we voided it: the cash held as owed back to the payer and a work item
in the suspense queue (domain.payer_overpayment); the payer's reversal of that payment closes the item."""
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.application.corrected_primary import close_as_settled
from services.payments.domain import ledger, payer_overpayment
from services.payments.domain.payer_overpayment import OVERPAYMENT


async def voided_claim_paid(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived) -> UUID | None:
    """The later payer's claim this answer names, when it is not the receivable's own and we voided it."""
    named = UUID(remit.claim_id) if remit.claim_id else None
    if named is None or named == receivable.claim_id:
        return None
    return named if await uow.ledger.has_transaction(named, ledger.VOIDED) else None


async def open_item(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived, posting: Posting,
                    voided_claim_id: UUID) -> None:
    """Once per posted payment: the posting key made the posting, and this item with it, happen once."""
    if not payer_overpayment.needs_work(remit):
        return
    await uow.suspense.add_many([{
        "kind": OVERPAYMENT, "tenant_id": receivable.tenant_id, "remit_id": UUID(remit.remit_id),
        "claim_id": voided_claim_id, "patient_control_number": remit.patient_control_number,
        "payment": {"paid": str(remit.paid), "payer_id": remit.payer_id, "transaction_id": str(posting.id),
                    "payer_claim_number": remit.payer_claim_control_number or None},
        "reason": payer_overpayment.reason(remit.payer_id, remit.paid), "status": "open"}])


async def close_settled(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived,
                        reversed_transaction_id: UUID) -> None:
    """The payer's reversal of a payment held for it just posted: the item about that payment is closed."""
    named = UUID(remit.claim_id) if remit.claim_id else receivable.claim_id
    for item in await uow.suspense.open_of_kind(receivable.tenant_id, named, kind=OVERPAYMENT):
        if payer_overpayment.settled_by_reversal(item.payment, str(reversed_transaction_id)):
            close_as_settled(uow, item, remit_id=remit.remit_id)
