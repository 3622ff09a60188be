"""The revenue-cycle KPIs from report figures: definitions, Decimal arithmetic, empty periods."""
from decimal import Decimal

from services.gateway.dashboard.kpis import compute_kpis, ratio

CLAIMS = {"by_status": {"paid": 6, "denied": 2, "held": 1, "submitted": 1}, "scrubbed": 10, "clean": 8,
          "adjudication": {"AETNA": {"adjudicated": 5, "first_pass_paid": 4}, "CIGNA": {"adjudicated": 3, "first_pass_paid": 1}}}
DENIALS = {"denied_claims": 2, "by_payer": {"CIGNA": 2}, "by_category": {"eligibility": 1, "authorization": 1},
           "by_carc": {"27": 1, "197": 1}, "open": 2}
PAYMENTS = {"account_balances": {"ar:insurance": "300.00", "ar:patient": "60.00", "revenue:charges": "-1000.00",
                                 "cash:clearing": "500.00", "cash:patient": "40.00", "adj:contractual": "100.00"},
            "collected": "540.00",
            "period_days": 90, "charges_in_period": "900.00", "suspense_open": 1}


def test_each_kpi_follows_its_definition():
    kpis = compute_kpis(claims=CLAIMS, denials=DENIALS, payments=PAYMENTS)
    assert kpis["clean_claim_rate"]["value"] == "0.8000"
    assert kpis["denial_rate"] == {"value": "0.2500", "numerator": "2", "denominator": "8"}
    assert kpis["first_pass_resolution_rate"]["value"] == "0.6250"
    # 360 receivable over 900/90 = 10.00 a day
    assert kpis["days_in_ar"]["value"] == "36.0"
    # 540 collected (the payments service's figure: payer and patient cash) over 1000 charged less 100 contractual
    assert kpis["net_collection_rate"]["value"] == "0.6000"
    assert kpis["denial_rate_by_payer"]["CIGNA"]["value"] == "0.6667"
    assert kpis["denial_rate_by_payer"]["AETNA"]["value"] == "0.0000"
    assert kpis["denial_rate_by_reason"]["eligibility"]["value"] == "0.1250"
    assert kpis["volumes"]["receivable"] == "360.00"


def test_no_activity_gives_no_value_rather_than_a_division_error():
    kpis = compute_kpis(claims={}, denials={}, payments={})
    assert all(kpis[k]["value"] is None for k in ("clean_claim_rate", "denial_rate", "first_pass_resolution_rate",
                                                   "days_in_ar", "net_collection_rate"))


def test_ratio_rounds_half_up_in_decimal():
    assert ratio(Decimal("2"), 3)["value"] == "0.6667"
    assert ratio(1, 8)["value"] == "0.1250"
