"""A stored 837P interchange -> handed to the clearinghouse; its claims submitted, claim.submitted once each.

The 999, the claims' `submitted` steps and their claim.submitted events commit together. A claim the
payer already answered while it was being handed over is past `submitted`: the machine keeps its
state, but it was submitted all the same, so it still gets its claim.submitted (its charge).

claim.submitted carries the charge and lines the claim was priced at when it was built or last fixed, as
stored (the claim's total and its claim_line rows): the file was written from the same coded claim and fee
schedules, so pricing it all over again here only repeated the batching's work. After the POST the step
makes one read: it records the answer on the file and reads the file's claims, locked, with their lines,
their payer and the three fields of the coded claim the event carries (not the whole document).
"""
from datetime import timedelta

from shared.contracts.claim import ClaimSubmitted
from shared.telemetry import continue_trace, start_span
from services.claims.adapters.claim_records import ClaimRecord
from services.claims.adapters.claim_round import InterchangeFile, SentClaim
from services.claims.adapters.clearinghouse import Clearinghouse
from services.claims.application.steps import transition
from services.claims.application.submit_batch import SENDING
from services.claims.domain.acks import read_999

UPDATED = ("status", "submitted_at", "next_inquiry_on")


async def next_interchange_to_send(uow) -> InterchangeFile | None:
    return await uow.interchanges.next_with_status(SENDING)


async def send_interchange(uow, interchange: InterchangeFile, *, clearinghouse: Clearinghouse) -> int:
    """Hands the stored file over and records what the clearinghouse said, in one transaction."""
    control = interchange.id
    with start_span("837P submit", attributes={"x12.claims": interchange.claim_count, "x12.isa13": control}):
        answer = await clearinghouse.submit(mailbox=str(interchange.tenant_id), control_number=control,
                                            x12=interchange.x12)
    ack = read_999(answer) if answer else None
    ack_status = "sent" if ack is None else ("accepted" if ack.accepted else "rejected")
    # Locked, so a concurrent acknowledgment or remit waits for this step; then in the order they were built.
    sent, payer = await uow.claims.sent(interchange, ack_status)
    sent.sort(key=lambda claim: claim.record.created_at)
    claims = [claim.record for claim in sent]
    if not claims:
        return 0
    if ack is not None and not ack.accepted:
        for claim in claims:
            transition(uow, claim, "submitted", "submitted", {"interchange": control})
            transition(uow, claim, "rejected", "rejected", {"source": "999", "reasons": ack.errors[:20]})
        await uow.save_changes(claims, UPDATED)
        return len(claims)
    for claim in sent:
        record = claim.record
        # Back in the encounter's own trace: one trace runs from POST /v1/encounters to claim.submitted.
        with continue_trace(record.trace_context, "claim submitted", **{"billing.claim_id": str(record.id),
                                                                        "x12.isa13": control}):
            transition(uow, record, "submitted", "submitted", {"interchange": control})
            _start_follow_up_clock(uow, record, payer.expected_days)
            _emit_submitted(uow, claim, payer, control)
    await uow.save_changes(claims, UPDATED)
    return len(claims)


def _start_follow_up_clock(uow, claim: ClaimRecord, expected_days: int) -> None:
    """submitted_at stays the first submission (the lag KPI, the claim's age); a resubmission gets the payer's
    expected days again before it is asked about."""
    if claim.submitted_at is None:
        claim.submitted_at = uow.now()
    else:
        claim.next_inquiry_on = (uow.now() + timedelta(days=expected_days)).date()


def _emit_submitted(uow, sent: SentClaim, payer, control: int) -> None:
    claim = sent.record
    uow.emit(
        ClaimSubmitted(
            claim_id=str(claim.id), encounter_id=str(claim.encounter_id),
            patient_control_number=claim.patient_control_number, payer_id=claim.payer_id,
            patient_id=sent.patient_id, rendering_npi=sent.rendering_npi,
            frequency_code=claim.frequency_code,
            original_claim_id=str(claim.original_claim_id) if claim.original_claim_id else None,
            total_charge=claim.total_charge, interchange_control_number=f"{control:09d}",
            payer_name=payer.name, payer_appeal_days=payer.appeal_days,
            original_payer_claim_number=sent.original_payer_claim_number,
            payer_sequence=claim.payer_sequence, payers_after=claim.payers_after,
            prior_claim_id=str(claim.prior_claim_id) if claim.prior_claim_id else None,
            submitted_at=uow.now(),
            lines=sent.lines,  # dicts of SubmittedLine's fields, charge and day as read: parsed in this one call
        ),
        tenant_id=claim.tenant_id, subject_id=claim.id,
    )
