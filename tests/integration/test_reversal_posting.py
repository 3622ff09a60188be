"""Reversals in the payments database: a voided later payer's claim, its reversal posted before or after the
void, or a payer that denied and reversed nothing, hands the primary's share to the patient once, in the
primary's PR categories; a reversal of a denial that posted no entries finds it; a corrected primary opens one
work item per later payer's claim or crossover payer, and the crossover payer's reversal closes its item; a later
payer paying after its void is owed the money back, with a work item its reversal closes."""
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.testing.fake_batch import FakeBatch
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import LedgerEntry, LedgerTransaction, Remittance, SuspenseItem
from services.payments.application.post_charges import post_charges
from services.payments.application.post_remits import post_remits
from services.payments.domain import ledger, withdrawn_share
from services.payments.settings import Settings
from tests.unit.payments import test_corrected_primary
from tests.unit.payments.test_corrected_claims_reversals import (
    correction_of, numbered, secondary_denial, split_primary_answer)
from tests.unit.payments.test_next_payer_posting import first_claim, next_payer_claim, secondary_answer
from tests.unit.payments.test_posting_use_cases import remit, reversal_of, submitted


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine), unit_of_work=PaymentsUnitOfWork)
    await engine.dispose()


async def post(units, *events) -> None:
    for event in events:
        use_case = post_charges if event.event_type == "claim.submitted" else post_remits
        async with units() as uow:
            await use_case(uow, FakeBatch([event]))


async def balances(units, claim_id: uuid.UUID) -> tuple[Decimal, Decimal, int]:
    async with units() as uow:
        moved = await uow.session.scalar(select(func.count()).select_from(LedgerTransaction).where(
            LedgerTransaction.claim_id == claim_id, LedgerTransaction.kind == "share_to_patient"))
        return (await uow.ledger.insurance_balance(claim_id),
                await uow.ledger.account_balance(claim_id, ledger.PATIENT_AR), moved)


async def test_a_reversal_before_the_void_of_a_paid_secondary_hands_the_primarys_share_to_the_patient_once(units):
    first = first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(units, first, remit(first), second, answer)
    reversal = reversal_of(answer)

    await post(units, reversal, correction_of(first, second, "8", "PCN1S2V"), reversal)

    assert await balances(units, first.subject_id) == (Decimal("0.00"), Decimal("19.00"), 1)


async def test_a_reversal_of_a_denial_that_posted_no_entries_takes_it_back_instead_of_waiting(units):
    claim = submitted()
    denial = remit(claim, status="4", paid=("0", "0"), pr=("0", "0"))
    lines = [line.model_copy(update={"adjustments": [a.model_copy(update={"reason_code": "197"})
                                                     for a in line.adjustments]})
             for line in denial.payload.service_lines]
    denial = denial.model_copy(update={"payload": denial.payload.model_copy(update={"service_lines": lines})})
    await post(units, claim, denial)

    await post(units, reversal_of(denial))

    async with units() as uow:
        waiting = await uow.session.scalar(select(func.count()).select_from(SuspenseItem).where(
            SuspenseItem.claim_id == claim.subject_id))
        kinds = (await uow.session.execute(select(LedgerTransaction.kind, LedgerTransaction.reversed_by).where(
            LedgerTransaction.claim_id == claim.subject_id).order_by(LedgerTransaction.created_at))).all()
    assert waiting == 0
    assert [k for k, _ in kinds] == ["charge", "payment", "reversal"] and kinds[1][1] is not None


async def patient_categories(units, claim_id: uuid.UUID) -> dict:
    async with units() as uow:
        rows = await uow.session.execute(select(LedgerEntry.category, func.sum(LedgerEntry.amount)).where(
            LedgerEntry.claim_id == claim_id, LedgerEntry.account == ledger.PATIENT_AR).group_by(LedgerEntry.category))
        return {category: amount for category, amount in rows if amount}


async def test_a_voided_secondary_that_denied_hands_the_primarys_share_over_in_its_categories_once(units):
    first = first_claim()
    second = next_payer_claim(first)
    denial = secondary_denial(second)
    await post(units, first, split_primary_answer(first), second, denial)
    void = correction_of(first, second, "8", "PCN1S2V")

    await post(units, void, reversal_of(denial), void)

    assert await balances(units, first.subject_id) == (Decimal("0.00"), Decimal("19.00"), 1)
    assert await patient_categories(units, first.subject_id) == {
        "deductible": Decimal("10.00"), "coinsurance": Decimal("8.40"), "copay": Decimal("0.60")}


async def test_primary_and_secondary_posted_in_one_transaction_read_back_in_posting_order(units):
    """The secondary's payment, written in the primary's transaction, is the latest: the claim history orders a
    transaction's postings by their entries, not by a random id."""
    first = first_claim()
    second = next_payer_claim(first)
    await post(units, first, second)
    async with units() as uow:
        await post_remits(uow, FakeBatch([split_primary_answer(first), numbered(secondary_answer(second), "ICN2")]))

    async with units() as uow:
        history = await uow.ledger.claim_history(first.tenant_id, first.subject_id)
    assert [p.transaction.kind for p in history] == ["charge", "payment", "payment"]
    assert withdrawn_share.held_split(history) == {1: {"deductible": Decimal("10.00"), "coinsurance": Decimal("8.40")},
                                                   2: {"copay": Decimal("0.60")}}


async def corrections(units, claim_id: uuid.UUID) -> list[SuspenseItem]:
    async with units() as uow:
        return list((await uow.session.execute(select(SuspenseItem).where(
            SuspenseItem.claim_id == claim_id, SuspenseItem.kind == "correction"))).scalars())


