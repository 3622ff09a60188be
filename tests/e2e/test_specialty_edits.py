"""Psychotherapy and telehealth edits reach the public API with messages that say what to fix."""
from tests.e2e.support import claim_sent_or_held, encounter_body, medicare_beneficiary_id, wait_for


def _coded_or_held(api, procedures: list[dict], note: str, place_of_service: str = "11") -> dict:
    body = encounter_body(diagnoses=["F33.1"], procedures=procedures, note=note, place_of_service=place_of_service)
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    return wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                    lambda e: e["status"] in ("coded", "needs_review"), what="coding")


def _line(code: str, *modifiers: str) -> dict:
    return {"code": code, "modifiers": list(modifiers), "units": 1, "diagnosis_pointers": [1]}


def test_psychotherapy_billed_above_the_documented_minutes_is_held_with_the_code_that_fits(api):
    held = _coded_or_held(api, [_line("90837")], "Psychotherapy 45 minutes, CBT for depression.")
    assert held["status"] == "needs_review"
    edit = next(e for e in held["edits"] if e["edit_id"] == "PSYCH-TIME-MISMATCH")
    assert edit["message"] == "90837 needs 53 or more minutes; the note documents 45 (90834 covers that time)"


def test_add_on_psychotherapy_without_a_visit_is_held(api):
    held = _coded_or_held(api, [_line("90836")], "Psychotherapy 40 minutes.")
    assert held["status"] == "needs_review" and "PSYCH-ADDON-WITHOUT-EM" in [e["edit_id"] for e in held["edits"]]


def test_telehealth_without_95_or_93_is_coded_with_a_warning(api):
    coded = _coded_or_held(api, [_line("90834")], "Psychotherapy 45 minutes by video.", place_of_service="10")
    assert coded["status"] == "coded", coded["edits"]
    assert "TELEHEALTH-MODIFIER-MISSING" in [e["edit_id"] for e in coded["edits"] if e["severity"] == "warning"]


def _lab_body(payer_id: str, *modifiers: str) -> dict:
    body = encounter_body(diagnoses=["E11.9"], procedures=[_line("99213"), _line("83036", *modifiers)])
    body["coverage"].update(payer_id=payer_id, member_id=medicare_beneficiary_id())
    body["referring_provider"] = dict(body["rendering_provider"])  # Medicare wants the ordering NPI on lab lines
    return body


def test_a_waived_lab_test_billed_to_medicare_without_qw_is_held_naming_qw(api):
    claim = claim_sent_or_held(api, _lab_body("MEDICARE"))
    assert claim["status"] == "held"
    edit = next(e for e in claim["edits"] if e["edit_id"] == "SCRUB-CLIA-QW")
    assert "83036" in edit["message"] and "QW" in edit["message"]


def test_a_waived_lab_test_with_qw_is_sent_with_the_practice_clia_number(api):
    claim = claim_sent_or_held(api, _lab_body("MEDICARE", "QW"))
    assert claim["status"] != "held", claim["edits"]
    x12 = api.get(f"/v1/claims/{claim['claim_id']}/837")
    assert x12.status_code == 200 and "~REF*X4*14D0123456~" in x12.text


def test_nerve_conduction_billed_above_the_documented_studies_is_held_with_the_code_that_fits(api):
    body = encounter_body(diagnoses=["G56.01"], procedures=[_line("95910"), _line("95886")],
                          note="Electrodiagnostic study for numbness: 5 nerve conduction studies; needle EMG right arm.")
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    held = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                    lambda e: e["status"] in ("coded", "needs_review"), what="coding")
    assert held["status"] == "needs_review"
    edit = next(e for e in held["edits"] if e["edit_id"] == "NCS-COUNT-MISMATCH")
    assert edit["message"] == "95910 needs 7-8 studies; the note documents 5 (95909 covers that count)"
