"""Asking about silent claims: no 277CA-accepted answer or 835 after the payer's expected days -> a 276.

Each round takes the submitted or accepted claims without a remittance whose payer's expected days
have passed (measured with the injected clock) and that are due to be asked; one 276 per tenant and
payer. The 277 moves the claim (pending -> accepted, finalized -> paid or denied, not found or
rejected -> the fix queue for resubmission) and sets the next date to ask. A 277 that cannot be read,
or that names a claim the tenant does not have, is kept with the reason (held_payer_response).

A round reads its due claims of every tenant in one query (through a partial index of the claims still
owed an answer), their tenants, payers and control numbers in one each, and writes the claims' changes
and the timeline with one statement each; a 277 that comes back is applied to the claims in memory.
"""
import asyncio
from collections import defaultdict
from datetime import datetime, timedelta
from uuid import UUID

from shared.contracts.claim import ClaimCoded
from shared.telemetry import start_span
from shared.x12 import X12SyntaxError
from services.claims.adapters.clearinghouse import Clearinghouse
from services.claims.adapters.claim_records import ClaimRecord, PcnKey
from services.claims.application.references import missing_reference
from services.claims.application.steps import record, transition
from services.claims.domain.claim_status import (StatusAnswer, StatusInquiry, inquiry_due, read_277, status_outcome,
                                                 write_276)
from services.claims.adapters.x12_models import validate_transactions

UPDATED = ("status", "status_inquired_at", "next_inquiry_on", "payer_claim_number", "last_payer_status")


async def inquire_silent_claims(uow, *, clearinghouse: Clearinghouse, submitter_id: str, usage: str,
                                limit: int) -> int:
    """Sends the 276s due now; returns how many claims were asked about."""
    now = uow.now()
    rows = await uow.follow_up.due_for_inquiry(now=now, limit=limit)
    groups: dict[tuple[UUID, str], list[ClaimRecord]] = defaultdict(list)
    for claim, expected_days in rows:
        if inquiry_due(submitted_at=claim.submitted_at, expected_days=expected_days,
                       last_inquiry_at=claim.status_inquired_at, next_inquiry_on=claim.next_inquiry_on, now=now):
            groups[(claim.tenant_id, claim.payer_id)].append(claim)
    tenants, payers = await uow.payers.with_tenants(groups)
    controls = await uow.interchanges.next_control_numbers(len(groups))
    known: dict[PcnKey, ClaimRecord] = {(c.tenant_id, c.patient_control_number): c for c, _ in rows}
    for ((tenant_id, payer_id), claims), control in zip(groups.items(), controls):
        tenant, payer = tenants.get(tenant_id), payers.get((tenant_id, payer_id))
        missing = missing_reference(tenant, payer, payer_id)
        if missing:
            _put_off(uow, claims, {"edits": [missing.edit_id]}, now=now)
            continue
        answer = await _ask(uow, tenant, payer, claims, control, clearinghouse=clearinghouse,
                            submitter_id=submitter_id, usage=usage, now=now)
        if answer is not None:
            await _apply(uow, tenant_id, answer, known, now=now)
    await uow.save_changes(known.values(), UPDATED)
    return sum(len(c) for c in groups.values())


async def _ask(uow, tenant, payer, claims: list[ClaimRecord], control: int, *, clearinghouse, submitter_id, usage,
               now: datetime) -> str | None:
    """One 276 for a tenant's claims with one payer; the 277 when the channel answers at once."""
    provider = tenant.billing_provider
    x12 = write_276([_inquiry(c) for c in claims], payer_name=payer.name, payer_x12_id=payer.x12_payer_id,
                    submitter_id=submitter_id, provider_name=provider["name"], provider_npi=provider["npi"],
                    control_number=control, created_at=now, usage=usage)
    errors = await asyncio.to_thread(validate_transactions, x12, "276")
    if errors:
        _put_off(uow, claims, {"interchange": control, "validator": errors[:5]}, now=now)
        return None
    _put_off(uow, claims, {"interchange": control}, now=now, event="status_inquired")
    with start_span("276 claim status", attributes={"x12.claims": len(claims), "x12.isa13": control}):
        return await clearinghouse.claim_status(mailbox=str(tenant.tenant_id), control_number=control, x12=x12)


