"""Submitting ready claims: batch per tenant and payer, write the 837P, validate it, send it.

The file is validated by pyx12 before it leaves; a file with any error is not sent and its claims
are held with the validator's messages.

Sending is exactly-once toward the clearinghouse, in two steps. First the interchange is written and
committed (status `sending`, its claims `submitting`); then the stored file is handed over, and the
999, the claims' `submitted` transitions and claim.submitted events commit together. A crash between
the two resends the same file with the same ISA13, which the clearinghouse recognises as the
interchange it already has; a new control number would have made the payer see every claim twice.

Only claims whose coverage was verified (eligibility.py, the step before batching in each round) are sent.
"""
import asyncio
import logging
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from uuid import UUID

from sqlalchemy import select

from shared.contracts.claim import ClaimCoded, ClaimSubmitted, SubmittedLine
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import continue_trace, start_span
from services.claims import handlers
from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.adapters.tables import BillingTenant, Claim, Interchange, TenantPayer, isa_control_sequence
from services.claims.catalog import Catalog
from services.claims.domain.acks import read_999
from services.claims.domain.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from services.claims.eligibility import verify_ready_claims
from services.claims.mapping import payer_from_row

log = logging.getLogger(__name__)
SENDING = "sending"


async def batch_ready_claims(uow: UnitOfWork, *, catalog: Catalog, submitter_id: str, usage: str, limit: int) -> int:
    """Step one: ready claims become validated interchanges waiting to be sent. Returns the claims batched."""
    rows = await uow.session.execute(
        select(Claim).where(Claim.status == "ready", Claim.eligibility.is_not(None)).order_by(Claim.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    groups: dict[tuple[UUID, str], list[Claim]] = defaultdict(list)
    for claim in rows.scalars():
        groups[(claim.tenant_id, claim.payer_id)].append(claim)
    batched = 0
    for (tenant_id, payer_id), claims in groups.items():
        batched += await _batch_group(uow, tenant_id, payer_id, claims, catalog=catalog, submitter_id=submitter_id,
                                      usage=usage)
    return batched


async def _batch_group(uow, tenant_id, payer_id, claims, *, catalog, submitter_id, usage) -> int:
    tenant = await uow.session.get(BillingTenant, tenant_id)
    payer = payer_from_row(await uow.session.get(TenantPayer, (tenant_id, payer_id)))
    domain_claims = [catalog.build(ClaimCoded.model_validate(c.coded), tenant, payer) for c in claims]
    control = int(await uow.session.scalar(isa_control_sequence.next_value()))
    x12 = write_837p(domain_claims, sender_id=submitter_id, receiver_id=payer.x12_payer_id,
                     interchange_control_number=control, group_control_number=control,
                     created_at=datetime.now(timezone.utc), usage=usage)
    with start_span("837P validate", attributes={"x12.claims": len(claims), "x12.isa13": control}):
        errors = await asyncio.to_thread(validate_x12, x12)
    if errors:
        for claim in claims:
            handlers.transition(uow, claim, "held", "validation_failed", {"validator": errors[:20]})
        return 0
    uow.session.add(Interchange(id=control, tenant_id=tenant_id, payer_id=payer_id, x12=x12, claim_count=len(claims),
                                ack_status=SENDING))
    for claim in claims:
        claim.interchange_id = control
        handlers.transition(uow, claim, "submitting", "batched", {"interchange": control})
    return len(claims)


async def next_interchange_to_send(uow: UnitOfWork) -> Interchange | None:
    return (await uow.session.execute(
        select(Interchange).where(Interchange.ack_status == SENDING).order_by(Interchange.id).limit(1)
        .with_for_update(skip_locked=True))).scalar_one_or_none()


async def send_interchange(uow: UnitOfWork, interchange: Interchange, *, catalog: Catalog,
                           clearinghouse: Clearinghouse) -> int:
    """Step two: hand the stored file over and record what the clearinghouse said, in one transaction."""
    control = interchange.id
    with start_span("837P submit", attributes={"x12.claims": interchange.claim_count, "x12.isa13": control}):
        answer = await clearinghouse.submit(mailbox=str(interchange.tenant_id), control_number=control,
                                            x12=interchange.x12)
    ack = read_999(answer) if answer else None
    interchange.ack_status = "sent" if ack is None else ("accepted" if ack.accepted else "rejected")
    claims = await _lock_interchange_claims(uow, control)
    if not claims:
        return 0
    tenant = await uow.session.get(BillingTenant, interchange.tenant_id)
    payer = payer_from_row(await uow.session.get(TenantPayer, (interchange.tenant_id, interchange.payer_id)))
    for claim in claims:
        if ack is not None and not ack.accepted:
            handlers.transition(uow, claim, "submitted", "submitted", {"interchange": control})
            handlers.transition(uow, claim, "rejected", "rejected", {"source": "999", "reasons": ack.errors[:20]})
            continue
        coded = ClaimCoded.model_validate(claim.coded)
        # Back in the encounter's own trace: one trace runs from POST /v1/encounters to claim.submitted.
        with continue_trace(claim.trace_context, "claim submitted", **{"billing.claim_id": str(claim.id),
                                                                       "x12.isa13": control}):
            handlers.transition(uow, claim, "submitted", "submitted", {"interchange": control})
            _start_follow_up_clock(claim, payer.expected_days)
            _emit_submitted(uow, claim, catalog.build(coded, tenant, payer), coded, payer, control)
    return len(claims)


async def _lock_interchange_claims(uow: UnitOfWork, control: int) -> list[Claim]:
    """Every claim of the interchange, locked so a concurrent acknowledgment or remit waits for this step.

    A claim the payer already answered while it was being handed over is past `submitted`: the machine keeps
    its state, but it was submitted all the same, so it still gets its claim.submitted (its charge)."""
    rows = await uow.session.execute(select(Claim).where(Claim.interchange_id == control)
                                     .order_by(Claim.id).with_for_update()
                                     .execution_options(populate_existing=True))
    return sorted(rows.scalars().all(), key=lambda claim: claim.created_at)


def _start_follow_up_clock(claim: Claim, expected_days: int) -> None:
    """submitted_at stays the first submission (the lag KPI, the claim's age); a resubmission gets the payer's
    expected days again before it is asked about."""
    now = datetime.now(timezone.utc)
    if claim.submitted_at is None:
        claim.submitted_at = now
    else:
        claim.next_inquiry_on = (now + timedelta(days=expected_days)).date()


def _emit_submitted(uow: UnitOfWork, claim: Claim, domain_claim, coded: ClaimCoded, payer, control: int) -> None:
    uow.emit(
        ClaimSubmitted(
            claim_id=str(claim.id), encounter_id=str(claim.encounter_id),
            patient_control_number=claim.patient_control_number, payer_id=claim.payer_id,
            patient_id=coded.patient.id, rendering_npi=coded.rendering_provider.npi,
            frequency_code=claim.frequency_code,
            original_claim_id=str(claim.original_claim_id) if claim.original_claim_id else None,
            total_charge=domain_claim.total_charge, interchange_control_number=f"{control:09d}",
            payer_name=payer.name, payer_appeal_days=payer.appeal_days,
            original_payer_claim_number=domain_claim.original_payer_claim_number,
            submitted_at=datetime.now(timezone.utc),
            lines=[SubmittedLine(line_number=l.line_number, procedure_code=l.procedure_code, modifiers=list(l.modifiers),
                                 units=l.units, charge=l.charge, date_of_service=l.date_of_service)
                   for l in domain_claim.lines],
        ),
        tenant_id=claim.tenant_id, subject_id=claim.id,
    )


def submission_loop(*, catalog: Catalog, clearinghouse: Clearinghouse, settings, clock=None):
    clock = clock or (lambda: datetime.now(timezone.utc))

    async def run(runtime) -> None:
        while not runtime.stopping.is_set():
            await _verify_coverage(runtime, clearinghouse=clearinghouse, settings=settings, now=clock())
            async with runtime.units_of_work() as uow:
                batched = await batch_ready_claims(uow, catalog=catalog, submitter_id=settings.submitter_id,
                                                   usage=settings.x12_usage, limit=settings.submission_batch_size)
            if not await _send_pending(runtime, catalog=catalog, clearinghouse=clearinghouse):
                await asyncio.sleep(2)
            elif batched < settings.submission_batch_size:
                await asyncio.sleep(settings.submission_interval_seconds)

    run.__name__ = "submission_loop"
    return run


async def _verify_coverage(runtime, *, clearinghouse: Clearinghouse, settings, now: datetime) -> None:
    """Coverage first, in its own transaction: the 271s are kept even if the 837 step fails."""
    try:
        async with runtime.units_of_work() as uow:
            await verify_ready_claims(uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id,
                                      usage=settings.x12_usage, limit=settings.submission_batch_size, now=now)
    except ClearinghouseUnavailable as exc:
        log.warning("clearinghouse unavailable for 270 (%s); claims wait to be verified", exc)


async def _send_pending(runtime, *, catalog: Catalog, clearinghouse: Clearinghouse) -> bool:
    """Sends every interchange waiting, one transaction each. False when the clearinghouse is unreachable."""
    while not runtime.stopping.is_set():
        try:
            async with runtime.units_of_work() as uow:
                interchange = await next_interchange_to_send(uow)
                if interchange is None:
                    return True
                await send_interchange(uow, interchange, catalog=catalog, clearinghouse=clearinghouse)
        except ClearinghouseUnavailable as exc:
            log.warning("clearinghouse unavailable (%s); interchanges wait to be resent", exc)
            return False
    return True
