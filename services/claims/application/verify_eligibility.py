"""Verifying coverage before submission: one 270 per tenant and payer per round, answers cached per day.

Each round takes the ready claims not yet verified. A claim whose patient, member, payer and date of
service were answered today reuses that answer (the eligibility_check table); the others are asked in
one 270 per tenant and payer. Active coverage records plan, copay, deductible remaining and
coinsurance on the claim; anything else holds it with the reason before it can be submitted. Over the
dropbox the 271 comes back later through the acks endpoint (`apply_271`) and the next round uses it.

A round is set-based: one read of its claims (locked), one of their cached answers, one of their tenants with
their payers and one of its control numbers; the claims' changes, the answers to cache and the
timeline are each written with one statement. Only the 270s themselves are one per tenant and payer.
"""
import asyncio
import logging
from collections import defaultdict
from datetime import date, datetime, timedelta
from uuid import UUID

from shared.contracts.claim import ClaimCoded
from shared.contracts.common import EditResult, Severity
from shared.telemetry import start_span
from shared.x12 import X12SyntaxError
from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.adapters.claim_records import ClaimRecord
from services.claims.application.coded_claims import CodedClaims
from services.claims.application.references import missing_reference
from services.claims.application.steps import record, transition
from services.claims.domain.eligibility import (EligibilityAnswer, EligibilityResponse, Inquiry, eligibility_edit,
                                                is_cacheable, read_271, write_270)
from services.claims.adapters.x12_models import validate_transactions

log = logging.getLogger(__name__)
AWAIT_ANSWER = timedelta(minutes=15)  # dropbox: ask again when no 271 came back in this time
UPDATED = ("status", "eligibility", "eligibility_requested_at", "edits")
Key = tuple[UUID, str, str, str, date]  # tenant, payer, patient id, member id, date of service
Answers = dict[Key, EligibilityAnswer]  # the round's answers to cache


def eligibility_key(claim: ClaimRecord) -> Key:
    coded = claim.coded
    return (claim.tenant_id, claim.payer_id, coded["patient"]["id"], coded["coverage"]["member_id"],
            date.fromisoformat(coded["date_of_service"]))


async def verify_ready_claims(uow, *, clearinghouse: Clearinghouse, submitter_id: str, usage: str, limit: int) -> int:
    """Verifies up to `limit` ready, unverified claims; returns how many were settled (verified or held)."""
    claims = await uow.claims.unverified(limit)
    settled = await verify_claims(uow, claims, clearinghouse=clearinghouse, submitter_id=submitter_id, usage=usage)
    await uow.save_changes(claims, UPDATED)
    return settled


async def verify_claims(uow, claims: list[ClaimRecord], *, clearinghouse: Clearinghouse, submitter_id: str,
                        usage: str, now: datetime | None = None, cached: Answers | None = None,
                        coded: CodedClaims | None = None) -> int:
    """Verifies these locked, unverified claims in memory (the caller writes them back with `UPDATED`);
    returns how many were settled. A 270 the clearinghouse could not take leaves its claims as they were,
    for the next round, without undoing the others' answers. `cached`, when given, holds the answers cached
    on `now`'s day for these claims' keys (read with the claims); otherwise they are read here."""
    if not claims:
        return 0
    now, coded = now or uow.now(), coded or CodedClaims()
    if cached is None:
        cached = await uow.eligibility.answers({eligibility_key(c) for c in claims}, now.date())
    settled, to_ask = 0, defaultdict(list)
    for claim in claims:
        answer = cached.get(eligibility_key(claim))
        if answer is not None:
            apply_answer(uow, claim, answer, now=now, cached=True)
            settled += 1
        elif claim.eligibility_requested_at is None or now - claim.eligibility_requested_at > AWAIT_ANSWER:
            to_ask[(claim.tenant_id, claim.payer_id)].append(claim)
    tenants, payers = await uow.payers.with_tenants(to_ask)
    controls = await uow.interchanges.next_control_numbers(len(to_ask))
    learned: Answers = {}
    for ((tenant_id, payer_id), group), control in zip(to_ask.items(), controls):
        tenant, payer = tenants.get(tenant_id), payers.get((tenant_id, payer_id))
        missing = missing_reference(tenant, payer, payer_id)
        for claim in group if missing else ():
            _hold(uow, claim, missing)
        settled += len(group) if missing else await _ask(
            uow, tenant, payer, group, control, learned, clearinghouse=clearinghouse, submitter_id=submitter_id,
            usage=usage, now=now, coded=coded)
    await uow.eligibility.remember_many(learned, checked_on=now.date())
    return settled


