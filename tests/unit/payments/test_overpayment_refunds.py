"""Any payer paying after its own claim was voided owes the money back, as a later payer does; a person's refund
posts and closes the item, and a payer that recoups a refunded payment as well is owed it back, never taken twice;
a later payer's correction item closes once its claim is voided or replaced and its reversal arrives."""
import uuid
from datetime import date
from decimal import Decimal

import pytest

from services.payments.application import suspense
from services.payments.application.post_remits import post_remits
from services.payments.application.reports import collected
from services.payments.domain import ledger, payer_overpayment
from services.payments.domain.corrected_primary import CORRECTION
from services.payments.domain.payer_overpayment import OVERPAYMENT, RECOUPMENT
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_corrected_claims_reversals import check, correction_of, secondary_paid
from tests.unit.payments.test_next_payer_posting import account, post
from tests.unit.payments.test_posting_use_cases import TENANT, remit, reversal_of, submitted
from shared.testing.fake_batch import FakeBatch

pytestmark = pytest.mark.unit
D = Decimal
PAID = D("76.00")  # remit()'s payment
ON = date(2026, 12, 1)


def items(uow, kind: str) -> list:
    return [i for i in uow.suspense.items if i.kind == kind]


def balanced(uow) -> bool:
    return all(sum((e.amount for e in p.transaction.entries), D(0)) == 0 for p in uow.ledger.postings)


def remittance_cash(uow, event) -> Decimal:
    return sum((e.amount for p, e in uow.ledger.entries() if p.remit_id == uuid.UUID(event.payload.remit_id)
                and e.account == ledger.CASH), D(0))


async def voided_then_paid(*, in_batch: bool = False):
    """A primary voided before its payer answered; the payer's payment on it comes after the void."""
    uow, claim = FakePaymentsUnitOfWork(), submitted()
    late = remit(claim)
    await post(uow, claim, submitted(uuid.uuid4(), frequency="8", original=claim.subject_id))
    if in_batch:
        await post_remits(uow, FakeBatch([late, late]))
    else:
        await post(uow, late, late)
    return uow, claim, late


def assert_nothing_reached_revenue_or_the_patient(uow, claim):
    for name in (ledger.INSURANCE_AR, ledger.PATIENT_AR, ledger.REVENUE, ledger.CONTRACTUAL):
        assert account(uow, name, claim.subject_id) == 0, name
    assert check(uow, claim).closed and balanced(uow)


@pytest.mark.parametrize("in_batch", [False, True])
async def test_a_primary_paying_after_its_void_is_held_for_it_with_one_item(in_batch):
    uow, claim, late = await voided_then_paid(in_batch=in_batch)

    assert_nothing_reached_revenue_or_the_patient(uow, claim)
    assert remittance_cash(uow, late) == PAID and account(uow, ledger.PAYER_OVERPAYMENT) == -PAID
    [item] = items(uow, OVERPAYMENT)
    assert (item.status, item.claim_id, item.payment["paid"]) == ("open", claim.subject_id, "76.00")


async def test_the_primarys_reversal_of_the_held_payment_closes_its_item():
    uow, claim, late = await voided_then_paid()
    reversal = reversal_of(late)

    await post(uow, reversal, reversal)

    assert_nothing_reached_revenue_or_the_patient(uow, claim)
    assert account(uow, ledger.CASH) == 0 and account(uow, ledger.PAYER_OVERPAYMENT) == 0
    [item] = items(uow, OVERPAYMENT)
    assert item.status == "closed" and reversal.payload.remit_id in item.resolution


async def refund(uow, item, reference="CHK-1"):
    return await suspense.refund_overpayment(uow, tenant_id=TENANT, item_id=item.id, reference=reference,
                                             method="check", refunded_on=ON)


async def test_a_refund_posts_cash_out_against_the_liability_once_and_closes_the_item():
    uow, claim, _ = await voided_then_paid()
    [item] = items(uow, OVERPAYMENT)

    closed = await refund(uow, item)
    with pytest.raises(suspense.SuspenseConflict):
        await refund(uow, item, "CHK-2")  # worked already

    assert closed.status == "closed" and "CHK-1" in closed.resolution and "2026-12-01" in closed.resolution
    assert account(uow, ledger.CASH) == 0 and account(uow, ledger.PAYER_OVERPAYMENT) == 0
    [refunded] = [p for p in uow.ledger.postings if p.transaction.kind == payer_overpayment.REFUND]
    assert refunded.remit_id is None and refunded.claim_id == claim.subject_id  # no remittance's cash changes
    assert_nothing_reached_revenue_or_the_patient(uow, claim)


