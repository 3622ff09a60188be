"""Deposits recorded once per trace, matched against accepted remittances, and each claim's figures checked against
its ledger balance: the use cases over the in-memory unit of work."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from services.payments.adapters.tables import Remittance
from services.payments.application import reports
from services.payments.application.post_remits import post_remits
from tests.unit.payments.fakes import FakePaymentsUnitOfWork
from tests.unit.payments.test_posting_use_cases import TENANT, charged, remit, submitted
from shared.testing.fake_batch import FakeBatch

pytestmark = pytest.mark.unit
D = Decimal
DEPOSITED = date(2026, 11, 20)


async def deposit(uow, trace: str, amount: str, method: str = "EFT"):
    return await reports.record_deposit(uow, tenant_id=TENANT, method=method, trace_number=trace, amount=D(amount),
                                        deposited_on=DEPOSITED)


def remittance(trace: str, paid: str, *, status: str = "accepted", tenant: uuid.UUID = TENANT) -> Remittance:
    return Remittance(id=uuid.uuid4(), tenant_id=tenant, source="api", status=status, payer_id="P",
                      trace_number=trace, total_paid=D(paid), problems=[], x12="",
                      received_at=datetime(2026, 11, 19, tzinfo=timezone.utc))


async def test_a_deposit_is_recorded_once_per_trace_and_refused_with_other_figures():
    uow = FakePaymentsUnitOfWork()
    first, existed = await deposit(uow, "00012345ab", "100.00")
    again, existed_again = await deposit(uow, " 12345 AB ", "100.00")  # case, spaces and leading zeros aside
    assert (existed, existed_again, again.id) == (False, True, first.id)
    with pytest.raises(reports.DepositConflict):
        await deposit(uow, "12345AB", "99.00")
    assert (await deposit(uow, "12345AB", "99.00", method="CHK"))[1] is False  # a check is another deposit
    assert len(uow.reconciliation.deposit_rows) == 2


async def test_deposits_match_accepted_remittances_only_and_claims_are_counted_by_their_checks():
    uow = FakePaymentsUnitOfWork()
    paid, open_claim = submitted(), submitted()
    await charged(uow, paid, open_claim)
    await post_remits(uow, FakeBatch([remit(paid)]))
    uow.remittances.rows += [remittance("T1", "76.00"), remittance("T2", "40.00", status="duplicate"),
                             remittance("T3", "10.00", tenant=uuid.uuid4())]
    await deposit(uow, "T1", "76.00")
    await deposit(uow, "T9", "5.00")
    result = await reports.reconcile(uow, tenant_id=TENANT)
    assert [p["remittance"]["trace_number"] for p in result["matched"]] == ["T1"]
    assert [d["trace_number"] for d in result["unmatched_deposits"]] == ["T9"]
    assert result["unmatched_remittances"] == [] and result["amount_mismatches"] == []
    assert result["claims"] == {"closed": 1, "open": 1, "inconsistent": []}


async def test_a_claim_check_reads_the_tenants_claim_only():
    uow = FakePaymentsUnitOfWork()
    claim = submitted()
    await charged(uow, claim)
    await post_remits(uow, FakeBatch([remit(claim)]))
    check = await reports.claim_check(uow, tenant_id=TENANT, claim_id=claim.subject_id)
    assert (check["charge"], check["paid"], check["adjustments"], check["patient_responsibility"]) == (
        D("147"), D("76.00"), D("52.00"), D("19.00"))
    assert check["closed"] and check["consistent"] and check["ledger_balance"] == 0
    assert await reports.claim_check(uow, tenant_id=uuid.uuid4(), claim_id=claim.subject_id) is None
