"""Working the suspense queue: apply a waiting payment to the claim it belongs to, refund a payer's overpayment, or
close an item with a reason."""
from datetime import date
from uuid import UUID

from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import AlreadyPosted, Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import SuspenseItem
from services.payments.application.claim_payment import NothingToReverse, post_to_claim
from services.payments.domain import payer_overpayment


class SuspenseNotFound(LookupError):
    pass


class SuspenseConflict(ValueError):
    """The item was already worked, or cannot be applied the way asked."""


async def _open_item(uow: PaymentsUnitOfWork, tenant_id: UUID, item_id: int) -> SuspenseItem:
    item = await uow.suspense.lock(item_id)
    if item is None or item.tenant_id != tenant_id:
        raise SuspenseNotFound(str(item_id))
    if item.status != "open":
        raise SuspenseConflict(f"the item is already {item.status}")
    return item


async def apply_to_claim(uow: PaymentsUnitOfWork, *, tenant_id: UUID, item_id: int, claim_id: UUID, note: str) -> SuspenseItem:
    """Post the waiting claim payment against a claim of the same tenant (the payer garbled CLP01), and
    emit remit.received for it with that claim, so claims records the adjudication and denials works it."""
    item = await _open_item(uow, tenant_id, item_id)
    if item.kind != "payment":
        raise SuspenseConflict("only a waiting claim payment can be applied to a claim")
    named = await uow.billed_claims.lock(claim_id)
    billed = await uow.billed_claims.lock_receivable(claim_id)  # a later payer's claim: the first claim's
    if named is None or billed is None or named.tenant_id != tenant_id:
        raise SuspenseNotFound(f"claim {claim_id}")
    # CLP01 as it should have read: claims finds its claim by it, denials by claim_id.
    remit = RemitReceived.model_validate({**item.payment, "claim_id": str(claim_id),
                                          "patient_control_number": named.patient_control_number})
    try:
        await post_to_claim(uow, billed, remit)
    except AlreadyPosted as exc:
        raise SuspenseConflict("this claim payment is already posted to that claim") from exc
    except NothingToReverse as exc:
        raise SuspenseConflict("the reversal names no unreversed payment of that claim") from exc
    # Claims and denials never saw this adjudication for the claim; payments' own consumer skips it
    # (the posting key above is in the ledger now).
    uow.emit(remit, tenant_id=tenant_id, subject_id=claim_id)
    item.claim_id, item.status = claim_id, "posted"
    item.resolution, item.resolved_at = f"applied to claim: {note}"[:200], uow.now()
    return item


async def refund_overpayment(uow: PaymentsUnitOfWork, *, tenant_id: UUID, item_id: int, reference: str, method: str,
                             refunded_on: date | None) -> SuspenseItem:
    """A person paid a payer's overpayment back: the refund is posted (domain.payer_overpayment.refund_to_payer), once
    per held payment, and the item closed saying how it was paid."""
    # The receivable first, as every posting to the claim locks it: a reversal of the same payment posts wholly
    # before this (the item is closed then) or after it (and finds the refund).
    about = await uow.suspense.claim_of(item_id)
    claim_id = about[1] if about is not None and about[0] == tenant_id else None
    receivable = await uow.billed_claims.lock_receivable(claim_id) if claim_id else None
    item = await _open_item(uow, tenant_id, item_id)
    try:
        amount = payer_overpayment.refund_amount(item.kind, item.payment)
    except payer_overpayment.NotRefundable as exc:
        raise SuspenseConflict(str(exc)) from None
    if receivable is None or receivable.tenant_id != tenant_id:
        raise SuspenseNotFound(f"claim {item.claim_id}")
    held, refunded_on = item.payment["transaction_id"], refunded_on or uow.today()
    refund = payer_overpayment.refund_to_payer(str(receivable.claim_id), amount, f"refund to the payer: {method}")
    key = payer_overpayment.refund_posting_key(held)
    try:
        await uow.ledger.add(Posting.for_claim(receivable, refund, posting_key=key, memo=f"refund {reference}"[:100]))
    except AlreadyPosted as exc:
        raise SuspenseConflict("this payment was refunded already") from exc
    item.payment = {**item.payment, "refund": {"reference": reference, "method": method,
                                               "refunded_on": refunded_on.isoformat()}}
    item.status, item.resolved_at = "closed", uow.now()
    item.resolution = payer_overpayment.refund_resolution(method, reference, refunded_on)
    return item


async def close(uow: PaymentsUnitOfWork, *, tenant_id: UUID, item_id: int, reason: str) -> SuspenseItem:
    """Close without posting (returned to the payer, posted elsewhere); the reason is kept."""
    item = await _open_item(uow, tenant_id, item_id)
    item.status, item.resolution, item.resolved_at = "closed", reason[:200], uow.now()
    return item


async def list_items(uow: PaymentsUnitOfWork, *, tenant_id: UUID, status: str, after: int | None,
                     limit: int) -> tuple[list[SuspenseItem], int | None]:
    """One page of the tenant's items in a status, by id; the cursor is the last id of the page."""
    rows = await uow.suspense.page(tenant_id, status=status, after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].id if more else None


def item_view(item: SuspenseItem) -> dict:
    return {"id": item.id, "kind": item.kind, "remit_id": str(item.remit_id),
            "claim_id": str(item.claim_id) if item.claim_id else None,
            "patient_control_number": item.patient_control_number, "reason": item.reason,
            "paid": item.payment.get("paid"), "status": item.status, "resolution": item.resolution,
            "created_at": item.created_at.isoformat() if item.created_at else None,
            "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None}
