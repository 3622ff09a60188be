"""The batch use cases of claim.submitted and remit.received over an in-memory unit of work."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shared.contracts.claim import ClaimSubmitted, SubmittedLine
from shared.contracts.common import Adjustment
from shared.contracts.envelope import Envelope
from shared.contracts.payment import PaymentPosted
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.kafka.errors import PermanentError
from shared.testing.fake_batch import FakeBatch
from services.payments.application.claim_payment import NO_CLAIM, NOTHING_TO_REVERSE
from services.payments.application.post_charges import post_charges
from services.payments.application.post_remits import post_remits
from services.payments.domain import ledger
from tests.unit.payments.fakes import FakePaymentsUnitOfWork

pytestmark = pytest.mark.unit
D = Decimal
DOS = date(2026, 11, 2)
TENANT = uuid.UUID("00000000-0000-4000-8000-000000000001")


def submitted(claim_id: uuid.UUID | None = None, *, total: str = "147", tenant: uuid.UUID = TENANT, patient: str = "P1",
              frequency: str = "1", original: uuid.UUID | None = None) -> Envelope[ClaimSubmitted]:
    claim_id = claim_id or uuid.uuid4()
    lines = [SubmittedLine(line_number=1, procedure_code="99213", units=1, charge=D(total) - 12, date_of_service=DOS),
             SubmittedLine(line_number=2, procedure_code="36415", units=1, charge=D("12"), date_of_service=DOS)]
    payload = ClaimSubmitted(claim_id=str(claim_id), encounter_id=str(uuid.uuid4()), patient_control_number="PCN1",
                             payer_id="P", patient_id=patient, rendering_npi="1234567893", total_charge=D(total),
                             lines=lines, frequency_code=frequency,
                             original_claim_id=str(original) if original else None, interchange_control_number="1",
                             submitted_at=datetime(2026, 11, 2, tzinfo=timezone.utc))
    return Envelope[ClaimSubmitted](event_type="claim.submitted", tenant_id=tenant, subject_id=claim_id,
                                    payload=payload)


def remit(claim: Envelope[ClaimSubmitted] | uuid.UUID, *, status: str = "1", paid: tuple[str, str] = ("73.60", "2.40"),
          pr: tuple[str, str] = ("18.40", "0.60"), oa23: bool = False, remit_id: str | None = None,
          sequence: int = 1, tenant: uuid.UUID = TENANT) -> Envelope[RemitReceived]:
    claim_id = claim.subject_id if isinstance(claim, Envelope) else claim
    charges = (D("135"), D("12"))
    lines = []
    for code, charge, line_paid, line_pr in zip(("99213", "36415"), charges, map(D, paid), map(D, pr)):
        other = ("OA", "23") if oa23 else ("CO", "45")
        adjustments = [Adjustment(group_code=other[0], reason_code=other[1], amount=charge - line_paid - line_pr),
                       Adjustment(group_code="PR", reason_code="2", amount=line_pr)]
        lines.append(RemitServiceLine(procedure_code=code, charge=charge, paid=line_paid, date_of_service=DOS,
                                      adjustments=[a for a in adjustments if a.amount]))
    payload = RemitReceived(remit_id=remit_id or str(uuid.uuid4()), claim_id=str(claim_id),
                            patient_control_number="PCN1", payer_id="P", status_code=status, charge=sum(charges),
                            paid=sum(map(D, paid)), patient_responsibility=sum(map(D, pr)),
                            payer_claim_control_number="ICN1", trace_number="T1", claim_payment_sequence=sequence,
                            service_lines=lines)
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=tenant, subject_id=claim_id, payload=payload)


def reversal_of(payment: Envelope[RemitReceived]) -> Envelope[RemitReceived]:
    p = payment.payload
    negated = [line.model_copy(update={"charge": -line.charge, "paid": -line.paid, "adjustments": [
        a.model_copy(update={"amount": -a.amount}) for a in line.adjustments]}) for line in p.service_lines]
    payload = p.model_copy(update={"remit_id": str(uuid.uuid4()), "status_code": "22", "charge": -p.charge,
                                   "paid": -p.paid, "patient_responsibility": -p.patient_responsibility,
                                   "service_lines": negated})
    return payment.model_copy(update={"event_id": uuid.uuid4(), "payload": payload})


async def charged(uow: FakePaymentsUnitOfWork, *claims: Envelope[ClaimSubmitted]) -> None:
    await post_charges(uow, FakeBatch(list(claims)))


def balances(uow: FakePaymentsUnitOfWork, claim_id: uuid.UUID) -> tuple[Decimal, Decimal, Decimal]:
    return tuple(uow.ledger.total(account, claim_id=claim_id) for account in (ledger.INSURANCE_AR, ledger.PATIENT_AR,
                                                                              ledger.CASH))


async def test_a_batch_of_new_claims_opens_each_receivable_and_posts_each_charge():
    uow = FakePaymentsUnitOfWork()
    claims = [submitted(total="147"), submitted(total="200"), submitted(total="99")]
    await charged(uow, *claims)
    assert {c.subject_id for c in claims} == set(uow.billed_claims.rows)
    assert [p.transaction.kind for p in uow.ledger.postings] == ["charge"] * 3
    assert [balances(uow, c.subject_id)[0] for c in claims] == [D("147"), D("200"), D("99")]
    assert uow.ledger.total(ledger.REVENUE) == D("-446")


async def test_a_resubmission_in_the_same_batch_posts_only_the_change_in_charges():
    uow = FakePaymentsUnitOfWork()
    first = submitted(total="147")
    await charged(uow, first, submitted(first.subject_id, total="160"))
    assert balances(uow, first.subject_id)[0] == D("160")
    assert uow.billed_claims.rows[first.subject_id].total_charge == D("160")
    adjust = [e for _, e in uow.ledger.entries(claim_id=first.subject_id) if e.line_number == 0]
    assert {e.amount for e in adjust} == {D("13"), D("-13")}


async def test_a_claim_billed_for_another_tenant_is_refused():
    uow = FakePaymentsUnitOfWork()
    first = submitted()
    await charged(uow, first)
    with pytest.raises(PermanentError):
        await charged(uow, submitted(first.subject_id, tenant=uuid.uuid4()))


async def test_a_payment_that_came_first_leaves_suspense_when_its_claim_is_submitted():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    early = remit(claim)
    await post_remits(uow, FakeBatch([early]))
    assert [(i.reason, i.status) for i in uow.suspense.items] == [(NO_CLAIM, "open")]
    await charged(uow, claim)
    assert uow.suspense.items[0].status == "posted"
    assert balances(uow, claim.subject_id) == (D("0.00"), D("19.00"), D("76.00"))
    assert [p.remit_id for p in uow.emitted_of(PaymentPosted)] == [early.payload.remit_id]


async def test_a_void_closes_what_the_original_still_owes():
    uow = FakePaymentsUnitOfWork()
    original = submitted()
    await charged(uow, original)
    await charged(uow, submitted(frequency="8", original=original.subject_id))
    assert balances(uow, original.subject_id)[0] == 0
    assert await uow.ledger.has_transaction(original.subject_id, ledger.VOIDED)


async def test_a_payment_to_a_settled_claim_voided_since_leaves_nothing_owed():
    """The void of a settled claim writes no entries; the claim counts as voided all the same."""
    uow = FakePaymentsUnitOfWork()
    original = submitted()
    await charged(uow, original)
    await post_remits(uow, FakeBatch([remit(original)]))
    await charged(uow, submitted(frequency="8", original=original.subject_id))
    await post_remits(uow, FakeBatch([remit(original, sequence=2)]))
    assert balances(uow, original.subject_id)[0] == 0


async def test_a_batch_of_payments_posts_each_once_with_its_figures():
    uow = FakePaymentsUnitOfWork()
    claims = [submitted(), submitted()]
    await charged(uow, *claims)
    payments = [remit(c, sequence=n) for n, c in enumerate(claims, start=1)]
    await post_remits(uow, FakeBatch(payments))
    for claim in claims:
        assert balances(uow, claim.subject_id) == (D("0.00"), D("19.00"), D("76.00"))
    posted = uow.emitted_of(PaymentPosted)
    assert [(p.paid, p.contractual_adjustment, p.coinsurance, p.claim_balance) for p in posted] == \
        [(D("76.00"), D("52.00"), D("19.00"), D("0.00"))] * 2
    assert all(sum((e.amount for e in p.transaction.entries), D(0)) == 0 for p in uow.ledger.postings)


async def test_a_payment_delivered_twice_in_a_batch_and_again_later_posts_once():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    payment = remit(claim)
    twin = payment.model_copy(update={"event_id": uuid.uuid4()})  # the same claim payment, another event
    await post_remits(uow, FakeBatch([payment, twin]))
    await post_remits(uow, FakeBatch([payment.model_copy(update={"event_id": uuid.uuid4()})]))
    assert [p.transaction.kind for p in uow.ledger.postings] == ["charge", "payment"]
    assert len(uow.emitted_of(PaymentPosted)) == 1


async def test_a_payment_naming_another_tenants_claim_waits_in_suspense():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    await post_remits(uow, FakeBatch([remit(claim, tenant=uuid.uuid4())]))
    assert [i.reason for i in uow.suspense.items] == [NO_CLAIM]
    assert balances(uow, claim.subject_id)[0] == D("147")


async def test_primary_and_secondary_in_one_batch_post_as_they_would_one_by_one():
    """The secondary pays the patient share the primary just left, from the batch's own running balances."""
    primary = lambda c: remit(c, sequence=1)  # noqa: E731
    secondary = lambda c: remit(c, status="2", paid=("14.72", "0.28"), pr=("3.68", "0.32"), oa23=True,  # noqa: E731
                                sequence=2)
    together, apart = FakePaymentsUnitOfWork(), FakePaymentsUnitOfWork()
    claim = submitted()
    for uow in (together, apart):
        await charged(uow, claim)
    await post_remits(together, FakeBatch([primary(claim), secondary(claim)]))
    await post_remits(apart, FakeBatch([primary(claim)]))
    await post_remits(apart, FakeBatch([secondary(claim)]))
    assert balances(together, claim.subject_id) == balances(apart, claim.subject_id) == \
        (D("0.00"), D("4.00"), D("91.00"))
    assert [p.claim_balance for p in together.emitted_of(PaymentPosted)] == [D("0.00"), D("0.00")]


