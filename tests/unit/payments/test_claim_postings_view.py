"""A claim's postings as the claim view shows them, built from the rows the postings read returns: what each
kind of transaction contributes, the cash a timeline step names, and the insurance balance."""
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest

from services.payments.application.ledger_views import claim_view

pytestmark = pytest.mark.unit

AT = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


def _posted(kind: str, minute: int, entries: list[tuple], *, remit: bool = False):
    txn = SimpleNamespace(id=uuid.uuid4(), kind=kind, remit_id=uuid.UUID(int=minute) if remit else None,
                          payer_claim_number="627676228882" if remit else None, created_at=AT + timedelta(minutes=minute))
    return txn, [SimpleNamespace(transaction_id=txn.id, account=account, amount=Decimal(amount), line_number=line,
                                 memo=memo, category=category) for account, amount, line, memo, category in entries]


def _view(*posted):
    return claim_view([txn for txn, _ in posted], [entry for _, entries in posted for entry in entries])


def test_a_paid_claim_shows_its_payment_adjustments_balance_and_steps():
    view = _view(
        _posted("charge", 0, [("ar:insurance", "147.00", None, None, None), ("revenue:charges", "-147.00", None, None, None)]),
        _posted("payment", 1, [("cash:clearing", "76.00", None, None, None), ("ar:insurance", "-147.00", None, None, None),
                               ("adj:contractual", "43.00", 1, "CO-45", None),
                               ("ar:patient", "18.40", 1, "PR-2", "coinsurance"),
                               ("cash:clearing", "0.50", None, None, None),
                               ("adj:contractual", "9.10", 2, "CO-45", None)], remit=True),
        _posted("write_off", 2, []))
    assert view["payments"] == [{"remit_id": str(uuid.UUID(int=1)), "amount": "76.50", "kind": "payment",
                                 "payer_claim_number": "627676228882", "posted_at": AT + timedelta(minutes=1)}]
    assert view["adjustments"] == [
        {"account": "adj:contractual", "amount": "43.00", "line_number": 1, "memo": "CO-45", "category": None},
        {"account": "ar:patient", "amount": "18.40", "line_number": 1, "memo": "PR-2", "category": "coinsurance"},
        {"account": "adj:contractual", "amount": "9.10", "line_number": 2, "memo": "CO-45", "category": None}]
    assert view["balance"] == "0.00"
    assert [(step["event"], step["detail"]["cash"], step["service"], step["status"]) for step in view["timeline"]] == [
        ("charge_posted", "0.00", "payments", None), ("payment_posted", "76.50", "payments", None),
        ("written_off", "0.00", "payments", None)]


def test_a_step_without_payer_cash_names_the_patients_cash_or_else_the_credit_applied():
    view = _view(
        _posted("charge", 0, [("ar:insurance", "80.00", None, None, None), ("revenue:charges", "-80.00", None, None, None)]),
        _posted("reversal", 1, [("cash:clearing", "-30.00", None, None, None), ("ar:insurance", "30.00", None, None, None),
                                ("adj:contractual", "-5.00", 1, "CO-45", None)], remit=True),
        _posted("patient_payment", 2, [("cash:patient", "12.00", None, None, None),
                                       ("ar:patient", "-12.00", 1, None, None)]),
        _posted("credit_applied", 3, [("liability:patient_credit", "4.25", None, None, None),
                                      ("ar:patient", "-4.25", 1, None, None)]),
        _posted("adjustment", 4, [("ar:patient", "3.00", 2, "PR-1", "deductible")]))
    assert [(p["kind"], p["amount"], p["remit_id"]) for p in view["payments"]] == [
        ("reversal", "-30.00", str(uuid.UUID(int=1)))]
    # a patient's own payments and credits are not the payer's adjustments; other kinds' are
    assert [(a["account"], a["amount"]) for a in view["adjustments"]] == [
        ("adj:contractual", "-5.00"), ("ar:patient", "3.00")]
    assert [(step["event"], step["detail"]["cash"]) for step in view["timeline"]] == [
        ("charge_posted", "0.00"), ("payment_reversed", "-30.00"), ("patient_payment_posted", "12.00"),
        ("patient_credit_applied", "4.25"), ("adjustment", "0.00")]
    assert view["balance"] == "110.00"


def test_a_claim_with_nothing_posted_shows_nothing():
    assert _view() == {"payments": [], "adjustments": [], "balance": "0.00", "timeline": []}
