"""A primary claim replaced or voided while a later payer rests on its answer: a work item per later payer
(domain.corrected_primary), in the suspense queue, once per correction however often it is delivered; a crossover
payer's item, and a later payer's item once its claim is voided or replaced, closes itself when that payer's reversal
posts."""
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.repositories import PaymentsUnitOfWork, open_suspense_row
from services.payments.adapters.tables import BilledClaim, SuspenseItem
from services.payments.domain import corrected_primary, ledger
from services.payments.domain.corrected_primary import CORRECTION, LaterPayerClaim


async def open_work_items(uow: PaymentsUnitOfWork, primary: BilledClaim, *, correcting_claim_id: UUID,
                          correction: str) -> None:
    """`correction` ('replaced' or 'voided') of `primary` by the claim `correcting_claim_id`."""
    later = await uow.billed_claims.later_payer_claims(primary.tenant_id, primary.claim_id)
    answers = [] if later else await uow.ledger.payer_answers(primary.tenant_id, primary.claim_id)
    items = corrected_primary.work_items(
        correction, primary_claim_id=str(primary.claim_id), primary_pcn=primary.patient_control_number,
        later_claims=[LaterPayerClaim(str(c.claim_id), c.patient_control_number) for c in later],
        crossover=corrected_primary.crossover_answers(primary.payers_after, answers))
    opened = {(i.claim_id, i.reason) for i in await uow.suspense.of_source(primary.tenant_id, correcting_claim_id,
                                                                            kind=CORRECTION)}
    await uow.suspense.add_many([
        open_suspense_row(CORRECTION, primary.tenant_id, remit_id=correcting_claim_id, claim_id=UUID(item.claim_id),
                          patient_control_number=item.patient_control_number,
                          payment={"correction": correction, "primary_claim_id": str(primary.claim_id),
                                   "payer_claim_number": item.payer_claim_number},
                          reason=item.reason)
        for item in items if (UUID(item.claim_id), item.reason) not in opened])


async def close_settled(uow: PaymentsUnitOfWork, receivable: BilledClaim, *, reversed_payer_claim_number: str | None,
                        remit_id: str) -> None:
    """A payer's reversal just posted to `receivable`: the open items it answers are closed, saying so."""
    for item in await uow.suspense.open_of_kind(receivable.tenant_id, receivable.claim_id, kind=CORRECTION):
        if corrected_primary.settled_by_reversal(item.payment, reversed_payer_claim_number):
            close_as_settled(uow, item, remit_id=remit_id)


async def close_withdrawn_later_claim(uow: PaymentsUnitOfWork, receivable: BilledClaim, remit: RemitReceived) -> None:
    """A payer's reversal named a later payer's claim we voided or replaced: the correction item that asked for
    it is answered."""
    named = UUID(remit.claim_id) if remit.claim_id else None
    if named is not None and named != receivable.claim_id and await withdrawn(uow, named):
        for item in await uow.suspense.open_of_kind(receivable.tenant_id, named, kind=CORRECTION):
            close_as_settled(uow, item, remit_id=remit.remit_id)


async def close_on_later_void(uow: PaymentsUnitOfWork, receivable: BilledClaim, later_claim_id: UUID,
                              payer_claim_number: str | None) -> None:
    """A later payer's claim voided after its payer's reversal posted (the two come in either order): its
    correction item is answered by that reversal."""
    if not payer_claim_number or not await uow.ledger.reversals_named(receivable.tenant_id, receivable.claim_id,
                                                                      payer_claim_number):
        return
    for item in await uow.suspense.open_of_kind(receivable.tenant_id, later_claim_id, kind=CORRECTION):
        close_as_settled(uow, item, remit_id=None)


async def withdrawn(uow: PaymentsUnitOfWork, claim_id: UUID) -> bool:
    """Whether we voided or replaced the claim (its close-out transaction marks it)."""
    return (await uow.ledger.has_transaction(claim_id, ledger.VOIDED)
            or await uow.ledger.has_transaction(claim_id, ledger.REPLACED))


def close_as_settled(uow: PaymentsUnitOfWork, item: SuspenseItem, *, remit_id: str | None) -> None:
    """A work item the payer's reversal answered: closed, the resolution naming that remittance."""
    item.status, item.resolved_at = "closed", uow.now()
    item.resolution = corrected_primary.settled_resolution(remit_id)
