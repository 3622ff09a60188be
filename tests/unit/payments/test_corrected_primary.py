"""A primary claim replaced or voided while a later payer rests on its answer: a work item per later payer's
claim or crossover payer, once, and a ledger that bills the patient nothing of the old share meanwhile; the
crossover payer's reversal takes its payment back and closes its item, in whichever order they arrive."""
import uuid
from decimal import Decimal

import pytest

from services.payments.adapters.tables import Remittance
from services.payments.domain import ledger
from services.payments.domain.corrected_primary import (
    CORRECTION, LaterPayerClaim, PayerAnswer, crossover_answers, settled_by_reversal, work_items)
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_corrected_claims_reversals import check, correction_of, numbered, secondary_paid
from tests.unit.payments.test_next_payer_posting import account, first_claim, post, secondary_answer
from tests.unit.payments.test_posting_use_cases import TENANT, remit, reversal_of, submitted

pytestmark = pytest.mark.unit
D = Decimal


def test_each_later_payers_claim_and_each_crossover_payer_gets_one_item_saying_what_to_do():
    items = work_items("voided", primary_claim_id="c1", primary_pcn="PCN1",
                       later_claims=[LaterPayerClaim("c2", "PCN1S2")],
                       crossover=[PayerAnswer("MEDIGAP", "X1"), PayerAnswer("MEDIGAP", "X2")])

    assert [(i.claim_id, i.patient_control_number) for i in items] == [("c2", "PCN1S2"), ("c1", "PCN1")]
    assert "void this later payer's claim" in items[0].reason and "MEDIGAP" in items[1].reason
    assert all(len(i.reason) <= 200 for i in items)
    assert "void this later payer's claim" in work_items(
        "replaced", primary_claim_id="c1", primary_pcn="PCN1", later_claims=[LaterPayerClaim("c2", "P")],
        crossover=[])[0].reason


def test_a_crossover_payer_is_a_second_payer_answering_on_the_primarys_claim_whose_payment_stands():
    answers = [PayerAnswer("MEDICARE", "A", reversed=True), PayerAnswer("MEDIGAP", "B"),
               PayerAnswer("MEDICARE", "C"), PayerAnswer("OTHER", "D", reversed=True)]

    assert crossover_answers(1, answers) == [PayerAnswer("MEDIGAP", "B")]
    assert crossover_answers(0, answers) == [] and crossover_answers(1, answers[:1]) == []


def corrections(uow) -> list:
    return [i for i in uow.suspense.items if i.kind == CORRECTION]


@pytest.mark.parametrize("frequency", ["7", "8"])
async def test_a_corrected_primary_with_a_paid_secondary_opens_one_item_for_the_secondarys_claim(frequency):
    uow, first, second, _ = await secondary_paid()
    correction = submitted(uuid.uuid4(), frequency=frequency, original=first.subject_id)

    await post(uow, correction)
    await post(uow, correction)  # delivered again

    [item] = corrections(uow)
    assert (item.claim_id, item.status, item.remit_id) == (second.subject_id, "open", correction.subject_id)
    assert item.payment["correction"] == ("replaced" if frequency == "7" else "voided")
    assert account(uow, ledger.CASH) == D("76.00") + D("15.20")  # the secondary's payment stands until reversed


async def test_a_voided_primary_and_its_voided_secondary_leave_nobody_owing_anything():
    uow, first, second, answer = await secondary_paid()
    primary_payment = remit(first)

    await post(uow, submitted(uuid.uuid4(), frequency="8", original=first.subject_id), reversal_of(primary_payment))
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == D("3.80")  # the secondary's answer, until reversed
    await post(uow, correction_of(first, second, "8", "PCN1S2V"), reversal_of(answer))

    for name in (ledger.CASH, ledger.INSURANCE_AR, ledger.PATIENT_AR, ledger.REVENUE):
        assert account(uow, name) == 0, name
    assert not [p for p in uow.ledger.postings if p.transaction.kind == "share_to_patient"]
    assert check(uow, first).closed


def test_only_the_reversal_of_the_payment_an_item_names_settles_it():
    crossover_item = {"correction": "voided", "payer_claim_number": "XO1"}

    assert settled_by_reversal(crossover_item, "XO1")
    assert not settled_by_reversal(crossover_item, "ICN1") and not settled_by_reversal(crossover_item, None)
    assert not settled_by_reversal({"correction": "voided", "payer_claim_number": None}, None)  # a claim's item


async def crossed_over():
    """A primary answered CLP02 19 (MEDICARE, ICN1) and its crossover payer's payment (MEDIGAP, XO1) on its claim."""
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    primary = from_payer(uow, numbered(remit(first, status="19"), "ICN1"), "MEDICARE")
    crossover = from_payer(uow, numbered(secondary_answer(first), "XO1"), "MEDIGAP")
    await post(uow, first, primary, crossover)
    return uow, first, primary, crossover


def from_payer(uow, event, payer: str):
    """The claim payment as `payer`'s remittance sent it."""
    uow.remittances.add(Remittance(id=uuid.UUID(event.payload.remit_id), tenant_id=TENANT, source="api",
                                   status="accepted", payer_id=payer, problems=[], x12=""))
    return event.model_copy(update={"payload": event.payload.model_copy(update={"payer_id": payer})})


def payer_reversal(payment, payer: str, uow):
    return from_payer(uow, reversal_of(payment), payer)


async def test_a_voided_crossover_primary_opens_an_item_for_the_crossover_payer():
    uow, first, _, _ = await crossed_over()

    await post(uow, submitted(uuid.uuid4(), frequency="8", original=first.subject_id))

    [item] = corrections(uow)
    assert item.claim_id == first.subject_id and "MEDIGAP" in item.reason and item.payment["payer_claim_number"] == "XO1"


async def test_an_item_for_a_later_payers_claim_never_posts_as_a_payment_when_that_claim_comes_again():
    uow, first, second, _ = await secondary_paid()
    await post(uow, submitted(uuid.uuid4(), frequency="7", original=first.subject_id))

    await post(uow, second)  # the secondary's claim delivered again: what waits for it is applied

    assert [i.status for i in corrections(uow)] == ["open"]


@pytest.mark.parametrize("order", ["void, primary's, crossover's", "void, crossover's, primary's",
                                   "crossover's, void, primary's"])
async def test_the_crossover_payers_reversal_takes_its_payment_back_and_closes_its_item(order):
    uow, first, primary, crossover = await crossed_over()
    void = submitted(uuid.uuid4(), frequency="8", original=first.subject_id)
    events = {"void": void, "primary's": payer_reversal(primary, "MEDICARE", uow),
              "crossover's": payer_reversal(crossover, "MEDIGAP", uow)}

    await post(uow, *(events[name] for name in order.split(", ")))
    await post(uow, *events.values())  # delivered again, or replayed

    for name in (ledger.CASH, ledger.INSURANCE_AR, ledger.PATIENT_AR, ledger.REVENUE):
        assert account(uow, name) == 0, name
    assert check(uow, first).closed
    items = corrections(uow)
    assert [(i.status, i.resolution[:8]) for i in items] == ([] if order.startswith("crossover") else
                                                            [("closed", "settled:")])
    assert all(events["crossover's"].payload.remit_id in i.resolution for i in items)


async def test_the_primarys_own_reversal_leaves_the_crossover_payers_item_open():
    uow, first, primary, _ = await crossed_over()

    await post(uow, submitted(uuid.uuid4(), frequency="7", original=first.subject_id),
               payer_reversal(primary, "MEDICARE", uow))

    [item] = corrections(uow)
    assert item.status == "open" and item.resolution is None
