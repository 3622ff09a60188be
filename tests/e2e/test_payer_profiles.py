"""Payer profiles through the public API: SBR09 by program, tenants' own payers, onboarding checks."""
import json

import httpx

from tests.e2e.support import ROOT, encounter_body, medicare_beneficiary_id, wait_for


def test_a_medicare_claim_says_mb_and_carries_the_practices_contact(api):
    body = encounter_body()
    body["coverage"].update(payer_id="MEDICARE", member_id=medicare_beneficiary_id())
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="the encounter to be coded")["claim_id"]
    x12 = wait_for(lambda: api.get(f"/v1/claims/{claim_id}/837"), lambda r: r.status_code == 200, timeout=90,
                   what="the 837P to be sent").text
    segments = [s.split("*") for s in x12.split("~")]
    assert [s[9] for s in segments if s[0] == "SBR"] == ["MB"]
    assert ["PER", "IC", "RIVERSIDE BILLING OFFICE", "TE", "2175550143", "EM", "BILLING@RIVERSIDE.EXAMPLE"] in segments


def test_payers_show_their_program_and_a_tenant_adds_its_own(api):
    payers = {p["payer_id"]: p for p in api.get("/v1/payers").json()["items"]}
    assert payers["MEDICARE"]["claim_filing_indicator"] == "MB" and payers["MEDICARE"]["program"] == "medicare"
    assert payers["MEDICAID-IL"]["program"] == "medicaid" and payers["BCBS"]["program"] == "blues"

    profile = {"name": "TRICARE EAST", "x12_payer_id": "TREST", "timely_filing_days": 365, "appeal_days": 90,
               "expected_days": 30, "claim_filing_indicator": "CH"}
    saved = api.put("/v1/payers/TRICARE-EAST", json=profile)
    assert saved.status_code == 200, saved.text
    assert saved.json()["program"] == "tricare"
    listed = {p["payer_id"] for p in api.get("/v1/payers").json()["items"]}
    assert "TRICARE-EAST" in listed

    refused = api.put("/v1/payers/TRICARE-EAST", json={**profile, "claim_filing_indicator": "ZQ"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.claim_filing_indicator"


def test_onboarding_refuses_a_five_digit_billing_zip(stack):
    body = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
    body["billing_provider"]["address"]["zip"] = "62701"
    response = httpx.post(f"{stack.ports.url('gateway')}/v1/tenants", json=body, timeout=30,
                          headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == ["body.billing_provider.address.zip"]
