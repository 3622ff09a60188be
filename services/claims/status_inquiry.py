"""Asking about silent claims: no 277CA-accepted answer or 835 after the payer's expected days -> a 276.

Each round takes the submitted or accepted claims without a remittance whose payer's expected days
have passed (measured with the injected clock) and that are due to be asked; one 276 per tenant and
payer. The 277 moves the claim (pending -> accepted, finalized -> paid or denied, not found or
rejected -> the fix queue for resubmission) and sets the next date to ask. A 277 that cannot be read,
or that names a claim the tenant does not have, is kept with the reason (held_payer_response).
"""
import asyncio
import logging
from collections import defaultdict
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import and_, func, or_, select

from shared.contracts.claim import ClaimCoded
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import start_span
from shared.x12 import X12SyntaxError
from services.claims import handlers
from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.adapters.tables import BillingTenant, Claim, HeldPayerResponse, TenantPayer, isa_control_sequence
from services.claims.domain.claim_status import (StatusAnswer, StatusInquiry, inquiry_due, read_277, status_outcome,
                                                 write_276)
from services.claims.domain.x12_models import validate_transactions

log = logging.getLogger(__name__)
OPEN_STATUSES = ("submitted", "accepted")


async def inquire_silent_claims(uow: UnitOfWork, *, clearinghouse: Clearinghouse, submitter_id: str, usage: str,
                                limit: int, now: datetime) -> int:
    """Sends the 276s due now; returns how many claims were asked about."""
    rows = (await uow.session.execute(
        select(Claim, TenantPayer.expected_days)
        .join(TenantPayer, and_(TenantPayer.tenant_id == Claim.tenant_id, TenantPayer.payer_id == Claim.payer_id))
        .where(Claim.status.in_(OPEN_STATUSES), Claim.remit_received_at.is_(None), Claim.submitted_at.is_not(None),
               Claim.submitted_at + func.make_interval(0, 0, 0, TenantPayer.expected_days) <= now,
               or_(Claim.next_inquiry_on <= now.date(),
                   and_(Claim.next_inquiry_on.is_(None), Claim.status_inquired_at.is_(None))))
        .order_by(Claim.submitted_at).limit(limit).with_for_update(of=Claim, skip_locked=True))).all()
    groups: dict[tuple[UUID, str], list[Claim]] = defaultdict(list)
    for claim, expected_days in rows:
        if inquiry_due(submitted_at=claim.submitted_at, expected_days=expected_days,
                       last_inquiry_at=claim.status_inquired_at, next_inquiry_on=claim.next_inquiry_on, now=now):
            groups[(claim.tenant_id, claim.payer_id)].append(claim)
    for (tenant_id, payer_id), claims in groups.items():
        await _ask(uow, tenant_id, payer_id, claims, clearinghouse=clearinghouse, submitter_id=submitter_id,
                   usage=usage, now=now)
    return sum(len(c) for c in groups.values())


async def _ask(uow, tenant_id: UUID, payer_id: str, claims: list[Claim], *, clearinghouse, submitter_id, usage,
               now: datetime) -> None:
    tenant = await uow.session.get(BillingTenant, tenant_id)
    payer = await uow.session.get(TenantPayer, (tenant_id, payer_id))
    control = int(await uow.session.scalar(isa_control_sequence.next_value()))
    provider = tenant.billing_provider
    x12 = write_276([_inquiry(c) for c in claims], payer_name=payer.name, payer_x12_id=payer.x12_payer_id,
                    submitter_id=submitter_id, provider_name=provider["name"], provider_npi=provider["npi"],
                    control_number=control, created_at=now, usage=usage)
    errors = await asyncio.to_thread(validate_transactions, x12, "276")
    for claim in claims:
        claim.status_inquired_at = now
        claim.next_inquiry_on = now.date() + timedelta(days=1)  # asked again tomorrow unless the answer says when
        handlers.record(uow, claim, "status_inquiry_failed" if errors else "status_inquired",
                        {"interchange": control, **({"validator": errors[:5]} if errors else {})})
    if errors:
        return
    with start_span("276 claim status", attributes={"x12.claims": len(claims), "x12.isa13": control}):
        answer = await clearinghouse.claim_status(mailbox=str(tenant_id), control_number=control, x12=x12)
    if answer is not None:
        await apply_277(uow, tenant_id=tenant_id, text=answer, now=now)


def _inquiry(claim: Claim) -> StatusInquiry:
    coded = ClaimCoded.model_validate(claim.coded)
    dates = [coded.date_of_service]
    return StatusInquiry(trace=claim.patient_control_number, member_id=coded.coverage.member_id,
                         last_name=coded.patient.last_name, first_name=coded.patient.first_name,
                         birth_date=coded.patient.birth_date, sex=str(coded.patient.sex),
                         relationship=str(coded.coverage.relationship), payer_claim_number=claim.payer_claim_number,
                         total_charge=claim.total_charge, first_service=min(dates), last_service=max(dates))


async def apply_277(uow: UnitOfWork, *, tenant_id: UUID, text: str, now: datetime) -> dict:
    """Applies a claim status 277 to this tenant's claims; what cannot be applied is held with the reason."""
    try:
        answers = read_277(text)
    except X12SyntaxError as exc:
        uow.session.add(HeldPayerResponse(tenant_id=tenant_id, kind="277", reason=f"unreadable 277: {exc}"[:300],
                                          x12=text))
        return {"kind": "277", "claims": 0, "applied": 0, "held": 1}
    applied = held = 0
    for answer in answers:
        claim = await handlers.find_by_pcn(uow, tenant_id=tenant_id, pcn=answer.trace, lock=True)
        if claim is None:
            uow.session.add(HeldPayerResponse(tenant_id=tenant_id, kind="277", trace=answer.trace[:50], x12=text,
                                              reason="277 status for a claim this tenant does not have"))
            held += 1
            continue
        apply_status_answer(uow, claim, answer, now=now)
        applied += 1
    if not answers:
        uow.session.add(HeldPayerResponse(tenant_id=tenant_id, kind="277", x12=text,
                                          reason="277 without any claim status (no 2200D TRN)"))
        held += 1
    return {"kind": "277", "claims": len(answers), "applied": applied, "held": held}


def apply_status_answer(uow: UnitOfWork, claim: Claim, answer: StatusAnswer, *, now: datetime) -> None:
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
        handlers.transition(uow, claim, target, outcome.event, detail)
    else:
        handlers.record(uow, claim, outcome.event, detail)


def _text(value) -> str | None:
    return None if value is None else str(value)


def status_inquiry_loop(*, clearinghouse: Clearinghouse, settings, clock):
    async def run(runtime) -> None:
        while not runtime.stopping.is_set():
            try:
                async with runtime.units_of_work() as uow:
                    await inquire_silent_claims(uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id,
                                                usage=settings.x12_usage, limit=settings.submission_batch_size,
                                                now=clock())
            except ClearinghouseUnavailable as exc:
                log.warning("clearinghouse unavailable for 276 (%s); asking again next round", exc)
            await asyncio.sleep(settings.status_inquiry_interval_seconds)

    run.__name__ = "status_inquiry_loop"
    return run