async def test_a_voided_primary_opens_one_item_for_its_paid_secondarys_claim_and_none_for_its_payment(units):
    first = first_claim()
    second = next_payer_claim(first)
    await post(units, first, remit(first), second, numbered(secondary_answer(second), "ICN2"))
    void = submitted(uuid.uuid4(), frequency="8", original=first.subject_id)

    await post(units, void, void)

    [item] = await corrections(units, second.subject_id)
    assert (item.status, item.remit_id, item.payment["correction"]) == ("open", void.subject_id, "voided")
    await post(units, second)  # the secondary's claim again: the item is not a payment waiting for it
    assert [i.status for i in await corrections(units, second.subject_id)] == ["open"]


async def test_a_replaced_crossover_primary_opens_an_item_naming_the_crossover_payer(units):
    first = first_claim()
    primary, crossover = remit(first, status="19"), numbered(secondary_answer(first), "XO1")
    async with units() as uow:
        for event, payer in ((primary, "1512345678"), (crossover, "1599999999")):
            uow.remittances.add(Remittance(id=uuid.UUID(event.payload.remit_id), tenant_id=first.tenant_id,
                                           source="api", status="accepted", payer_id=payer, problems=[], x12=""))
    await post(units, first, primary, crossover)

    await post(units, submitted(uuid.uuid4(), frequency="7", original=first.subject_id))

    [item] = await corrections(units, first.subject_id)
    assert "1599999999" in item.reason and item.payment["payer_claim_number"] == "XO1"


async def from_payer(units, event, payer: str):
    async with units() as uow:
        return test_corrected_primary.from_payer(uow, event, payer)


async def ledger_totals(units, claim_id: uuid.UUID) -> dict[str, Decimal]:
    async with units() as uow:
        rows = await uow.session.execute(select(LedgerEntry.account, func.sum(LedgerEntry.amount)).where(
            LedgerEntry.claim_id == claim_id).group_by(LedgerEntry.account))
        return {account: amount for account, amount in rows if amount}


async def items(units, claim_id: uuid.UUID, kind: str) -> list[SuspenseItem]:
    async with units() as uow:
        return list((await uow.session.execute(select(SuspenseItem).where(
            SuspenseItem.claim_id == claim_id, SuspenseItem.kind == kind).order_by(SuspenseItem.id))).scalars())


async def test_the_crossover_payers_reversal_of_a_voided_primary_takes_its_payment_back_and_closes_its_item(units):
    first = first_claim()
    primary = await from_payer(units, numbered(remit(first, status="19"), "ICN1"), "1512345678")
    crossover = await from_payer(units, numbered(secondary_answer(first), "XO1"), "1599999999")
    await post(units, first, primary, crossover)
    void = submitted(uuid.uuid4(), frequency="8", original=first.subject_id)
    await post(units, void, await from_payer(units, reversal_of(primary), "1512345678"))
    [item] = await items(units, first.subject_id, "correction")
    assert item.status == "open"

    reversal = await from_payer(units, reversal_of(crossover), "1599999999")
    await post(units, reversal, reversal)

    [item] = await items(units, first.subject_id, "correction")
    assert item.status == "closed" and reversal.payload.remit_id in item.resolution and item.resolved_at
    assert await ledger_totals(units, first.subject_id) == {}  # every account of the claim back to zero


async def test_a_later_payers_payment_after_its_void_is_owed_back_until_its_reversal_closes_the_item(units):
    first = first_claim()
    second = next_payer_claim(first)
    await post(units, first, split_primary_answer(first), second, correction_of(first, second, "8", "PCN1S2V"))
    late = numbered(secondary_answer(second), "ICN2")

    await post(units, late, late)

    totals = await ledger_totals(units, first.subject_id)
    assert (totals.get(ledger.INSURANCE_AR), totals[ledger.PATIENT_AR]) == (None, Decimal("19.00"))
    assert totals[ledger.PAYER_OVERPAYMENT] == -late.payload.paid
    [item] = await items(units, second.subject_id, "overpayment")
    assert (item.status, item.payment["paid"], str(item.remit_id)) == ("open", "15.20", late.payload.remit_id)

    reversal = reversal_of(late)
    await post(units, reversal, reversal)

    totals = await ledger_totals(units, first.subject_id)
    assert ledger.PAYER_OVERPAYMENT not in totals and totals[ledger.PATIENT_AR] == Decimal("19.00")
    assert await patient_categories(units, first.subject_id) == {
        "deductible": Decimal("10.00"), "coinsurance": Decimal("8.40"), "copay": Decimal("0.60")}
    [item] = await items(units, second.subject_id, "overpayment")
    assert item.status == "closed" and reversal.payload.remit_id in item.resolution


async def test_paid_before_and_again_after_its_void_the_reversal_takes_back_the_applied_payment(units):
    """The held payment is told apart by its entries in the query the reversal chooses from."""
    first = first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(units, first, split_primary_answer(first), second, answer, correction_of(first, second, "8", "PCN1S2V"))
    again = numbered(secondary_answer(second), "ICN2")

    await post(units, again, reversal_of(answer))

    totals = await ledger_totals(units, first.subject_id)
    assert (totals.get(ledger.INSURANCE_AR), totals[ledger.PATIENT_AR]) == (None, Decimal("19.00"))
    assert totals[ledger.PAYER_OVERPAYMENT] == -again.payload.paid
    [item] = await items(units, second.subject_id, "overpayment")
    assert item.status == "open" and str(item.remit_id) == again.payload.remit_id
