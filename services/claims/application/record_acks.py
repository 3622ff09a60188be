"""277CA claim acknowledgments -> accepted (with the payer's claim number) or rejected, in bulk by PCN."""
from uuid import UUID

from shared.contracts.claim import ClaimAcknowledged
from services.claims.application.steps import transition
from services.claims.domain.acks import ClaimAck

UPDATED = ("status", "payer_claim_number")


async def record_acknowledgments(uow, *, tenant_id: UUID, acks: list[ClaimAck], x12: str) -> int:
    """Applies each claim status in file order; one for a claim the tenant does not have is kept (held).
    Returns how many were applied."""
    claims = await uow.claims.by_pcns((tenant_id, ack.patient_control_number) for ack in acks)
    applied = 0
    for ack in acks:
        claim = claims.get((tenant_id, ack.patient_control_number))
        if claim is None:
            uow.held_responses.add(tenant_id=tenant_id, kind="277CA", x12=x12, trace=ack.patient_control_number,
                                   reason="277CA status for a claim this tenant does not have")
            continue
        acknowledge(uow, claim, ack)
        applied += 1
    await uow.save_changes(claims.values(), UPDATED)
    return applied


def acknowledge(uow, claim, ack: ClaimAck) -> None:
    """Accepted records the payer claim number; rejected sends the claim to the fix queue."""
    detail = {"source": ack.source, "reasons": ack.reasons}
    if ack.accepted:
        claim.payer_claim_number = ack.payer_claim_number or claim.payer_claim_number
        detail["payer_claim_number"] = claim.payer_claim_number
    target = "accepted" if ack.accepted else "rejected"
    transition(uow, claim, target, target, detail)
    uow.emit(ClaimAcknowledged(claim_id=str(claim.id), source=ack.source, accepted=ack.accepted,
                               payer_claim_control_number=claim.payer_claim_number, reasons=ack.reasons),
             tenant_id=claim.tenant_id, subject_id=claim.id)
