"""A/R aging and KPIs, and deposits reconciled against remittances, through the gateway."""
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.e2e.support import encounter_body, settled, wait_for
from tests.e2e.test_remits_api import era, paid_claim, post

NPI = encounter_body()["rendering_provider"]["npi"]


@pytest.fixture(scope="module")
def claims(api) -> list[dict]:
    """Two adjudicated claims of this module's tenant, with their patients."""
    made = []
    for _ in range(2):
        body = encounter_body()
        encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
        made.append((encounter_id, body["patient"]["id"]))
    result = []
    for encounter_id, patient in made:
        claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                            what="coding")["claim_id"]
        claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="the payment")
        result.append({**claim, "patient_id": patient})
    return result


def today() -> date:
    return datetime.now(timezone.utc).date()


def test_aging_adds_up_to_every_open_balance_by_payer_and_provider(api, claims):
    insurance = sum(Decimal(c["balance"]) for c in claims)
    patient = sum(Decimal(api.get(f"/v1/patients/{c['patient_id']}/balance").json()["balance"]) for c in claims)
    report = api.get("/v1/reports/ar-aging", params={"as_of": str(today() + timedelta(days=45))}).json()
    assert report["buckets"] == ["0-30", "31-60", "61-90", "91-120", "120+"]
    tenant = report["tenant"]
    assert Decimal(tenant["amount"]) == insurance + patient > 0
    assert tenant["buckets"]["31-60"]["amount"] == tenant["amount"]  # everything was billed today
    assert Decimal(report["by_payer"]["patient"]["amount"]) == patient
    assert Decimal(report["by_provider"][NPI]["amount"]) == insurance + patient
    assert sum(row["count"] for row in report["by_payer"].values()) == tenant["count"]
    by_service_date = api.get("/v1/reports/ar-aging", params={"basis": "date_of_service"}).json()
    assert by_service_date["tenant"]["amount"] == tenant["amount"]
    assert api.get("/v1/reports/ar-aging", params={"basis": "someday"}).status_code == 422


def test_kpis_days_in_ar_and_billing_lag(api, claims):
    kpis = api.get("/v1/reports/ar-kpis", params={"period_days": 30}).json()
    charges = sum(Decimal(c["total_charge"]) for c in claims)
    assert Decimal(kpis["charges_in_period"]) == charges
    expected = (Decimal(kpis["total_ar"]) / (charges / 30)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert Decimal(kpis["days_in_ar"]) == expected
    service_date = date.fromisoformat(encounter_body()["date_of_service"])
    assert kpis["billing_lag"]["claims"] == 2 and kpis["billing_lag"]["max_days"] == (today() - service_date).days
    collectible = charges - Decimal(kpis["contractual_in_period"])
    assert Decimal(kpis["net_collection_rate_percent"]) == (Decimal(kpis["collections_in_period"]) * 100
                                                           / collectible).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert 0 <= Decimal(kpis["net_collection_rate_percent"]) <= 100  # 0 when the payer applied it all to deductibles
    # The dashboard's rate counts the same collections (everything of this tenant was posted in the period).
    dashboard = api.get("/v1/reports/kpis").json()["net_collection_rate"]
    assert Decimal(dashboard["numerator"]) == Decimal(kpis["collections_in_period"])
    assert api.get("/v1/reports/ar-kpis", params={"period_days": 0}).status_code == 422


def test_deposits_reconcile_against_remittances_both_ways(api, claims):
    pcn = claims[0]["patient_control_number"]
    deposited_trace, forgotten_trace = f"EFT{uuid.uuid4().hex[:10]}", f"EFT{uuid.uuid4().hex[:10]}"
    for trace in (deposited_trace, forgotten_trace):
        assert post(api, era(paid_claim(pcn), "100", trace)).json()["status"] == "accepted"
    deposit = {"method": "EFT", "trace_number": deposited_trace.lower(), "amount": "100.00",
               "deposited_on": str(today())}
    made = api.post("/v1/deposits", json=deposit)
    assert made.status_code == 201, made.text
    assert api.post("/v1/deposits", json=deposit).json()["deposit_id"] == made.json()["deposit_id"]
    assert api.post("/v1/deposits", json={**deposit, "amount": "99"}).status_code == 409
    stray = api.post("/v1/deposits", json={**deposit, "trace_number": "CHK404", "method": "CHK"}).json()
    short = api.post("/v1/deposits", json={**deposit, "method": "CHK", "trace_number": forgotten_trace,
                                           "amount": "90"}).json()

    result = api.get("/v1/reconciliation").json()
    assert any(p["deposit"]["deposit_id"] == made.json()["deposit_id"] and p["remittance"]["amount"] == "100.00"
               for p in result["matched"])
    assert any(p["deposit"]["deposit_id"] == short["deposit_id"] for p in result["amount_mismatches"])
    assert [d["deposit_id"] for d in result["unmatched_deposits"]] == [stray["deposit_id"]]
    unmatched_traces = {r["trace_number"] for r in result["unmatched_remittances"]}
    assert deposited_trace not in unmatched_traces and forgotten_trace not in unmatched_traces
    assert result["claims"]["inconsistent"] == []
    assert api.post("/v1/deposits", json={**deposit, "method": "WIRE"}).status_code == 422
