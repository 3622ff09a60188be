"""A held encounter shows its reasons through the gateway and flows on to a paid claim after review."""
import httpx

from tests.e2e.support import create_tenant, encounter_body, wait_for


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


def test_note_only_suggestions_are_claimed_and_decided_by_a_coder(api):
    note = "Acne on the face. Hypertension, stable."
    body = encounter_body(diagnoses=[], note=note,
                          procedures=[{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": []}])
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    held = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                    lambda e: e["status"] in ("coded", "needs_review"), what="the hold for a coder")
    assert held["status"] == "needs_review" and "CAC-NOTE-ONLY" in [e["edit_id"] for e in held["edits"]]
    queue = api.get("/v1/review-queue/search", params={"edit_id": "CAC-NOTE-ONLY", "assigned_to": "none",
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


def test_a_tenant_sets_its_own_auto_accept_threshold(stack, gateway_url, api):
    """The same low-confidence note is held for one tenant and coded for another that turned auto-accept on,
    lowered its threshold and accepted the measured precision there."""
    other = create_tenant(stack, name="Lenient Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"},
                      timeout=30) as lenient:
        settings = lenient.get("/v1/coding/settings").json()
        assert settings["auto_accept_threshold"] == 0.9 and settings["auto_accept_threshold_source"] == "default"
        assert settings["cpt_file"] in ("sample", "deployment") and settings["cpt_codes"] > 0
        assert lenient.put("/v1/coding/settings", json={"auto_accept_threshold": 1.5}).status_code == 422
        reader = lenient.post("/v1/keys", json={"scopes": ["billing:read"]}).json()["api_key"]
        forbidden = httpx.put(f"{gateway_url}/v1/coding/settings", json={"auto_accept_threshold": 0.1},
                              headers={"Authorization": f"Bearer {reader}"}, timeout=30)
        assert forbidden.status_code == 403
        changed = lenient.put("/v1/coding/settings", json={"auto_accept_threshold": 0.5, "auto_accept": True,
                                                            "accept_below_target_precision": True})
        assert changed.status_code == 200, changed.text
        assert changed.json()["auto_accept_threshold"] == 0.5 and changed.json()["auto_accept_threshold_source"] == "tenant"
        assert api.get("/v1/coding/settings").json()["auto_accept_threshold"] == 0.9  # the other tenant keeps its own

        note = "Acne on the face. Hypertension, stable."
        procedures = [{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": []}]
        ids = {}
        for name, client in (("lenient", lenient), ("default", api)):
            ids[name] = client.post("/v1/encounters", json=encounter_body(diagnoses=[], note=note,
                                                                           procedures=procedures)).json()["encounter_id"]
        done = {name: wait_for(lambda c=client, i=ids[name]: c.get(f"/v1/encounters/{i}").json(),
                               lambda e: e["status"] in ("coded", "needs_review"), what=f"coding for {name}")
                for name, client in (("lenient", lenient), ("default", api))}
        assert done["default"]["status"] == "needs_review"
        assert "CAC-NOTE-ONLY" in [e["edit_id"] for e in done["default"]["edits"]]
        assert done["lenient"]["status"] == "coded", done["lenient"]["edits"]
        assert len(done["lenient"]["diagnoses"]) == 2

        back = lenient.put("/v1/coding/settings", json={"auto_accept_threshold": None}).json()
        assert back["auto_accept_threshold"] == 0.9 and back["auto_accept_threshold_source"] == "default"
        assert back["auto_accept"] is False