async def _ask(uow, tenant, payer, claims: list[ClaimRecord], control: int, learned: Answers, *, clearinghouse,
               submitter_id, usage, now, coded: CodedClaims) -> int:
    """One 270 for a tenant's claims with one payer; their answers applied in memory when it answers at once."""
    by_key: dict[Key, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        by_key[eligibility_key(claim)].append(claim)
    firsts = [group[0] for group in by_key.values()]
    inquiries = [_inquiry(claim, document) for claim, document in zip(firsts, coded.of(firsts))]
    provider = tenant.billing_provider
    x12 = write_270(inquiries, payer_name=payer.name, payer_x12_id=payer.x12_payer_id, provider_name=provider["name"],
                    provider_npi=provider["npi"], sender_id=submitter_id, control_number=control, created_at=now,
                    usage=usage)
    errors = await asyncio.to_thread(validate_transactions, x12, "270")
    if errors:
        edit = EditResult(edit_id="ELIG-270-INVALID", severity=Severity.ERROR,
                          message="the eligibility inquiry (270) failed validation", codes=errors[:5])
        for claim in claims:
            _hold(uow, claim, edit)
        return len(claims)
    with start_span("270 eligibility", attributes={"x12.inquiries": len(inquiries), "x12.isa13": control}):
        try:
            answer = await clearinghouse.eligibility(mailbox=str(tenant.tenant_id), control_number=control, x12=x12)
        except ClearinghouseUnavailable as exc:
            log.warning("clearinghouse unavailable for a 270 (%s); its claims are asked again next round", exc)
            return 0
    if answer is None:  # the dropbox: the 271 arrives later
        for claim in claims:
            claim.eligibility_requested_at = now
            record(uow, claim, "eligibility_requested", {"interchange": control})
        return 0
    traces = {inquiry.trace: by_key[key] for inquiry, key in zip(inquiries, by_key)}
    _apply_response(uow, tenant.tenant_id, answer, traces, learned, now=now)
    return len(claims)


def _inquiry(claim: ClaimRecord, coded: ClaimCoded) -> Inquiry:
    patient = coded.patient
    return Inquiry(trace=claim.patient_control_number, member_id=coded.coverage.member_id,
                   last_name=patient.last_name, first_name=patient.first_name, birth_date=patient.birth_date,
                   sex=str(patient.sex), relationship=str(coded.coverage.relationship),
                   date_of_service=coded.date_of_service)


def _apply_response(uow, tenant_id: UUID, text: str, traces: dict[str, list[ClaimRecord]], learned: Answers, *,
                    now: datetime) -> None:
    try:
        response = read_271(text)
    except X12SyntaxError as exc:
        uow.held_responses.add(tenant_id=tenant_id, kind="271", reason=f"unreadable 271: {exc}", x12=text)
        edit = EditResult(edit_id="ELIG-RESPONSE-UNREADABLE", severity=Severity.ERROR,
                          message="the payer's eligibility response (271) could not be read; it is kept for review")
        for claims in traces.values():
            for claim in claims:
                _hold(uow, claim, edit)
        return
    for trace, claims in traces.items():
        answer = response.answer_for(trace)
        if is_cacheable(answer):
            learned[eligibility_key(claims[0])] = answer
        for claim in claims:
            apply_answer(uow, claim, answer, now=now)


def apply_answer(uow, claim: ClaimRecord, answer: EligibilityAnswer, *, now: datetime,
                 cached: bool = False) -> None:
    """Record the coverage on the claim; hold it before submission when the coverage is not active."""
    claim.eligibility = {**answer.public(), "checked_on": now.date().isoformat(), "cached": cached}
    edit = eligibility_edit(answer)
    if edit is None:
        record(uow, claim, "eligibility_verified", {k: v for k, v in claim.eligibility.items()
                                                             if k != "reasons"})
    else:
        _hold(uow, claim, edit)


def _hold(uow, claim: ClaimRecord, edit: EditResult) -> None:
    claim.edits = [*(claim.edits or []), edit.model_dump(mode="json")]
    if claim.eligibility is None:
        claim.eligibility = {"status": "unverified", "reasons": [edit.edit_id]}
    transition(uow, claim, "held", "held", {"edits": [edit.edit_id], "codes": edit.codes[:5]})


async def apply_271(uow, *, tenant_id: UUID, text: str) -> dict:
    """A 271 that came back on its own (dropbox): cache each answer, settle the claims waiting on it."""
    now = uow.now()
    try:
        response: EligibilityResponse = read_271(text)
    except X12SyntaxError as exc:
        uow.held_responses.add(tenant_id=tenant_id, kind="271", reason=f"unreadable 271: {exc}", x12=text)
        return {"kind": "271", "answers": 0, "applied": 0, "held": 1}
    claims = await uow.claims.answered((tenant_id, trace) for trace in response.answers)
    applied = held = 0
    learned: Answers = {}
    for trace, answer in response.answers.items():
        claim = claims.get((tenant_id, trace))
        if claim is None:
            uow.held_responses.add(tenant_id=tenant_id, kind="271", trace=trace, x12=text,
                                   reason="271 answer for a claim this tenant does not have")
            held += 1
            continue
        if is_cacheable(answer):
            learned[eligibility_key(claim)] = answer
        if claim.status == "ready" and claim.eligibility is None:
            apply_answer(uow, claim, answer, now=now)
            applied += 1
    if applied:
        uow.note_ready()  # verified claims wait for the next round to be batched
    await uow.eligibility.remember_many(learned, checked_on=now.date())
    await uow.save_changes(claims.values(), UPDATED)
    return {"kind": "271", "answers": len(response.answers), "applied": applied, "held": held}