async def test_a_reversal_after_its_payment_in_one_batch_takes_exactly_that_payment_back():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    payment = remit(claim)
    await post_remits(uow, FakeBatch([payment, reversal_of(payment)]))
    assert balances(uow, claim.subject_id) == (D("147.00"), D("0.00"), D("0.00"))
    assert [p.reversal for p in uow.emitted_of(PaymentPosted)] == [False, True]
    assert len(uow.ledger.reversed_by) == 1


async def test_a_reversal_naming_no_payment_waits_in_suspense():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    await post_remits(uow, FakeBatch([reversal_of(remit(claim))]))
    assert [i.reason for i in uow.suspense.items] == [NOTHING_TO_REVERSE]
    assert uow.emitted_of(PaymentPosted) == []


async def test_held_patient_credit_settles_the_responsibility_a_payment_assesses():
    from services.payments.application.patient_accounts import post_patient_payment

    uow = FakePaymentsUnitOfWork()
    claim = submitted(patient="P9")
    await charged(uow, claim)
    await post_patient_payment(uow, tenant_id=TENANT, patient_id="P9", amount=D("50"), reference="R1", method="card",
                               received_on=DOS)
    assert await uow.ledger.patient_credit(TENANT, "P9") == D("50")
    await post_remits(uow, FakeBatch([remit(claim)]))
    assert balances(uow, claim.subject_id)[1] == 0
    assert await uow.ledger.patient_credit(TENANT, "P9") == D("31.00")