def _put_off(uow, claims: list[ClaimRecord], detail: dict, *, now: datetime,
             event: str = "status_inquiry_failed") -> None:
    """Asked (or not askable) now: asked again tomorrow unless the answer says when."""
    for claim in claims:
        claim.status_inquired_at = now
        claim.next_inquiry_on = now.date() + timedelta(days=1)
        record(uow, claim, event, detail)


def _inquiry(claim: ClaimRecord) -> StatusInquiry:
    coded = ClaimCoded.model_validate(claim.coded)
    dates = [coded.date_of_service]
    return StatusInquiry(trace=claim.patient_control_number, member_id=coded.coverage.member_id,
                         last_name=coded.patient.last_name, first_name=coded.patient.first_name,
                         birth_date=coded.patient.birth_date, sex=str(coded.patient.sex),
                         relationship=str(coded.coverage.relationship), payer_claim_number=claim.payer_claim_number,
                         total_charge=claim.total_charge, first_service=min(dates), last_service=max(dates))


async def apply_277(uow, *, tenant_id: UUID, text: str) -> dict:
    """Applies a claim status 277 to this tenant's claims; what cannot be applied is held with the reason."""
    claims: dict[PcnKey, ClaimRecord] = {}
    result = await _apply(uow, tenant_id, text, claims, now=uow.now())
    await uow.save_changes(claims.values(), UPDATED)
    return result


async def _apply(uow, tenant_id: UUID, text: str, claims: dict[PcnKey, ClaimRecord], *, now: datetime) -> dict:
    """The 277's answers applied to `claims` in memory; the claims it names that are not there yet are read
    (locked) in one query and added to it, for the caller to write back."""
    try:
        answers = read_277(text)
    except X12SyntaxError as exc:
        uow.held_responses.add(tenant_id=tenant_id, kind="277", reason=f"unreadable 277: {exc}", x12=text)
        return {"kind": "277", "claims": 0, "applied": 0, "held": 1}
    claims.update(await uow.claims.answered({(tenant_id, a.trace) for a in answers} - claims.keys()))
    applied = held = 0
    for answer in answers:
        claim = claims.get((tenant_id, answer.trace))
        if claim is None:
            uow.held_responses.add(tenant_id=tenant_id, kind="277", trace=answer.trace, x12=text,
                                   reason="277 status for a claim this tenant does not have")
            held += 1
            continue
        apply_status_answer(uow, claim, answer, now=now)
        applied += 1
    if not answers:
        uow.held_responses.add(tenant_id=tenant_id, kind="277", x12=text,
                               reason="277 without any claim status (no 2200D TRN)")
        held += 1
    return {"kind": "277", "claims": len(answers), "applied": applied, "held": held}


def apply_status_answer(uow, claim: ClaimRecord, answer: StatusAnswer, *, now: datetime) -> None:
    outcome = status_outcome(answer)
    claim.status_inquired_at = now
    claim.next_inquiry_on = now.date() + timedelta(days=outcome.next_inquiry_days) \
        if outcome.next_inquiry_days is not None else None
    if answer.payer_claim_number:
        claim.payer_claim_number = answer.payer_claim_number
    detail = {"statuses": list(answer.statuses), "payer_claim_number": answer.payer_claim_number,
              "charge": _text(answer.charge), "paid": _text(answer.paid), "remittance_trace": answer.remittance_trace,
              "next_inquiry_on": claim.next_inquiry_on.isoformat() if claim.next_inquiry_on else None}
    claim.last_payer_status = {**detail, "event": outcome.event, "at": now.isoformat()}
    target = outcome.target
    if target and target != claim.status:
        transition(uow, claim, target, outcome.event, detail)
    else:
        record(uow, claim, outcome.event, detail)


def _text(value) -> str | None:
    return None if value is None else str(value)

