"""Reversals in the payments database: a voided later payer's claim, its reversal posted before or after the
void, hands that payer's share to the patient once; a reversal of a denial that posted no entries finds it."""
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import LedgerTransaction, SuspenseItem
from services.payments.application.post_charges import post_charges
from services.payments.application.post_remits import post_remits
from services.payments.domain import ledger
from services.payments.settings import Settings
from tests.unit.payments.fakes import FakeBatch
from tests.unit.payments.test_corrected_claims_reversals import correction_of, numbered
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
