"""Patient credit (overpayments held, applied, refunded) and the posting key of a claim payment."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.contracts.remit import RemitReceived
from services.payments.domain import ledger
from services.payments.domain.collections import (
    BalanceChange, CreditExceeded, OpenAmount, apply_credit, check_refund, split_payment, statement_cycle,
)
from services.payments.entrypoints.statement_html import render_statement

pytestmark = pytest.mark.unit
D = Decimal
DAY0 = date(2026, 1, 10)


def test_a_payment_beyond_the_balance_pays_the_balance_and_holds_the_rest():
    allocations, excess = split_payment(D("100"), [OpenAmount(DAY0, D("30"), "a"),
                                                   OpenAmount(DAY0 + timedelta(days=3), D("20"), "b")])
    assert allocations == [("a", D("30")), ("b", D("20"))] and excess == D("50")


def test_a_payment_with_nothing_owed_is_all_credit_and_nothing_positive_is_refused():
    assert split_payment(D("40"), []) == ([], D("40"))
    with pytest.raises(ValueError):
        split_payment(D("0"), [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=50_000), max_size=5), st.integers(min_value=1, max_value=300_000))
def test_split_spends_the_payment_exactly_and_never_more_than_a_claim_owes(owed_cents, paid_cents):
    open_by_claim = [OpenAmount(DAY0 + timedelta(days=i), D(c) / 100, f"c{i}") for i, c in enumerate(owed_cents)]
    amount = D(paid_cents) / 100
    allocations, excess = split_payment(amount, open_by_claim)
    owed = {o.claim_id: o.amount for o in open_by_claim}
    assert sum((a for _, a in allocations), D(0)) + excess == amount
    assert excess >= 0 and all(0 < a <= owed[c] for c, a in allocations)
    assert excess == 0 or sum((a for _, a in allocations), D(0)) == sum(owed.values(), D(0))


def test_credit_settles_the_oldest_responsibility_and_never_more_than_either():
    open_by_claim = [OpenAmount(DAY0 + timedelta(days=9), D("25"), "new"), OpenAmount(DAY0, D("10"), "old")]
    assert apply_credit(D("20"), open_by_claim) == [("old", D("10")), ("new", D("10"))]
    assert apply_credit(D("500"), open_by_claim) == [("old", D("10")), ("new", D("25"))]
    assert apply_credit(D("0"), open_by_claim) == [] and apply_credit(D("5"), []) == []


def test_a_refund_is_positive_and_at_most_the_credit():
    check_refund(D("50"), D("50"))
    with pytest.raises(CreditExceeded):
        check_refund(D("50.01"), D("50"))
    with pytest.raises(ValueError):
        check_refund(D("0"), D("50"))


def test_credit_transactions_balance_and_move_the_liability():
    held = ledger.patient_credit_transaction(D("50"), "overpayment card")
    applied = ledger.credit_applied_transaction("c", D("30"))
    refunded = ledger.refund_transaction(D("20"), "refund check")
    entries = [e for t in (held, applied, refunded) for e in t.entries]
    for txn in (held, applied, refunded):
        assert sum((e.amount for e in txn.entries), D(0)) == 0
    assert ledger.claim_balance(entries, ledger.PATIENT_CREDIT) == 0  # all of it applied or refunded
    assert ledger.claim_balance(entries, ledger.PATIENT_CASH) == D("30")  # kept: it paid the responsibility
    assert ledger.claim_balance(entries, ledger.PATIENT_AR) == D("-30")


def test_held_credit_shows_in_the_statement_cycle():
    cycle = statement_cycle([BalanceChange(DAY0, D("40"), "c"), BalanceChange(DAY0, D("-40"), "c")], DAY0,
                            held_credit=D("15"))
    assert cycle.status == "credit" and cycle.balance == D("-15")
    assert statement_cycle([], DAY0).status == "settled"


def test_statement_names_the_credit_and_the_amount_due():
    account = {"patient_id": "P1", "as_of": "2026-01-10", "balance": "0.00", "credit": "15.00", "amount_due": "0.00",
               "totals": {k: "0" for k in ("deductible", "coinsurance", "copay", "other", "other_payers_paid",
                                           "patient_paid")},
               "claims": [], "aging": {}, "statement_cycle": {"status": "credit", "stage": None}}
    html = render_statement(account, "t1")
    assert "Credit on your account: <strong>15.00</strong>" in html and "Amount due: <strong>0.00</strong>" in html
    assert "Credit on your account" not in render_statement({**account, "credit": "0.00"}, "t1")


def _remit(status: str, pcn: str | None = "ICN1", claim_id: str = "claim-1") -> RemitReceived:
    return RemitReceived(remit_id="r1", claim_id=claim_id, patient_control_number="P", payer_id="X",
                         status_code=status, charge="100", paid="-80" if status == "22" else "80",
                         patient_responsibility="0", payer_claim_control_number=pcn, trace_number="t")


def test_posting_key_tells_a_payment_from_its_reversal_and_one_claim_from_another():
    assert ledger.posting_key(_remit("1")) == "r1/claim-1/payment/ICN1"
    assert ledger.posting_key(_remit("22")) == "r1/claim-1/reversal/ICN1"
    assert ledger.posting_key(_remit("1")) != ledger.posting_key(_remit("1", claim_id="claim-2"))
    assert ledger.posting_key(_remit("1", pcn="")) == ledger.posting_key(_remit("1", pcn=None))  # empty CLP07 = none
    # the same claim payment re-emitted for a suspense item keeps its key: posted once
    assert ledger.posting_key(_remit("1")) == ledger.posting_key(_remit("1").model_copy())