async def test_a_write_off_that_came_first_posts_when_its_claim_is_submitted_never_more_than_open():
    from shared.contracts.denial import DenialResolved
    from services.payments.application.write_off_denial import post_write_off

    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    resolved = DenialResolved(denial_id=str(uuid.uuid4()), claim_id=str(claim.subject_id), resolution="written_off",
                              amount=D("500"), reason="timely filing")
    await post_write_off(uow, Envelope[DenialResolved](event_type="denial.resolved", tenant_id=TENANT,
                                                       subject_id=claim.subject_id, payload=resolved))
    assert [(i.kind, i.status) for i in uow.suspense.items] == [("write_off", "open")]
    await charged(uow, claim)
    assert uow.suspense.items[0].status == "posted"
    assert balances(uow, claim.subject_id)[0] == 0
    assert uow.ledger.total(ledger.WRITE_OFF, claim_id=claim.subject_id) == D("147")


async def test_a_payment_applied_from_suspense_posts_once_and_tells_claims_and_denials():
    from services.payments.application import suspense

    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    stray = remit(uuid.uuid4())  # CLP01 garbled: names no claim
    await post_remits(uow, FakeBatch([stray]))
    item = uow.suspense.items[0]
    await suspense.apply_to_claim(uow, tenant_id=TENANT, item_id=item.id, claim_id=claim.subject_id, note="CLP01 typo")
    assert (item.status, item.resolved_at) == ("posted", uow.now())
    [resent] = uow.emitted_of(RemitReceived)
    assert resent.claim_id == str(claim.subject_id)
    # Our own remit.received comes back to the consumer: its posting key is in the ledger, nothing posts twice.
    await post_remits(uow, FakeBatch([Envelope[RemitReceived](event_type="remit.received", tenant_id=TENANT,
                                                              subject_id=claim.subject_id, payload=resent)]))
    assert balances(uow, claim.subject_id) == (D("0.00"), D("19.00"), D("76.00"))
    assert len(uow.emitted_of(PaymentPosted)) == 1
    with pytest.raises(suspense.SuspenseConflict):
        await suspense.apply_to_claim(uow, tenant_id=TENANT, item_id=item.id, claim_id=claim.subject_id, note="again")


