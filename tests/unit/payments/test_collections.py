import pytest

pytestmark = pytest.mark.unit

# Patient collections: FIFO balance history, statement cycles, payment allocation, PR categories.
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.payments.domain import ledger
from services.payments.domain.collections import (
    BalanceChange, OpenAmount, Overpayment, allocate_payment, open_amounts, patient_aging, statement_cycle,
)

D = Decimal
DAY0 = date(2026, 1, 10)


def change(days: int, amount: str, claim: str | None = "c1") -> BalanceChange:
    return BalanceChange(DAY0 + timedelta(days=days), D(amount), claim)


def test_no_history_is_settled():
    cycle = statement_cycle([], DAY0)
    assert (cycle.status, cycle.balance, cycle.stage, cycle.schedule) == ("settled", D("0.00"), None, [])


@pytest.mark.parametrize("age, stage, next_stage", [
    (0, "first_statement", "reminder_30"), (29, "first_statement", "reminder_30"), (30, "reminder_30", "reminder_60"),
    (59, "reminder_30", "reminder_60"), (60, "reminder_60", "final_notice"), (90, "final_notice", None),
    (400, "final_notice", None)])
def test_stage_follows_the_age_of_the_balance(age, stage, next_stage):
    cycle = statement_cycle([change(0, "40")], DAY0 + timedelta(days=age))
    assert (cycle.status, cycle.stage, cycle.next_stage, cycle.balance) == ("in_cycle", stage, next_stage, D("40"))
    assert [s["date"] for s in cycle.schedule] == [DAY0 + timedelta(days=d) for d in (0, 30, 60, 90)]


def test_paying_in_full_ends_the_cycle_and_a_new_balance_starts_another():
    history = [change(0, "40"), change(45, "-40")]
    assert statement_cycle(history, DAY0 + timedelta(days=70)).status == "settled"
    history.append(change(80, "25", "c2"))
    cycle = statement_cycle(history, DAY0 + timedelta(days=111))
    assert (cycle.cycle_start, cycle.stage, cycle.balance) == (DAY0 + timedelta(days=80), "reminder_30", D("25"))


def test_a_partial_payment_keeps_the_oldest_amount_in_its_cycle():
    history = [change(0, "100"), change(20, "30", "c2"), change(35, "-60")]
    cycle = statement_cycle(history, DAY0 + timedelta(days=65))
    assert (cycle.cycle_start, cycle.stage, cycle.balance) == (DAY0, "reminder_60", D("70"))


def test_paying_the_oldest_amount_moves_the_cycle_to_the_next():
    history = [change(0, "100"), change(20, "30", "c2"), change(35, "-100")]
    cycle = statement_cycle(history, DAY0 + timedelta(days=65))
    assert (cycle.cycle_start, cycle.stage, cycle.balance) == (DAY0 + timedelta(days=20), "reminder_30", D("30"))


def test_a_reversal_takes_back_its_own_claims_amount_first():
    history = [change(0, "50", "c1"), change(10, "20", "c2"), change(40, "-20", "c2")]
    lots, credit = open_amounts(history)
    assert credit == 0 and [(l.claim_id, l.amount) for l in lots] == [("c1", D("50"))]


def test_an_adjustment_beyond_the_balance_is_a_credit_that_absorbs_the_next_charge():
    history = [change(0, "10"), change(5, "-15"), change(9, "20", "c2")]
    assert statement_cycle(history[:2], DAY0 + timedelta(days=6)).status == "credit"
    lots, credit = open_amounts(history)
    assert credit == 0 and [(l.since, l.amount) for l in lots] == [(DAY0 + timedelta(days=9), D("15"))]


def test_patient_aging_buckets_by_assessment_date():
    history = [change(0, "10"), change(50, "20", "c2"), change(100, "30", "c3"), change(130, "40", "c4")]
    buckets = patient_aging(history, DAY0 + timedelta(days=135))
    assert {k: (v["amount"], v["count"]) for k, v in buckets.items()} == {
        "0-30": (D("40"), 1), "31-60": (D("30"), 1), "61-90": (D("20"), 1), "91-120": (D("0.00"), 0),
        "120+": (D("10"), 1)}


