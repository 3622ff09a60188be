"""remit.received -> claims adjudicated (paid, partial, denied; a reversal closes a void), in bulk by PCN."""
from shared import carcs
from shared.contracts.remit import RemitReceived
from shared.telemetry import link_to_trace
from services.claims.application.bill_next_payer import bill_next_payers, follow_up_answer
from services.claims.application.steps import transition
from services.claims.domain import states
from services.claims.domain.next_payer import answered_from_a_later_place

UPDATED = ("status", "payer_claim_number", "remit_received_at")


def adjudicated_status(remit: RemitReceived) -> str:
    """A line is denied when the payer adjusted its charge for a denial reason and paid nothing for it."""
    denied_lines = any(line.charge > 0 and any(carcs.is_denial(a.group_code, a.reason_code, line.paid)
                                               for a in line.adjustments) for line in remit.service_lines)
    return states.status_from_remit(remit.status_code, has_denied_lines=denied_lines)


async def apply_remits(uow, batch, *, catalog=None) -> None:
    """Locks the batch's claims once, applies each remit in order; a remit for no claim of ours changes
    nothing here (payments keeps it in its suspense queue). With the catalog, a payer's answer that leaves a
    share for the encounter's next coverage bills that payer (bill_next_payer.py)."""
    claims = await uow.claims.by_pcns((e.tenant_id, e.payload.patient_control_number) for e in batch.envelopes)
    voids, answered = [], []
    for envelope in batch.traced():
        claim = claims.get((envelope.tenant_id, envelope.payload.patient_control_number))
        if claim is not None:
            voids += await apply_remit(uow, claim, envelope.payload, known=claims)
            answered.append(follow_up_answer(uow, claim, envelope.payload))
    await uow.save_changes([*claims.values(), *voids], UPDATED)
    if catalog is not None:
        await bill_next_payers(uow, [a for a in answered if a is not None], catalog=catalog)


async def apply_remit(uow, claim, remit: RemitReceived, *, known: dict | None = None) -> list:
    """Returns the voids the remit closed (a reversal of a voided claim answers its void) that are not
    among the `known` claims already loaded by (tenant, PCN)."""
    known = known or {}
    link_to_trace(claim.trace_context)
    if remit.payer_claim_control_number and not answered_from_a_later_place(claim.payer_sequence, remit.status_code):
        claim.payer_claim_number = remit.payer_claim_control_number
    claim.remit_received_at = claim.remit_received_at or uow.now()
    detail = {"remit_id": remit.remit_id, "status_code": remit.status_code, "paid": str(remit.paid)}
    transition(uow, claim, adjudicated_status(remit), "adjudicated", detail)
    if remit.status_code != states.REVERSAL or claim.status != "voided":
        return []
    stored = await uow.claims.open_voids_of(claim.tenant_id, claim.id)
    voids = [known.get((v.tenant_id, v.patient_control_number), v) for v in stored]
    for void in voids:
        void.remit_received_at = void.remit_received_at or uow.now()
        transition(uow, void, "closed", "reversal_received", {**detail, "original_claim_id": str(claim.id)})
    return [v for v in voids if (v.tenant_id, v.patient_control_number) not in known]
