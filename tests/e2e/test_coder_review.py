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
    # The note ("type 2 diabetes") suggested E11.9: the coder's E11.9 is that suggestion, accepted by this coder.
    assert audit[0]["after"]["diagnoses"][0]["source"] == "suggestion" and audit[0]["actor"].startswith("key:")
    assert {"code": "E11.9", "decision": "accepted"} in audit[0]["after"]["suggestions"]


def test_note_only_encounter_is_coded_from_confident_suggestions(api):
    note = "Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes."
    body = encounter_body(diagnoses=[], note=note,
                          procedures=[{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": []}])
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    coded = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                     lambda e: e["status"] in ("coded", "needs_review"), what="coding from the note")
    assert coded["status"] == "coded", coded["edits"]
    assert [(d["code"], d["source"]) for d in coded["diagnoses"]] == [
        ("E11.9", "suggestion"), ("I10", "suggestion"), ("Z83.3", "suggestion")]
    evidence = {s["code"]: note[s["start"]:s["end"]] for s in coded["suggestions"]}
    assert evidence["E11.9"] == "type 2 diabetes" and "R07.9" not in evidence
    claim = wait_for(lambda: api.get(f"/v1/claims/{coded['claim_id']}"),
                     lambda r: r.status_code == 200, what="the claim built from suggested codes").json()
    assert claim["diagnoses"] == ["E11.9", "I10", "Z83.3"]


def test_low_confidence_suggestion_is_claimed_and_decided_by_a_coder(api):
    note = "Acne on the face. Hypertension, stable."
    body = encounter_body(diagnoses=[], note=note,
                          procedures=[{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": []}])
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    held = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                    lambda e: e["status"] in ("coded", "needs_review"), what="the low-confidence hold")
    assert held["status"] == "needs_review" and "CAC-LOW-CONFIDENCE" in [e["edit_id"] for e in held["edits"]]
    queue = api.get("/v1/review-queue/search", params={"edit_id": "CAC-LOW-CONFIDENCE", "assigned_to": "none",
                                                       "limit": 200}).json()["items"]
    item = next(i for i in queue if i["encounter_id"] == encounter_id)
    pending = [s for s in item["suggestions"] if s["status"] == "pending"]
    assert pending and all(note[s["start"]:s["end"]] == s["evidence"] for s in item["suggestions"])

    claimed = api.post(f"/v1/encounters/{encounter_id}/claim")
    assert claimed.status_code == 200 and claimed.json()["assigned_to"].startswith("key:")
    reviewed = api.post(f"/v1/encounters/{encounter_id}/review", json={
        "diagnoses": ["I10"], "reason": "acne not addressed at this visit; hypertension documented",
        "procedures": [{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": [1]}]})
    assert reviewed.status_code == 200, reviewed.text
    audit = api.get(f"/v1/encounters/{encounter_id}/audit").json()["items"]
    assert [a["action"] for a in audit] == ["claim", "review"]
    decisions = {d["code"]: d["decision"] for d in audit[1]["after"]["suggestions"]}
    assert decisions["I10"] == "accepted" and "rejected" in decisions.values()
    assert audit[1]["after"]["diagnoses"][0]["source"] == "suggestion"