async def test_only_an_open_overpayment_item_can_be_refunded():
    uow, first, second, _ = await secondary_paid()
    await post(uow, submitted(uuid.uuid4(), frequency="8", original=first.subject_id))
    [correction] = items(uow, CORRECTION)

    with pytest.raises(suspense.SuspenseConflict):
        await refund(uow, correction)
    with pytest.raises(suspense.SuspenseNotFound):
        await suspense.refund_overpayment(uow, tenant_id=uuid.uuid4(), item_id=correction.id, reference="R",
                                          method="ach", refunded_on=None)
    assert correction.status == "open"


@pytest.mark.parametrize("redelivered", [False, True])
async def test_a_payer_recouping_a_refunded_payment_is_owed_it_back_never_taking_it_twice(redelivered):
    uow, claim, late = await voided_then_paid()
    [item] = items(uow, OVERPAYMENT)
    await refund(uow, item)
    recoupment = reversal_of(late)

    await post(uow, recoupment, *([recoupment, late] if redelivered else []))

    assert remittance_cash(uow, recoupment) == -PAID  # cash = BPR02 of the recouping remittance
    assert account(uow, ledger.PAYER_OVERPAYMENT) == 0 and account(uow, ledger.PAYER_RECOUPED) == PAID
    assert_nothing_reached_revenue_or_the_patient(uow, claim)
    [asked] = items(uow, RECOUPMENT)
    assert (asked.status, asked.payment["paid"], asked.remit_id) == ("open", "76.00",
                                                                     uuid.UUID(recoupment.payload.remit_id))
    assert "recouped" in asked.reason and item.status == "closed"
    with pytest.raises(suspense.SuspenseConflict):
        await refund(uow, asked)


def test_the_refund_and_the_recoupment_each_balance_on_the_accounts_they_name():
    held = payer_overpayment.held_for_payer("c1", remit(uuid.uuid4()).payload)

    refunded = payer_overpayment.refund_to_payer("c1", PAID, "refund to the payer: check")
    recouped = payer_overpayment.recouped_after_refund(held)

    assert {(e.account, e.amount) for e in refunded.entries} == {(ledger.PAYER_OVERPAYMENT, PAID),
                                                                 (ledger.CASH, -PAID)}
    assert {(e.account, e.amount) for e in recouped.entries} == {(ledger.PAYER_RECOUPED, PAID), (ledger.CASH, -PAID)}
    assert recouped.kind == "reversal" and refunded.kind == payer_overpayment.REFUND
    assert payer_overpayment.refund_amount(OVERPAYMENT, {"paid": "76.00", "transaction_id": "t"}) == PAID
    for kind, payment in ((CORRECTION, {"paid": "1", "transaction_id": "t"}), (OVERPAYMENT, {"paid": "76.00"}),
                          (OVERPAYMENT, {"paid": None, "transaction_id": "t"})):
        with pytest.raises(payer_overpayment.NotRefundable):
            payer_overpayment.refund_amount(kind, payment)


def test_money_held_for_a_payer_is_not_collected_until_it_is_ours():
    flows = {ledger.CASH: D("176.00"), ledger.PATIENT_CASH: D("20.00"), ledger.PAYER_OVERPAYMENT: D("-76.00")}
    assert collected(lambda account: flows.get(account, D(0))) == D("120.00")
    flows[ledger.PAYER_OVERPAYMENT] = D(0)  # refunded (cash out) or reversed since
    flows[ledger.CASH] = D("100.00")
    assert collected(lambda account: flows.get(account, D(0))) == D("120.00")


@pytest.mark.parametrize("order", ["void, reversal", "reversal, void"])
async def test_a_later_payers_correction_item_closes_when_its_voided_claim_is_reversed(order):
    uow, first, second, answer = await secondary_paid()
    await post(uow, submitted(uuid.uuid4(), frequency="8", original=first.subject_id))
    events = {"void": correction_of(first, second, "8", "PCN1S2V"), "reversal": reversal_of(answer)}

    await post(uow, *(events[name] for name in order.split(", ")))
    await post(uow, *events.values())  # delivered again

    [item] = items(uow, CORRECTION)
    assert item.status == "closed" and item.resolution.startswith("settled:")
    assert events["reversal"].payload.remit_id in item.resolution or order.startswith("reversal")
    assert account(uow, ledger.CASH) == PAID and check(uow, first).closed


async def test_a_later_payers_correction_item_closes_when_its_replaced_claim_is_reversed():
    uow, first, second, answer = await secondary_paid()
    await post(uow, submitted(uuid.uuid4(), frequency="7", original=first.subject_id))
    reversal = reversal_of(answer)

    await post(uow, correction_of(first, second, "7", "PCN1S2R"), reversal)

    [item] = items(uow, CORRECTION)
    assert item.status == "closed" and reversal.payload.remit_id in item.resolution


async def test_a_later_payers_reversal_without_a_void_leaves_its_correction_item_open():
    uow, first, second, answer = await secondary_paid()
    await post(uow, submitted(uuid.uuid4(), frequency="8", original=first.subject_id))

    await post(uow, reversal_of(answer))

    assert [i.status for i in items(uow, CORRECTION)] == ["open"]