async def test_payment_posted_is_what_its_contract_parses_from_it():
    """payment.posted is built without the contract's parsing: parsing its own figures again changes nothing."""
    uow = FakePaymentsUnitOfWork()
    claim, crossover = submitted(), submitted()
    await charged(uow, claim, crossover)
    payment = remit(claim)
    await post_remits(uow, FakeBatch([payment, reversal_of(payment), remit(crossover, sequence=1),
                                      remit(crossover, status="2", paid=("14.72", "0.28"), pr=("3.68", "0.32"),
                                            oa23=True, sequence=2)]))
    posted = uow.emitted_of(PaymentPosted)
    assert [p.reversal for p in posted] == [False, True, False, False]
    for built in posted:
        parsed = PaymentPosted.model_validate_json(built.model_dump_json())
        assert parsed == built and parsed.model_dump_json() == built.model_dump_json()
        assert parsed == PaymentPosted(**built.model_dump())


async def test_a_plain_claims_charge_is_the_one_its_stored_lines_give():
    """The batch posts the charge from claim.submitted's own lines: each entry, and each amount's text, is what
    the receivable's stored lines (their JSON) give back, the path a claim with every rule takes."""
    uow = FakePaymentsUnitOfWork()
    claim = submitted(total="147.5")
    await charged(uow, claim)
    from_stored = ledger.charge_transaction(
        claim.payload.claim_id, ledger.charged_lines(uow.billed_claims.rows[claim.subject_id].lines))
    [posted] = uow.ledger.postings
    assert posted.transaction == from_stored
    assert [str(e.amount) for e in posted.transaction.entries] == ["135.50", "-135.50", "12.00", "-12.00"]
