"""A held encounter shows its reasons through the gateway and flows on to a paid claim after review."""
from tests.e2e.support import encounter_body, wait_for


def test_held_encounter_is_reviewed_and_flows_on(api):
    body = encounter_body(diagnoses=["E11", "I10"])  # E11 is a category header: not billable
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    held = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                    lambda e: e["status"] == "needs_review", what="the edit to hold it")
    assert held["claim_id"] is None
    assert [e["edit_id"] for e in held["edits"] if e["severity"] == "error"] == ["ICD-NOT-BILLABLE"] and "E11" in held["edits"][0]["message"]
    queue = api.get("/v1/review-queue", params={"limit": 200}).json()["items"]
    assert encounter_id in [item["encounter_id"] for item in queue]

    still_bad = api.post(f"/v1/encounters/{encounter_id}/review", json={
        "diagnoses": ["E11.9", "E11"], "procedures": body["procedures"], "reason": "try"})
    assert still_bad.status_code == 422

    reviewed = api.post(f"/v1/encounters/{encounter_id}/review", json={
        "diagnoses": ["E11.9", "I10"], "procedures": body["procedures"],
        "reason": "documentation supports type 2 diabetes without complications"})
    assert reviewed.status_code == 200, reviewed.text
    claim_id = reviewed.json()["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("payments"), timeout=90,
                     what="the reviewed claim to be paid")
    assert claim["diagnoses"] == ["E11.9", "I10"]
    audit = api.get(f"/v1/encounters/{encounter_id}/audit").json()["items"]
    assert len(audit) == 1 and audit[0]["before"]["diagnoses"][0]["code"] == "E11"
    assert audit[0]["after"]["diagnoses"][0]["source"] == "coder" and audit[0]["actor"].startswith("key:")
