"""A later payer paying on its claim after we voided it: the cash is owed back to the payer (a liability), insurance
A/R never goes below zero, the patient owes the earlier payer's share once, and a work item asks for a refund or
the payer's reversal, which takes the money back and closes the item; once, however often anything is delivered."""
from decimal import Decimal

import pytest

from services.payments.application.post_remits import post_remits
from services.payments.domain import ledger, payer_overpayment
from services.payments.domain.payer_overpayment import OVERPAYMENT
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_corrected_claims_reversals import (
    check, correction_of, numbered, patient_categories, secondary_denial, split_primary_answer)
from tests.unit.payments.test_next_payer_posting import (
    account, first_claim, next_payer_claim, post, secondary_answer, statement_balance)
from tests.unit.payments.test_posting_use_cases import remit, reversal_of, submitted
from shared.testing.fake_batch import FakeBatch

pytestmark = pytest.mark.unit
D = Decimal
PRIMARY_SHARE = {"deductible": D("10.00"), "coinsurance": D("8.40"), "copay": D("0.60")}


def test_the_payment_held_for_the_payer_is_its_cash_against_the_liability_and_nothing_else():
    late = secondary_answer(submitted()).payload

    held = payer_overpayment.held_for_payer("c1", late)

    assert {(e.account, e.amount) for e in held.entries} == {(ledger.CASH, D("15.20")),
                                                             (ledger.PAYER_OVERPAYMENT, D("-15.20"))}
    assert held.kind == "payment" and ledger.posted_figures(held)["paid"] == late.paid
    assert payer_overpayment.needs_work(late)
    assert not payer_overpayment.needs_work(late.model_copy(update={"paid": D(0)}))
    why = payer_overpayment.reason("BCBS", late.paid)
    assert "refund" in why and "reverse" in why and "15.20" in why and len(why) <= 200


def test_only_the_reversal_of_the_held_payment_settles_its_item():
    item = {"paid": "15.20", "transaction_id": "t1"}
    assert payer_overpayment.settled_by_reversal(item, "t1") and not payer_overpayment.settled_by_reversal(item, "t2")


async def voided_before_it_answered():
    """The primary paid (its share by category held for the secondary); the secondary's claim voided unanswered."""
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    await post(uow, first, split_primary_answer(first), second, correction_of(first, second, "8", "PCN1S2V"))
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("19.00")  # the void handed the share over
    return uow, first, second


def overpayments(uow) -> list:
    return [i for i in uow.suspense.items if i.kind == OVERPAYMENT]


def assert_patient_owes_the_primarys_share_once(uow, first):
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert patient_categories(uow, first.subject_id) == PRIMARY_SHARE
    assert check(uow, first).closed and sum(e.amount for _, e in uow.ledger.entries()) == 0


async def test_a_payment_after_the_void_is_owed_back_to_the_payer_with_a_work_item_once():
    uow, first, second = await voided_before_it_answered()
    late = numbered(secondary_answer(second), "ICN2")

    await post(uow, late, late)  # delivered again
    await post(uow, late)  # replayed

    assert_patient_owes_the_primarys_share_once(uow, first)
    assert account(uow, ledger.CASH) == D("76.00") + D("15.20")  # cash = BPR02 of both remittances
    assert account(uow, ledger.PAYER_OVERPAYMENT) == D("-15.20")
    assert await statement_balance(uow) == D("19.00")
    [item] = overpayments(uow)
    assert (item.status, item.claim_id, item.payment["paid"]) == ("open", second.subject_id, "15.20")
    assert str(item.remit_id) == late.payload.remit_id and "refund" in item.reason


async def test_in_a_batch_with_plain_payments_the_late_payment_is_still_owed_back():
    uow, first, second = await voided_before_it_answered()
    other = submitted()
    await post(uow, other)

    await post_remits(uow, FakeBatch([remit(other), numbered(secondary_answer(second), "ICN2")]))

    assert_patient_owes_the_primarys_share_once(uow, first)
    assert account(uow, ledger.PAYER_OVERPAYMENT) == D("-15.20") and len(overpayments(uow)) == 1
    assert account(uow, ledger.CASH, other.subject_id) == D("76.00")  # the plain payment posted as ever


@pytest.mark.parametrize("redelivered", [False, True])
async def test_the_payers_reversal_takes_the_money_back_and_closes_the_item(redelivered):
    uow, first, second = await voided_before_it_answered()
    late = numbered(secondary_answer(second), "ICN2")
    reversal = reversal_of(late)
    await post(uow, late)

    await post(uow, reversal, *([reversal, late] if redelivered else []))

    assert_patient_owes_the_primarys_share_once(uow, first)
    assert account(uow, ledger.CASH) == D("76.00") and account(uow, ledger.PAYER_OVERPAYMENT) == 0
    [item] = overpayments(uow)
    assert item.status == "closed" and reversal.payload.remit_id in item.resolution


async def test_a_denial_after_the_void_moves_nothing_and_asks_for_nothing():
    uow, first, second = await voided_before_it_answered()

    await post(uow, secondary_denial(second))

    assert_patient_owes_the_primarys_share_once(uow, first)
    assert overpayments(uow) == [] and account(uow, ledger.PAYER_OVERPAYMENT) == 0


async def test_a_payment_before_the_void_is_applied_as_before_and_owes_nothing_back():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    await post(uow, first, split_primary_answer(first), second, numbered(secondary_answer(second), "ICN2"))

    await post(uow, correction_of(first, second, "8", "PCN1S2V"))

    assert overpayments(uow) == [] and account(uow, ledger.PAYER_OVERPAYMENT) == 0
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0 and check(uow, first).closed


async def test_paid_before_and_again_after_the_void_its_reversal_takes_back_the_applied_payment():
    """The payer reverses the claim it was asked to void; what it paid a second time stays owed back."""
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(uow, first, split_primary_answer(first), second, answer, correction_of(first, second, "8", "PCN1S2V"))
    again = numbered(secondary_answer(second), "ICN2")

    await post(uow, again, reversal_of(answer))

    assert_patient_owes_the_primarys_share_once(uow, first)
    assert account(uow, ledger.CASH) == D("76.00") + D("15.20") and account(uow, ledger.PAYER_OVERPAYMENT) == D("-15.20")
    [item] = overpayments(uow)
    assert item.status == "open" and str(item.remit_id) == again.payload.remit_id
