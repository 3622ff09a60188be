"""The denials use cases over an in-memory unit of work: claims submitted and remittances, a batch at a time;
the work queue's actions."""
import uuid
from datetime import date, datetime, timezone

import pytest

from shared.contracts.claim import ClaimCorrectionRequested, ClaimSubmitted
from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.envelope import Envelope
from services.denials.application.appeals import appeal
from services.denials.application.record_submitted_claims import record_submitted_claims
from services.denials.application.take_remits import take_remits
from services.denials.application.work_queue import ActionRefused, correct, write_off
from tests.unit.denials.fakes import FakeDenialsUnitOfWork
from tests.unit.denials.remits import line, remit
from tests.unit.event_batches import batch_of

pytestmark = pytest.mark.unit
TENANT = uuid.uuid4()
DENIED = line("36415", "50", "0", ("CO", "197", "50"))
PAID = line("36415", "50", "40", ("CO", "45", "10"))
VISIT = line("99213", "100", "80", ("CO", "45", "20"))


def submitted(claim_id: uuid.UUID, *, payer_id: str = "AETNA-TENANT", appeal_days: int | None = 60,
              original: uuid.UUID | None = None) -> Envelope:
    payload = ClaimSubmitted(
        claim_id=str(claim_id), encounter_id=str(uuid.uuid4()), patient_control_number="PCN1", payer_id=payer_id,
        patient_id="MRN-1", rendering_npi="1245319599", total_charge="150", payer_name="Aetna",
        payer_appeal_days=appeal_days, original_claim_id=str(original) if original else None,
        interchange_control_number="1", submitted_at=datetime(2026, 11, 2, tzinfo=timezone.utc),
        lines=[{"line_number": 1, "procedure_code": "99213", "units": 1, "charge": "100", "date_of_service": "2026-11-02"},
               {"line_number": 2, "procedure_code": "36415", "units": 1, "charge": "50", "date_of_service": "2026-11-02"}])
    return Envelope(event_type="claim.submitted", tenant_id=TENANT, subject_id=claim_id, payload=payload)


def received(claim_id: uuid.UUID | None, *lines, status: str = "1") -> Envelope:
    payload = remit(*lines, status=status, remit_id=str(uuid.uuid4())).model_copy(
        update={"claim_id": str(claim_id) if claim_id else None, "payer_claim_control_number": "ICN-1"})
    return Envelope(event_type="remit.received", tenant_id=TENANT, subject_id=claim_id or uuid.uuid4(), payload=payload)


async def test_a_denied_line_opens_a_denial_under_the_tenants_payer_with_the_payers_appeal_window():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await record_submitted_claims(uow, batch_of(submitted(claim_id)))
    await take_remits(uow, batch_of(received(claim_id, VISIT, DENIED)), appeal_days=90)
    [denial] = uow.denials.rows.values()
    assert (denial.status, denial.level, denial.procedure_code, denial.category) == (
        "open", "line", "36415", "authorization")
    assert denial.payer_id == "AETNA-TENANT" and (denial.appeal_deadline - uow.today()).days == 60
    [opened] = uow.emitted_of(DenialOpened)
    assert opened.procedure_codes == ["36415"] and opened.denial_id == str(denial.id)
    [counted] = uow.adjudications.rows.values()
    assert counted["denied"] and counted["denied_procedure_codes"] == ["36415"]


async def test_a_later_payment_in_the_same_batch_closes_the_denial_an_earlier_remit_opened():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await take_remits(uow, batch_of(received(claim_id, VISIT, DENIED), received(claim_id, PAID)), appeal_days=90)
    [denial] = uow.denials.rows.values()
    assert denial.status == "resolved" and denial.resolved_at == uow.now()
    assert [r.resolution for r in uow.emitted_of(DenialResolved)] == ["paid"]
    assert denial.payer_id == "AETNA"  # no claim.submitted seen: the 835's payer id


async def test_a_payment_on_the_replacement_claim_closes_the_original_claims_denial_and_reads_once():
    uow, original, replacement = FakeDenialsUnitOfWork(), uuid.uuid4(), uuid.uuid4()
    await take_remits(uow, batch_of(received(original, VISIT, DENIED)), appeal_days=90)
    await record_submitted_claims(uow, batch_of(submitted(replacement, original=original)))
    uow.submitted_claims.reads = uow.denials.reads = 0
    await take_remits(uow, batch_of(received(replacement, VISIT, PAID), received(None, PAID)), appeal_days=90)
    assert [d.status for d in uow.denials.rows.values()] == ["resolved"]
    assert uow.submitted_claims.reads == 1 and uow.denials.reads == 1


async def test_a_reversal_is_not_counted_again_and_an_unmatched_remit_waits_in_suspense():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await take_remits(uow, batch_of(received(claim_id, VISIT, status="22"), received(None, DENIED)), appeal_days=90)
    assert uow.adjudications.rows == {} and uow.denials.rows == {} and uow.emitted == []


async def test_a_claim_submitted_twice_in_one_batch_keeps_the_later_submission():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await record_submitted_claims(uow, batch_of(submitted(claim_id, payer_id="FIRST"),
                                                submitted(claim_id, payer_id="SECOND")))
    assert uow.submitted_claims.rows[claim_id]["payer_id"] == "SECOND"


async def test_a_write_off_closes_the_denial_at_the_clocks_time_and_tells_payments():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await take_remits(uow, batch_of(received(claim_id, VISIT, DENIED)), appeal_days=90)
    [denial] = uow.denials.rows.values()
    await write_off(uow, tenant_id=TENANT, denial_id=denial.id, actor="key:a", reason="small balance")
    assert (denial.status, denial.resolved_at, denial.acted_at) == ("written_off", uow.now(), uow.now())
    assert [r.resolution for r in uow.emitted_of(DenialResolved)] == ["written_off"]
    with pytest.raises(ActionRefused):
        await correct(uow, tenant_id=TENANT, denial_id=denial.id, actor="key:a", correction={})


async def test_an_appeal_after_the_deadline_is_refused_and_a_correction_goes_to_claims():
    uow, claim_id = FakeDenialsUnitOfWork(), uuid.uuid4()
    await take_remits(uow, batch_of(received(claim_id, VISIT, DENIED)), appeal_days=90)
    [denial] = uow.denials.rows.values()
    with pytest.raises(ActionRefused, match="deadline passed"):
        await appeal(uow, tenant_id=TENANT, denial_id=denial.id, actor="key:a", note="", enclosures=[],
                     today=date(2030, 1, 1))
    await correct(uow, tenant_id=TENANT, denial_id=denial.id, actor="key:a",
                  correction={"prior_authorization": "AUTH-1", "reason": "authorization obtained"})
    [request] = uow.emitted_of(ClaimCorrectionRequested)
    assert denial.status == "corrected" and request.claim_id == str(claim_id)
