"""Patient balances, statements and statement cycles, and patient payments, through the gateway."""
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import httpx
import pytest

from tests.e2e.support import create_tenant, encounter_body, settled, wait_for
from tests.e2e.test_remits_api import era, post


@pytest.fixture(scope="module")
def paid_claim(api) -> dict:
    """A claim the simulator adjudicated: its coinsurance (PR-2) is the patient's to pay."""
    body = encounter_body()
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="the payment")
    return {"claim": claim, "patient_id": body["patient"]["id"]}


@pytest.fixture(scope="module")
def stranger(stack, gateway_url):
    tenant = create_tenant(stack, "Another Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {tenant['api_key']}"},
                      timeout=30) as client:
        yield client


def today() -> date:
    return datetime.now(timezone.utc).date()


def test_balance_is_the_patient_responsibility_split_by_category(api, paid_claim):
    claim, patient = paid_claim["claim"], paid_claim["patient_id"]
    pr = [a for a in claim["adjustments"] if a["account"] == "ar:patient"]
    assert pr and all(a["category"] in ("deductible", "coinsurance", "copay", "other") for a in pr)
    account = api.get(f"/v1/patients/{patient}/balance").json()
    assert Decimal(account["balance"]) == sum(Decimal(a["amount"]) for a in pr) > 0
    for category in ("deductible", "coinsurance"):
        assert Decimal(account["totals"][category]) == sum(Decimal(a["amount"]) for a in pr if a["category"] == category)
    [row] = account["claims"]
    assert row["claim_id"] == claim["claim_id"] and row["balance"] == account["balance"]
    assert account["statement_cycle"]["stage"] == "first_statement"
    assert account["aging"]["0-30"]["amount"] == account["balance"]


def test_statement_html_and_cycle_as_the_balance_ages(api, paid_claim):
    patient = paid_claim["patient_id"]
    balance = api.get(f"/v1/patients/{patient}/balance").json()["balance"]
    later = api.get(f"/v1/patients/{patient}/statement", params={"as_of": str(today() + timedelta(days=65))})
    assert later.status_code == 200 and later.headers["content-type"].startswith("text/html")
    assert "Second reminder" in later.text and f"<strong>{balance}</strong>" in later.text
    cycle = api.get(f"/v1/patients/{patient}/balance", params={"as_of": str(today() + timedelta(days=95))}).json()
    assert cycle["statement_cycle"]["stage"] == "final_notice" and cycle["aging"]["91-120"]["amount"] == balance


def test_a_secondary_payer_pays_part_of_the_patient_share(api, paid_claim):
    claim, patient = paid_claim["claim"], paid_claim["patient_id"]
    owed = Decimal(api.get(f"/v1/patients/{patient}/balance").json()["balance"])
    charge, paid = Decimal(claim["total_charge"]), Decimal("1.50")
    pcn = claim["patient_control_number"]
    secondary = [f"CLP*{pcn}*2*{charge}*{paid}*0*12*SEC{pcn[:8]}*11*1", f"CAS*OA*23*{charge - paid}"]
    assert post(api, era(secondary, str(paid), uuid.uuid4().hex[:12])).json()["status"] == "accepted"
    account = wait_for(lambda: api.get(f"/v1/patients/{patient}/balance").json(),
                       lambda a: Decimal(a["balance"]) == owed - paid, what="the secondary payment")
    assert Decimal(account["totals"]["other_payers_paid"]) == paid
    after = api.get(f"/v1/claims/{claim['claim_id']}").json()
    assert after["balance"] == claim["balance"]  # the prior payer's part (CARC 23) is not posted twice
    assert api.get(f"/v1/claims/{claim['claim_id']}/balance").json()["consistent"]


def test_patient_payment_posts_once_and_changes_the_balance(api, paid_claim):
    patient, claim_id = paid_claim["patient_id"], paid_claim["claim"]["claim_id"]
    owed = Decimal(api.get(f"/v1/patients/{patient}/balance").json()["balance"])
    part = (owed / 2).quantize(Decimal("0.01"))
    body = {"amount": str(part), "reference": "RCPT-1", "method": "card"}
    first = api.post(f"/v1/patients/{patient}/payments", json=body)
    assert first.status_code == 201, first.text
    assert first.json()["allocations"] == [{"claim_id": claim_id, "amount": str(part)}]
    again = api.post(f"/v1/patients/{patient}/payments", json=body)
    assert again.status_code == 200 and again.json()["payment_id"] == first.json()["payment_id"] and again.json()["replayed"]
    assert api.post(f"/v1/patients/{patient}/payments", json={**body, "amount": "1.00"}).status_code == 409
    too_much = api.post(f"/v1/patients/{patient}/payments", json={**body, "reference": "RCPT-2", "amount": str(owed)})
    assert too_much.status_code == 422 and too_much.json()["errors"][0]["field"] == "amount"
    assert api.post(f"/v1/patients/{patient}/payments", json={**body, "amount": "-5"}).status_code == 422

    account = api.get(f"/v1/patients/{patient}/balance").json()
    assert Decimal(account["balance"]) == owed - part and Decimal(account["totals"]["patient_paid"]) == part
    view = api.get(f"/v1/claims/{claim_id}").json()
    assert any(t["event"] == "patient_payment_posted" for t in view["timeline"])

    rest = api.post(f"/v1/patients/{patient}/payments",
                    json={"amount": str(owed - part), "reference": "RCPT-3", "method": "check"})
    assert rest.status_code == 201
    settled_account = api.get(f"/v1/patients/{patient}/balance",
                              params={"as_of": str(today() + timedelta(days=40))}).json()
    assert settled_account["balance"] == "0.00" and settled_account["statement_cycle"]["status"] == "settled"
    check = api.get(f"/v1/claims/{claim_id}/balance").json()
    assert check["consistent"] and Decimal(check["ledger_balance"]) == Decimal(view["balance"])


def test_another_tenant_sees_none_of_it(stranger, paid_claim):
    patient, claim_id = paid_claim["patient_id"], paid_claim["claim"]["claim_id"]
    assert stranger.get(f"/v1/patients/{patient}/balance").status_code == 404
    assert stranger.get(f"/v1/patients/{patient}/statement").status_code == 404
    paid = stranger.post(f"/v1/patients/{patient}/payments", json={"amount": "1", "reference": "X", "method": "cash"})
    assert paid.status_code == 404
    assert stranger.get(f"/v1/claims/{claim_id}/balance").status_code == 404
    aging = stranger.get("/v1/reports/ar-aging").json()
    assert aging["tenant"]["count"] == 0 and aging["by_payer"] == {}
