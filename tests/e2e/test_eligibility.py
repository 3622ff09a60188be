"""Eligibility before submission: the simulator's 271 decides; inactive, unknown or unanswered coverage holds
the claim with the reason and it is never submitted."""
import uuid

from tests.e2e.followup_support import submitted_claim
from tests.e2e.support import encounter_body, wait_for


def _claim_of(api, body: dict) -> dict:
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    return wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                    lambda c: c.get("status") in ("held", "submitted", "accepted", "rejected"),
                    timeout=60, what="eligibility to settle the claim")


def test_active_coverage_is_recorded_and_the_claim_goes_out(api):
    claim = submitted_claim(api, encounter_body(), wait_for)
    eligibility = claim["eligibility"]
    assert eligibility["status"] == "active" and eligibility["plan"]
    assert eligibility["copay"] is not None and eligibility["deductible_remaining"] is not None
    assert eligibility["coinsurance"] == "0.2"
    events = [e["event"] for e in claim["timeline"]]
    assert events.index("eligibility_verified") < events.index("submitted")


def test_a_second_claim_the_same_day_uses_the_cached_answer(api):
    body = encounter_body()
    first = submitted_claim(api, body, wait_for)
    second_body = encounter_body(procedures=[{"code": "83036", "modifiers": [], "units": 1,
                                              "diagnosis_pointers": [1]}])
    second_body["patient"], second_body["coverage"] = body["patient"], body["coverage"]
    second = submitted_claim(api, second_body, wait_for)
    assert first["eligibility"]["cached"] is False and second["eligibility"]["cached"] is True
    assert second["eligibility"]["plan"] == first["eligibility"]["plan"]


def test_ineligible_members_are_held_with_the_reason_and_never_submitted(api):
    cases = {"INACTIVE-": "ELIG-COVERAGE-INACTIVE", "UNKNOWN-": "ELIG-MEMBER-UNKNOWN", "ELIGERR-": "ELIG-PAYER-ERROR"}
    for prefix, edit_id in cases.items():
        body = encounter_body()
        body["coverage"]["member_id"] = prefix + uuid.uuid4().hex[:8]
        claim = _claim_of(api, body)
        assert claim["status"] == "held", (prefix, claim["status"])
        assert edit_id in [e["edit_id"] for e in claim["edits"]], claim["edits"]
        assert "submitted" not in [e["event"] for e in claim["timeline"]]
        assert api.get(f"/v1/claims/{claim['claim_id']}/837").status_code == 404


def test_a_held_ineligible_claim_is_fixed_verified_and_sent(api):
    body = encounter_body()
    body["coverage"]["member_id"] = "INACTIVE-" + uuid.uuid4().hex[:8]
    claim = _claim_of(api, body)
    new_member = {"coverage": {"member_id": f"W{uuid.uuid4().int % 10**9:09d}"}}
    fixed = api.patch(f"/v1/claims/{claim['claim_id']}", json=new_member)
    assert fixed.status_code == 200, fixed.text
    sent = wait_for(lambda: api.get(f"/v1/claims/{claim['claim_id']}").json(),
                    lambda c: any(e["event"] == "submitted" for e in c["timeline"]), timeout=60, what="resubmission")
    assert sent["eligibility"]["status"] == "active"


def test_a_garbled_271_holds_the_claim_and_keeps_the_answer(api):
    body = encounter_body()
    body["coverage"].update(payer_id="CIGNA", member_id="GARBLED-" + uuid.uuid4().hex[:8])
    claim = _claim_of(api, body)
    assert claim["status"] == "held"
    assert "ELIG-RESPONSE-UNREADABLE" in [e["edit_id"] for e in claim["edits"]]
    held = api.get("/v1/payer-responses/held").json()["items"]
    assert any(h["kind"] == "271" and "cut short" in h["reason"] for h in held), held
