"""Several payers for one encounter, posted over the in-memory unit of work: the primary's patient share
waits in insurance A/R while a payer follows, the secondary's claim carries no second charge and its
payment posts once against the first claim, the patient owes only what the last payer left."""
from datetime import date
from decimal import Decimal

import pytest

from services.payments.application.patient_accounts import patient_account
from services.payments.application.post_charges import post_charges
from services.payments.application.post_remits import post_remits
from services.payments.domain import ledger
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_posting_use_cases import TENANT, remit, submitted
from shared.testing.fake_batch import FakeBatch

pytestmark = pytest.mark.unit
D = Decimal
SECONDARY_PAID, SECONDARY_PR = ("14.72", "0.48"), ("3.68", "0.12")


def first_claim(payers_after: int = 1):
    claim = submitted()
    return claim.model_copy(update={"payload": claim.payload.model_copy(update={"payers_after": payers_after})})


def next_payer_claim(first, sequence: str = "S", payers_after: int = 0):
    claim = submitted()
    payload = claim.payload.model_copy(update={"payer_sequence": sequence, "payers_after": payers_after,
                                               "prior_claim_id": str(first.subject_id), "patient_control_number": "PCN1S2"})
    return claim.model_copy(update={"payload": payload})


def secondary_answer(claim, **kwargs):
    return remit(claim, status="2", paid=SECONDARY_PAID, pr=SECONDARY_PR, oa23=True, **kwargs)


async def post(uow, *events) -> None:
    for event in events:
        use_case = post_charges if event.event_type == "claim.submitted" else post_remits
        await use_case(uow, FakeBatch([event]))


def account(uow, name: str, claim_id=None) -> Decimal:
    return uow.ledger.total(name, **({"claim_id": claim_id} if claim_id else {}))


async def statement_balance(uow) -> Decimal:
    return (await patient_account(uow, tenant_id=TENANT, patient_id="P1", today=date(2026, 12, 1)))["balance"]


async def test_the_primarys_patient_share_waits_for_the_secondary_and_bills_no_patient():
    uow, first = FakePaymentsUnitOfWork(), first_claim()

    await post(uow, first, remit(first))

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == D("19.00")
    assert account(uow, ledger.PATIENT_AR) == 0 and await statement_balance(uow) == 0
    assert account(uow, ledger.CASH) == D("76.00")


async def test_the_secondary_posts_once_against_the_first_claim_and_the_patient_owes_the_remainder():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    answer = secondary_answer(second)

    await post(uow, first, remit(first), second, answer, answer)

    assert account(uow, ledger.REVENUE) == D("-147")  # one charge for the encounter
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")
    assert account(uow, ledger.CASH) == D("76.00") + D("15.20")
    assert account(uow, ledger.INSURANCE_AR, second.subject_id) == 0
    keys = [p.posting_key for p, _ in uow.ledger.entries() if p.posting_key]
    assert len(set(keys)) == 2  # the primary's and the secondary's payment, once each
    assert sum(e.amount for _, e in uow.ledger.entries()) == 0
    assert await statement_balance(uow) == D("3.80")


async def test_the_order_the_answers_arrive_in_does_not_change_what_anyone_owes():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)

    await post(uow, first, second, secondary_answer(second), remit(first))

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")


async def test_a_secondary_answer_before_its_claim_waits_in_suspense_then_posts_to_the_first_claim():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)

    await post(uow, first, remit(first), secondary_answer(second))
    assert account(uow, ledger.PATIENT_AR) == 0
    await post(uow, second)

    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0


async def test_a_crossover_payers_answer_on_the_primarys_claim_is_the_last_payer():
    uow, first = FakePaymentsUnitOfWork(), first_claim()

    await post(uow, first, remit(first, status="19"))
    assert account(uow, ledger.PATIENT_AR) == 0
    await post(uow, secondary_answer(first))

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")


async def test_with_a_tertiary_to_come_the_secondarys_patient_share_waits_too():
    uow, first = FakePaymentsUnitOfWork(), first_claim(payers_after=2)
    second = next_payer_claim(first, payers_after=1)

    await post(uow, first, remit(first), second, secondary_answer(second))

    assert account(uow, ledger.PATIENT_AR) == 0
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == D("3.80")


async def test_a_claim_with_no_payer_after_it_bills_the_patient_at_once():
    uow, first = FakePaymentsUnitOfWork(), first_claim(payers_after=0)

    await post(uow, first, remit(first))

    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("19.00")



async def test_a_later_payer_answering_as_primary_on_its_own_claim_is_still_the_later_payer():
    """A secondary that says CLP02 1 (processed as primary) on the claim billed to it as secondary: its place
    is the claim's, so the patient is billed the remainder and the primary's part is not written off twice."""
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)

    await post(uow, first, remit(first), second, remit(second, status="1", paid=SECONDARY_PAID, pr=SECONDARY_PR,
                                                       oa23=True))

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")
    assert sum(e.amount for _, e in uow.ledger.entries()) == 0


async def test_a_later_payer_answering_as_primary_before_its_claim_is_known_posts_as_the_later_payer():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)

    await post(uow, first, remit(first), remit(second, status="1", paid=SECONDARY_PAID, pr=SECONDARY_PR, oa23=True))
    await post(uow, second)

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")
