"""A payer's overpayment in the payments database: a primary paying after its own void is held as owed back,
a person's refund posts cash out once and closes the item, a recoupment of the refunded payment leaves the payer
owing it (cash still equals each remittance's BPR02, every claim check passes, nothing counted as collected);
a later payer's correction item closes when its voided claim's reversal arrives, before or after the void."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.payments.adapters.tables import LedgerEntry, LedgerTransaction, SuspenseItem
from services.payments.application import reports, suspense
from services.payments.domain import ledger
from tests.integration.test_reversal_posting import items, ledger_totals, post, units  # noqa: F401 (fixture)
from tests.unit.payments.test_corrected_claims_reversals import correction_of, numbered
from tests.unit.payments.test_next_payer_posting import first_claim, next_payer_claim, secondary_answer
from tests.unit.payments.test_posting_use_cases import TENANT, remit, reversal_of, submitted

PAID = Decimal("76.00")


async def unbalanced_transactions(units) -> int:
    async with units() as uow:
        sums = select(LedgerEntry.transaction_id).group_by(LedgerEntry.transaction_id).having(
            func.sum(LedgerEntry.amount) != 0)
        return await uow.session.scalar(select(func.count()).select_from(sums.subquery()))


async def remittance_cash(units, event) -> Decimal:
    async with units() as uow:
        return await uow.ledger.remittance_cash(TENANT, uuid.UUID(event.payload.remit_id))


async def claim_check(units, claim_id) -> dict:
    async with units() as uow:
        return await reports.claim_check(uow, tenant_id=TENANT, claim_id=claim_id)


async def collected_today(units) -> Decimal:
    async with units() as uow:
        flows = await uow.reports.period_flows(TENANT, datetime.now(timezone.utc).date(),
                                               [ledger.CASH, ledger.PATIENT_CASH, ledger.PAYER_OVERPAYMENT])
    return reports.collected(lambda account: flows.get(account, Decimal(0)))


async def test_a_primary_paid_after_its_void_refunded_then_recouped_is_owed_back_by_the_payer(units):
    claim = submitted()
    late = remit(claim)
    before = await collected_today(units)
    await post(units, claim, submitted(uuid.uuid4(), frequency="8", original=claim.subject_id), late, late)

    totals = await ledger_totals(units, claim.subject_id)
    assert totals == {ledger.CASH: PAID, ledger.PAYER_OVERPAYMENT: -PAID}  # nothing to revenue or the patient
    assert await collected_today(units) == before
    [item] = await items(units, claim.subject_id, "overpayment")

    async with units() as uow:
        await suspense.refund_overpayment(uow, tenant_id=TENANT, item_id=item.id, reference="CHK-9", method="check",
                                          refunded_on=date(2026, 12, 1))
    async with units() as uow:
        with pytest.raises(suspense.SuspenseConflict):
            await suspense.refund_overpayment(uow, tenant_id=TENANT, item_id=item.id, reference="CHK-9",
                                              method="check", refunded_on=None)
    assert await ledger_totals(units, claim.subject_id) == {}
    [item] = await items(units, claim.subject_id, "overpayment")
    assert item.status == "closed" and "CHK-9" in item.resolution and item.payment["refund"]["method"] == "check"

    recoupment = reversal_of(late)
    await post(units, recoupment, recoupment)

    assert await ledger_totals(units, claim.subject_id) == {ledger.CASH: -PAID, ledger.PAYER_RECOUPED: PAID}
    assert await remittance_cash(units, late) == PAID and await remittance_cash(units, recoupment) == -PAID
    [asked] = await items(units, claim.subject_id, "recoupment")
    assert asked.status == "open" and asked.payment["paid"] == "76.00"
    check = await claim_check(units, claim.subject_id)
    assert check["consistent"] and check["closed"]
    assert await unbalanced_transactions(units) == 0
    assert await collected_today(units) == before - PAID  # the payer took the money a second time
    async with units() as uow:
        kinds = (await uow.session.execute(select(LedgerTransaction.kind).where(
            LedgerTransaction.claim_id == claim.subject_id).order_by(LedgerTransaction.created_at))).scalars().all()
    assert sorted(kinds) == sorted(["charge", "voided", "payment", "payer_refund", "reversal"])


@pytest.mark.parametrize("reversal_first", [False, True])
async def test_a_later_payers_correction_item_closes_on_its_voided_claims_reversal(units, reversal_first):
    first = first_claim()
    second = next_payer_claim(first)
    answer = numbered(secondary_answer(second), "ICN2")
    await post(units, first, remit(first), second, answer,
               submitted(uuid.uuid4(), frequency="8", original=first.subject_id))
    void, reversal = correction_of(first, second, "8", "PCN1S2V"), reversal_of(answer)

    await post(units, *((reversal, void) if reversal_first else (void, reversal)))

    [item] = await items(units, second.subject_id, "correction")
    assert item.status == "closed" and item.resolution.startswith("settled:") and item.resolved_at
    assert (reversal.payload.remit_id in item.resolution) != reversal_first
    async with units() as uow:
        left = await uow.session.scalar(select(func.count()).select_from(SuspenseItem).where(
            SuspenseItem.claim_id == second.subject_id, SuspenseItem.status == "open"))
    assert left == 0 and (await claim_check(units, first.subject_id))["consistent"]
