"""remit.received, a batch at a time: every claim payment counted for the denial rates, the denials it holds
opened (denial.opened), and the denials it pays closed by themselves (denial.resolved).

The claims and the denials still being worked are read once per batch; adjudications and denials are
written with multi-row statements. Remittances of one batch see each other in offset order: a later
payment in the batch closes a denial an earlier remittance of the same batch opened.
"""
import uuid
from collections import defaultdict
from datetime import date, datetime, timezone
from uuid import UUID

from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.kafka.consumer import EventBatch
from shared.money import ZERO
from services.denials.adapters.repositories import DenialsUnitOfWork, OpenDenial
from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import REVERSAL, DetectedDenial, detect_denials
from services.denials.domain.queue import appeal_deadline, priority_score, sla_due


async def take_remits(uow: DenialsUnitOfWork, batch: EventBatch, *, appeal_days: int) -> None:
    matched = [e for e in batch.envelopes if e.payload.claim_id]
    claims = await uow.submitted_claims.by_ids(UUID(e.payload.claim_id) for e in matched)
    replaced = {c.original_claim_id for c in claims.values() if c.original_claim_id}
    open_denials: dict[UUID, list[OpenDenial]] = defaultdict(list)
    for denial in await uow.denials.open_on_claims({*replaced, *(UUID(e.payload.claim_id) for e in matched)}):
        open_denials[denial.claim_id].append(denial)
    today, now = uow.today(), uow.now()
    adjudications, opened, closed = [], {}, set()
    for event in batch.traced():
        remit = event.payload
        if not remit.claim_id:
            continue  # unmatched: payments' suspense queue sends it again with its claim once applied
        claim = claims.get(UUID(remit.claim_id))
        claim = claim if claim is not None and claim.tenant_id == event.tenant_id else None
        # The 835 names the payer by its X12 id; the tenant's own payer id (as billed) groups the figures.
        payer_id = claim.payer_id if claim else remit.payer_id
        found = detect_denials(remit)
        if remit.status_code != REVERSAL:  # a reversal takes back a payment; it is not another adjudication
            adjudications.append(adjudication_row(event, payer_id, found, today))
        for denial in _paid_by(remit, event.tenant_id, claim, open_denials, closed):
            closed.add(denial.id)
            uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="paid",
                                    amount=denial.amount), tenant_id=event.tenant_id, subject_id=denial.claim_id)
        deadline = appeal_deadline(today, claim.payer_appeal_days if claim and claim.payer_appeal_days
                                   else appeal_days)
        for detected in found:
            row = denial_row(event, detected, payer_id=payer_id, deadline=deadline, now=now)
            opened[row["id"]] = row
            open_denials[row["claim_id"]].append(OpenDenial(
                row["id"], event.tenant_id, row["claim_id"], remit.remit_id, row["level"], row["procedure_code"],
                row["line_number"], row["amount"]))
            uow.emit(DenialOpened(denial_id=str(row["id"]), claim_id=remit.claim_id, remit_id=remit.remit_id,
                                  payer_id=payer_id, level=detected.level, procedure_code=detected.procedure_code,
                                  procedure_codes=covered_procedures(detected, remit, claim),
                                  carc_codes=list(detected.carc_codes), rarc_codes=list(detected.rarc_codes),
                                  category=detected.category, amount=detected.amount,
                                  preventable=detected.preventable),
                     tenant_id=event.tenant_id, subject_id=row["claim_id"])
    for denial_id in closed & opened.keys():
        opened[denial_id].update(status="resolved", resolved_at=now)
    await uow.adjudications.add_many(adjudications)
    await uow.denials.add_many(list(opened.values()))
    await uow.denials.resolve(closed - opened.keys(), at=now)


def _paid_by(remit: RemitReceived, tenant_id: UUID, claim, open_denials: dict[UUID, list[OpenDenial]],
             closed: set[UUID]) -> list[OpenDenial]:
    """Denials this remittance pays: on its claim, or on the claim it replaced (a corrected claim, frequency 7)."""
    claim_ids = [UUID(remit.claim_id)] + ([claim.original_claim_id] if claim and claim.original_claim_id else [])
    return [denial for claim_id in claim_ids for denial in open_denials.get(claim_id, ())
            if denial.tenant_id == tenant_id and denial.id not in closed and resolves_denial(remit, denial)]


def covered_procedures(denial: DetectedDenial, remit: RemitReceived, claim) -> list[str]:
    """The line's code; for a claim denial every billed code (an 835 may deny a claim without its SVC lines)."""
    if denial.procedure_code:
        return [denial.procedure_code]
    codes = [line.procedure_code for line in remit.service_lines] or (list(claim.procedure_codes) if claim else [])
    return list(dict.fromkeys(codes))


def adjudication_row(event: Envelope[RemitReceived], payer_id: str, found: list[DetectedDenial], today: date) -> dict:
    remit = event.payload
    claim_denied = any(d.level == "claim" for d in found)
    return {"remit_id": remit.remit_id, "patient_control_number": remit.patient_control_number,
            "tenant_id": event.tenant_id, "claim_id": UUID(remit.claim_id) if remit.claim_id else None,
            "payer_id": payer_id, "denied": bool(found), "denied_amount": sum((d.amount for d in found), ZERO),
            "procedure_codes": [line.procedure_code for line in remit.service_lines],
            "denied_procedure_codes": sorted({line.procedure_code for line in remit.service_lines} if claim_denied
                                             else {d.procedure_code for d in found if d.procedure_code}),
            "adjudicated_on": remit.payment_date or today}


def denial_row(event: Envelope[RemitReceived], found: DetectedDenial, *, payer_id: str, deadline: date,
               now: datetime) -> dict:
    """The new denial; its due day is counted from the day it opens, as the analytics count it."""
    remit, today = event.payload, now.astimezone(timezone.utc).date()
    return {"id": uuid.uuid4(), "tenant_id": event.tenant_id, "claim_id": UUID(remit.claim_id),
            "remit_id": remit.remit_id, "payer_id": payer_id, "level": found.level, "line_number": found.line_number,
            "procedure_code": found.procedure_code, "carc_codes": list(found.carc_codes),
            "rarc_codes": list(found.rarc_codes), "category": found.category, "preventable": found.preventable,
            "recommended_action": found.recommended_action, "explanation": list(found.explanation),
            "amount": found.amount, "partial": found.partial, "billed_amount": remit.charge,
            "payer_claim_number": remit.payer_claim_control_number, "status": "open",
            "priority": priority_score(found.amount, found.category, (deadline - today).days),
            "appeal_deadline": deadline, "sla_due": sla_due(today), "opened_at": now, "resolved_at": None}
