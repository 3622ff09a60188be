import pytest

pytestmark = pytest.mark.unit

# The patient statement page: stage title, amounts and aging from the account view, every value escaped.
from dataclasses import asdict
from datetime import date, timedelta
from decimal import Decimal

from services.payments.domain.collections import BalanceChange, patient_aging, statement_cycle
from services.payments.entrypoints.api_accounts import plain
from services.payments.entrypoints.statement_html import render_statement

DAY0 = date(2026, 1, 10)


def account(patient_id: str, today: date) -> dict:
    history = [BalanceChange(DAY0, Decimal("42.50"), "c1")]
    row = {"claim_id": "c1", "date_of_service": DAY0, "payer_id": "AETNA", "charge": Decimal("147.00"),
           "deductible": Decimal("0"), "coinsurance": Decimal("42.50"), "copay": Decimal("0"), "other": Decimal("0"),
           "other_payers_paid": Decimal("0"), "patient_paid": Decimal("0"), "balance": Decimal("42.50")}
    totals = {k: row[k] for k in ("deductible", "coinsurance", "copay", "other", "other_payers_paid", "patient_paid")}
    return plain({"patient_id": patient_id, "as_of": today, "balance": Decimal("42.50"), "totals": totals,
                  "claims": [row], "aging": patient_aging(history, today),
                  "statement_cycle": asdict(statement_cycle(history, today))})


def test_final_notice_page_shows_amount_due_and_aging():
    html = render_statement(account("MRN-1", DAY0 + timedelta(days=95)), "tenant-1")
    assert "<title>Final notice</title>" in html and "<strong>42.50</strong>" in html
    assert "<tr><td>91-120</td><td>42.50</td><td>1</td></tr>" in html


def test_first_statement_names_the_next_notice():
    html = render_statement(account("MRN-1", DAY0), "tenant-1")
    assert "<title>Statement</title>" in html and f"reminder_30 on {DAY0 + timedelta(days=30)}" in html


def test_values_are_escaped():
    html = render_statement(account("<script>alert(1)</script>", DAY0), "t&t")
    assert "<script>" not in html and "&lt;script&gt;" in html and "t&amp;t" in html
