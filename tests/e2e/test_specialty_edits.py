"""Psychotherapy and telehealth edits reach the public API with messages that say what to fix."""
from tests.e2e.support import encounter_body, wait_for


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