def test_allocation_pays_the_oldest_claim_first():
    open_by_claim = [OpenAmount(DAY0 + timedelta(days=5), D("30"), "new"), OpenAmount(DAY0, D("50"), "old")]
    assert allocate_payment(D("60"), open_by_claim) == [("old", D("50")), ("new", D("10"))]


def test_allocation_refuses_overpayment_and_nothing_positive():
    with pytest.raises(Overpayment):
        allocate_payment(D("80.01"), [OpenAmount(DAY0, D("80"), "c")])
    with pytest.raises(ValueError):
        allocate_payment(D("0"), [OpenAmount(DAY0, D("80"), "c")])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=50_000), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=300_000))
def test_allocation_spends_exactly_the_payment_and_never_more_than_a_claim_owes(owed_cents, paid_cents):
    open_by_claim = [OpenAmount(DAY0 + timedelta(days=i), D(c) / 100, f"c{i}") for i, c in enumerate(owed_cents)]
    amount = D(paid_cents) / 100
    if amount > sum((o.amount for o in open_by_claim), D(0)):
        with pytest.raises(Overpayment):
            allocate_payment(amount, open_by_claim)
        return
    allocations = allocate_payment(amount, open_by_claim)
    owed = {o.claim_id: o.amount for o in open_by_claim}
    assert sum((a for _, a in allocations), D(0)) == amount
    assert all(0 < a <= owed[c] for c, a in allocations)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(-20_000, 20_000)), max_size=12))
def test_open_amounts_less_credit_always_equal_the_running_balance(raw):
    history = [BalanceChange(DAY0 + timedelta(days=d), D(c) / 100, f"c{d % 3}") for d, c in raw]
    lots, credit = open_amounts(history)
    assert sum((l.amount for l in lots), D(0)) - credit == sum((c.amount for c in history), D(0))
    assert all(l.amount > 0 for l in lots) and credit >= 0 and not (lots and credit)


# --- PR categories in the ledger ----------------------------------------------------------------

def test_patient_responsibility_is_split_into_deductible_coinsurance_copay_and_other():
    adjustments = [("PR", "1", "50"), ("PR", "2", "12"), ("PR", "3", "20"), ("PR", "96", "5"), ("CO", "45", "13")]
    line = RemitServiceLine(procedure_code="99213", charge="200", paid="100", date_of_service=DAY0,
                            adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adjustments])
    remit = RemitReceived(remit_id="r", claim_id="c", patient_control_number="P", payer_id="X", status_code="1",
                          charge="200", paid="100", patient_responsibility="87", trace_number="t", service_lines=[line])
    billed = [ledger.ChargedLine(1, "99213", (), DAY0, D("200"))]
    txn = ledger.post_claim_payment("c", remit, billed).transaction
    by_category = {e.category: e.amount for e in txn.entries if e.account == ledger.PATIENT_AR}
    assert by_category == {"deductible": D("50"), "coinsurance": D("12"), "copay": D("20"), "other": D("5")}
    reversed_categories = {e.category: e.amount for e in ledger.reverse_transaction(txn).entries
                           if e.account == ledger.PATIENT_AR}
    assert reversed_categories == {k: -v for k, v in by_category.items()}


def test_patient_payment_moves_patient_ar_to_patient_cash_and_sums_to_zero():
    txn = ledger.patient_payment_transaction("c", D("25.50"), "patient payment card")
    assert sum((e.amount for e in txn.entries), D(0)) == 0
    assert ledger.claim_balance(list(txn.entries), ledger.PATIENT_AR) == D("-25.50")
    assert ledger.claim_balance(list(txn.entries), ledger.PATIENT_CASH) == D("25.50")
