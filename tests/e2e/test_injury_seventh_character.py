"""An injury code the provider sent without its 7th character, or with one the note contradicts, is held through
the public API with ICD-7TH-CHARACTER naming the code, and waits in the review queue under that reason."""
from tests.e2e.support import encounter_body, wait_for

VISIT = [{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": [1]}]


def _held(api, diagnoses: list[str], note: str) -> tuple[str, dict]:
    body = encounter_body(diagnoses=diagnoses, procedures=VISIT, note=note)
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    return encounter_id, wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                                  lambda e: e["status"] in ("coded", "needs_review"), what="coding")


def test_an_injury_code_sent_without_its_7th_character_is_held_naming_it(api):
    encounter_id, held = _held(api, ["S52.501"], "Fall on outstretched hand, radius fracture. Initial encounter.")
    assert held["status"] == "needs_review" and held["claim_id"] is None
    errors = [e for e in held["edits"] if e["severity"] == "error"]
    assert [e["edit_id"] for e in errors] == ["ICD-7TH-CHARACTER"]
    assert errors[0]["message"].startswith("S52.501 was sent without its 7th character (A, B, C, D,")
    assert "initial encounter: query the provider" in errors[0]["message"]
    queue = api.get("/v1/review-queue/search", params={"edit_id": "ICD-7TH-CHARACTER", "limit": 200}).json()["items"]
    assert encounter_id in [item["encounter_id"] for item in queue]


def test_a_7th_character_the_note_contradicts_is_held(api):
    _, held = _held(api, ["S52.501A"], "Follow-up for the radius fracture: subsequent encounter, routine healing.")
    assert held["status"] == "needs_review"
    edit = next(e for e in held["edits"] if e["edit_id"] == "ICD-7TH-CHARACTER")
    assert edit["message"] == ("S52.501A has 7th character A (initial encounter) but the note documents a subsequent "
                               "encounter; query the provider")
