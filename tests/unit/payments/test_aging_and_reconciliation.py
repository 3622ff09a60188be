import pytest

pytestmark = pytest.mark.unit

# A/R aging buckets, days in A/R, billing lag; deposits against remittances; the closed-claim check.
from datetime import date, timedelta
from decimal import Decimal

from services.payments.domain.aging import (
    OpenItem, aging_report, billing_lag, bucket_for, days_in_ar, net_collection_rate,
)
from services.payments.domain.reconciliation import (
    Deposit, RemittancePayment, claim_balance_check, reconcile, trace_key,
)

D = Decimal
TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("age, bucket", [(0, "0-30"), (30, "0-30"), (31, "31-60"), (60, "31-60"), (61, "61-90"),
                                         (90, "61-90"), (91, "91-120"), (120, "91-120"), (121, "120+"), (999, "120+")])
def test_bucket_edges(age, bucket):
    assert bucket_for(age) == bucket


def item(claim, payer, npi, amount, age) -> OpenItem:
    return OpenItem(claim, payer, npi, D(amount), TODAY - timedelta(days=age))


def test_aging_report_by_tenant_payer_and_provider_in_dollars_and_counts():
    report = aging_report([item("a", "P1", "111", "100", 5), item("b", "P1", "222", "50", 45),
                           item("b", "patient", "222", "20", 10), item("c", "P2", "111", "30", 200),
                           item("d", "P2", "111", "0", 300)], TODAY)
    tenant = report["tenant"]
    assert (tenant["amount"], tenant["count"]) == (D("200"), 4)
    assert tenant["buckets"]["0-30"] == {"amount": D("120"), "count": 2}
    assert tenant["buckets"]["120+"] == {"amount": D("30"), "count": 1}
    assert set(report["by_payer"]) == {"P1", "P2", "patient"}
    assert report["by_payer"]["P1"]["buckets"]["31-60"] == {"amount": D("50"), "count": 1}
    assert report["by_provider"]["111"]["amount"] == D("130") and report["by_provider"]["222"]["count"] == 2


def test_future_dated_items_age_as_zero_days():
    report = aging_report([item("a", "P", None, "10", -3)], TODAY)
    assert report["tenant"]["buckets"]["0-30"]["count"] == 1 and "unknown" in report["by_provider"]


def test_days_in_ar_is_ar_over_average_daily_charges():
    assert days_in_ar(D("45000"), D("90000"), 90) == D("45.0")
    assert days_in_ar(D("100"), D("0"), 90) is None


def test_net_collection_rate_is_payments_over_charges_less_contractual():
    assert net_collection_rate(D("95"), D("147"), D("52")) == D("100.0")
    assert net_collection_rate(D("76"), D("147"), D("52")) == D("80.0")
    assert net_collection_rate(D("0"), D("10"), D("10")) is None


def test_billing_lag_average_median_and_max():
    served = date(2026, 11, 1)
    lag = billing_lag([(served, served + timedelta(days=d)) for d in (1, 2, 9)])
    assert lag == {"claims": 3, "average_days": D("4.0"), "median_days": D("2"), "max_days": 9}
    assert billing_lag([])["average_days"] is None


def dep(id_, trace, amount, method="EFT") -> Deposit:
    return Deposit(id_, method, trace, D(amount), TODAY)


def rem(id_, trace, amount) -> RemittancePayment:
    return RemittancePayment(id_, trace, "P", D(amount), TODAY)


def test_deposits_match_remittances_by_trace_and_amount_and_list_the_rest_both_ways():
    result = reconcile(
        [dep("d1", "EFT0001", "100.00"), dep("d2", "12345", "50"), dep("d3", "NOPE", "10"), dep("d4", " eft0009 ", "7")],
        [rem("r1", "EFT0001", "100"), rem("r2", "12345", "55"), rem("r3", "LOST", "20"), rem("r4", "EFT0009", "7"),
         rem("r5", "ZERO", "0")])
    assert [(d.id, r.remit_id) for d, r in result.matched] == [("d1", "r1"), ("d4", "r4")]
    assert [(d.id, r.remit_id) for d, r in result.amount_mismatches] == [("d2", "r2")]
    assert [d.id for d in result.unmatched_deposits] == ["d3"]
    assert [r.remit_id for r in result.unmatched_remittances] == ["r3"]  # a zero-dollar 835 needs no deposit


def test_two_remittances_with_one_trace_pair_with_the_deposit_of_the_same_amount():
    result = reconcile([dep("d1", "T1", "30")], [rem("r1", "T1", "20"), rem("r2", "T1", "30")])
    assert [(d.id, r.remit_id) for d, r in result.matched] == [("d1", "r2")]
    assert [r.remit_id for r in result.unmatched_remittances] == ["r1"]


def test_trace_key_ignores_case_spaces_and_leading_zeros():
    assert trace_key(" 000123 ab ") == trace_key("123AB") and trace_key("000") == "000"


def test_closed_claim_balance_is_zero_and_agrees_with_the_ledger():
    totals = {"cash:clearing": D("76"), "adj:contractual": D("52"), "ar:patient": D("19")}
    check = claim_balance_check(D("147"), totals, ledger_balance=D("0"))
    assert (check.balance, check.consistent, check.closed) == (D("0"), True, True)
    open_check = claim_balance_check(D("147"), {"cash:clearing": D("76")}, ledger_balance=D("71"))
    assert (open_check.balance, open_check.consistent, open_check.closed) == (D("71"), True, False)
    broken = claim_balance_check(D("150"), totals, ledger_balance=D("0"))
    assert (broken.balance, broken.consistent, broken.closed) == (D("3"), False, False)
