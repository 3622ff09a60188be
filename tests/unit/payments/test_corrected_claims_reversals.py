"""Replaced and voided claims as the payer answers them, posted over the in-memory unit of work: its reversal
(CLP02 22) takes back what the original posted, on the receivable where it posted (the encounter's first claim
for a later payer), and the ledger, the claim balance check and what the patient owes agree afterwards, in
whichever order the answers and the corrections arrive, and however often they are delivered."""
import uuid
from datetime import date
from decimal import Decimal

import pytest

from shared.contracts.common import Adjustment
from services.payments.application.patient_accounts import patient_account
from services.payments.domain import ledger
from services.payments.domain.reconciliation import claim_balance_check
from services.payments.adapters.reconciliation_store import PAYER_KINDS
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_next_payer_posting import (
    account, first_claim, next_payer_claim, post, secondary_answer, statement_balance)
from tests.unit.payments.test_posting_use_cases import TENANT, remit, reversal_of, submitted

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


def split_primary_answer(first):
    """The primary's patient share as deductible and coinsurance on the first line, copay on the second."""
    answer = remit(first)
    shares = ([Adjustment(group_code="PR", reason_code="1", amount=D("10.00")),
               Adjustment(group_code="PR", reason_code="2", amount=D("8.40"))],
              [Adjustment(group_code="PR", reason_code="3", amount=D("0.60"))])
    lines = [line.model_copy(update={"adjustments": [a for a in line.adjustments if a.group_code != "PR"] + share})
             for line, share in zip(answer.payload.service_lines, shares)]
    return answer.model_copy(update={"payload": answer.payload.model_copy(update={"service_lines": lines})})


def secondary_denial(claim):
    """The secondary pays nothing: the primary's part as OA-23, the rest denied (CO-197)."""
    answer = numbered(secondary_answer(claim), "ICN2")
    lines = [line.model_copy(update={"paid": D(0), "adjustments": [
        Adjustment(group_code="OA", reason_code="23", amount=line.charge - held),
        Adjustment(group_code="CO", reason_code="197", amount=held)]})
        for line, held in zip(answer.payload.service_lines, (D("18.40"), D("0.60")))]
    payload = answer.payload.model_copy(update={"status_code": "4", "paid": D(0), "patient_responsibility": D(0),
                                                "service_lines": lines})
    return answer.model_copy(update={"payload": payload})


def patient_categories(uow, claim_id) -> dict:
    found: dict = {}
    for _, entry in uow.ledger.entries(claim_id=claim_id):
        if entry.account == ledger.PATIENT_AR:
            found[entry.category] = found.get(entry.category, D(0)) + entry.amount
    return {category: amount for category, amount in found.items() if amount}


@pytest.mark.parametrize("void_first", [True, False])
async def test_the_share_a_voided_secondary_leaves_keeps_the_primarys_categories(void_first):
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(uow, first, split_primary_answer(first), second, answer)
    void, reversal = correction_of(first, second, "8", "PCN1S2V"), reversal_of(answer)

    await post(uow, *([void, reversal] if void_first else [reversal, void]), reversal)

    assert patient_categories(uow, first.subject_id) == {"deductible": D("10.00"), "coinsurance": D("8.40"),
                                                         "copay": D("0.60")}
    statement = await patient_account(uow, tenant_id=TENANT, patient_id="P1", today=date(2026, 12, 1))
    assert statement["totals"]["deductible"] == D("10.00") and statement["totals"]["other"] == 0
    assert statement["balance"] == PRIMARY_PR and check(uow, first).closed


@pytest.mark.parametrize("order", ["void, reversal", "reversal, void", "void only"])
async def test_a_voided_secondary_that_denied_leaves_the_patient_the_primarys_share_once(order):
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    denial = secondary_denial(second)
    await post(uow, first, split_primary_answer(first), second, denial)
    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == PRIMARY_PR  # the denial leaves it with insurance
    void, reversal = correction_of(first, second, "8", "PCN1S2V"), reversal_of(denial)
    events = {"void, reversal": [void, reversal], "reversal, void": [reversal, void], "void only": [void]}[order]

    await post(uow, *events)
    await post(uow, *events)  # delivered again, or replayed

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert patient_categories(uow, first.subject_id) == {"deductible": D("10.00"), "coinsurance": D("8.40"),
                                                         "copay": D("0.60")}
    assert account(uow, ledger.CASH) == PRIMARY_PAID and check(uow, first).closed
    assert len([p for p in uow.ledger.postings if p.transaction.kind == "share_to_patient"]) == 1


async def test_a_voided_secondary_that_paid_nothing_of_a_share_it_gave_the_patient_moves_it_once():
    """Zero paid, the share assessed to the patient under the secondary's own reasons: its reversal takes that back
    and the primary's categories stand instead."""
    uow, first = FakePaymentsUnitOfWork(), first_claim()
    second = next_payer_claim(first)
    zero = numbered(remit(second, status="2", paid=("0", "0"), pr=("18.40", "0.60"), oa23=True), "ICN2")
    await post(uow, first, split_primary_answer(first), second, zero)

    await post(uow, correction_of(first, second, "8", "PCN1S2V"), reversal_of(zero))

    assert account(uow, ledger.INSURANCE_AR, first.subject_id) == 0
    assert patient_categories(uow, first.subject_id) == {"deductible": D("10.00"), "coinsurance": D("8.40"),
                                                         "copay": D("0.60")}
