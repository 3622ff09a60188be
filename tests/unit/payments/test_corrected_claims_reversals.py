"""Replaced and voided claims as the payer answers them, posted over the in-memory unit of work: its reversal
(CLP02 22) takes back what the original posted, on the receivable where it posted (the encounter's first claim
for a later payer), and the ledger, the claim balance check and what the patient owes agree afterwards, in
whichever order the answers and the corrections arrive, and however often they are delivered."""
import uuid
from decimal import Decimal

import pytest

from services.payments.domain import ledger
from services.payments.domain.reconciliation import claim_balance_check
from services.payments.reports import PAYER_KINDS
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_next_payer_posting import (
    account, first_claim, next_payer_claim, post, secondary_answer, statement_balance)
from tests.unit.payments.test_posting_use_cases import remit, reversal_of, submitted

pytestmark = pytest.mark.unit
D = Decimal
PRIMARY_PAID, PRIMARY_PR, SECONDARY_PAID, SECONDARY_PR = D("76.00"), D("19.00"), D("15.20"), D("3.80")


def numbered(event, number: str):
    return event.model_copy(update={"payload": event.payload.model_copy(update={"payer_claim_control_number": number})})


def correction_of(first, original, frequency: str, pcn: str):
    """A later payer's claim replacing (7) or voiding (8) `original`, which its payer numbered ICN2."""
    claim = next_payer_claim(first)
    payload = claim.payload.model_copy(update={
        "frequency_code": frequency, "original_claim_id": str(original.subject_id),
        "original_payer_claim_number": "ICN2", "patient_control_number": pcn})
    return claim.model_copy(update={"payload": payload})


def check(uow, claim):
    totals: dict[str, Decimal] = {}
    for posting, entry in uow.ledger.entries(claim_id=claim.subject_id):
        if posting.transaction.kind in PAYER_KINDS:
            totals[entry.account] = totals.get(entry.account, D(0)) + entry.amount
    return claim_balance_check(claim.payload.total_charge, totals, account(uow, ledger.INSURANCE_AR, claim.subject_id))


async def secondary_paid():
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(uow, first, remit(first), second, answer)
    return uow, first, second, answer


@pytest.mark.parametrize("new_answer_first", [False, True])
async def test_a_replaced_secondary_is_taken_back_and_paid_again_leaving_the_patient_what_the_new_answer_left(
        new_answer_first):
    uow, first, second, answer = await secondary_paid()
    replacement = correction_of(first, second, "7", "PCN1S2R")
    reversal, new_answer = reversal_of(answer), numbered(secondary_answer(replacement), "ICN3")

    await post(uow, replacement, *([new_answer, reversal] if new_answer_first else [reversal, new_answer]))
    await post(uow, reversal, new_answer)  # delivered again

    assert account(uow, ledger.CASH) == PRIMARY_PAID + SECONDARY_PAID  # the first payment back, the second kept
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == SECONDARY_PR
    assert check(uow, first).closed and sum(e.amount for _, e in uow.ledger.entries()) == 0
    assert await statement_balance(uow) == SECONDARY_PR


@pytest.mark.parametrize("void_first", [True, False])
async def test_a_voided_paid_secondary_leaves_the_patient_what_the_primary_left(void_first):
    uow, first, second, answer = await secondary_paid()
    void, reversal = correction_of(first, second, "8", "PCN1S2V"), reversal_of(answer)

    await post(uow, *([void, reversal] if void_first else [reversal, void]))
    await post(uow, reversal)  # delivered again

    assert account(uow, ledger.CASH) == PRIMARY_PAID
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == PRIMARY_PR
    assert check(uow, first).closed and sum(e.amount for _, e in uow.ledger.entries()) == 0
    assert await statement_balance(uow) == PRIMARY_PR
    moved = [p for p in uow.ledger.postings if p.transaction.kind == "share_to_patient"]
    assert len(moved) == 1 and moved[0].posting_key


async def test_a_void_of_a_secondary_with_no_reversal_yet_moves_nothing():
    uow, first, second, _ = await secondary_paid()

    await post(uow, correction_of(first, second, "8", "PCN1S2V"))

    assert account(uow, ledger.PATIENT_AR, first.subject_id) == SECONDARY_PR
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0


@pytest.mark.parametrize("reversal_first", [False, True])
async def test_a_replaced_primary_is_taken_back_on_the_original_and_paid_on_the_replacement(reversal_first):
    uow, first = FakePaymentsUnitOfWork(), first_claim(payers_after=0)
    payment = remit(first)
    await post(uow, first, payment)
    replacement = submitted(uuid.uuid4(), frequency="7", original=first.subject_id)
    reversal = reversal_of(payment)

    await post(uow, *([reversal, replacement] if reversal_first else [replacement, reversal]), remit(replacement))

    for claim in (first, replacement):
        assert account(uow, ledger.INSURANCE_AR, claim.subject_id) == 0 and check(uow, claim).closed
    assert account(uow, ledger.PATIENT_AR, first.subject_id) == 0
    assert account(uow, ledger.PATIENT_AR, replacement.subject_id) == PRIMARY_PR
    assert account(uow, ledger.CASH) == PRIMARY_PAID and account(uow, ledger.REVENUE) == -replacement.payload.total_charge
