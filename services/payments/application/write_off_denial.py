"""A denial worked to a write-off moves its amount (never more than is open) to adj:writeoff."""
from uuid import UUID

from shared.contracts.denial import DenialResolved
from shared.contracts.envelope import Envelope
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim, SuspenseItem
from services.payments.domain import ledger


async def post_write_off(uow: PaymentsUnitOfWork, event: Envelope[DenialResolved]) -> None:
    resolved = event.payload
    if resolved.resolution != "written_off":
        return
    billed = await uow.billed_claims.lock_receivable(UUID(resolved.claim_id))
    if billed is None or billed.tenant_id != event.tenant_id:
        # Topics are not ordered among themselves: the claim's claim.submitted may still be on its way.
        uow.suspense.add(SuspenseItem(
            kind="write_off", tenant_id=event.tenant_id, remit_id=UUID(resolved.denial_id),
            claim_id=UUID(resolved.claim_id), patient_control_number="", payment=resolved.model_dump(mode="json"),
            reason="write-off waiting for its submitted claim"))
        return
    await write_off(uow, billed, resolved)


async def write_off(uow: PaymentsUnitOfWork, billed: BilledClaim, resolved: DenialResolved) -> None:
    amount = min(resolved.amount, await uow.ledger.insurance_balance(billed.claim_id))
    if amount > 0:
        await uow.ledger.add(Posting.for_claim(billed, ledger.write_off_transaction(
            str(billed.claim_id), amount, resolved.reason or "write-off")))
