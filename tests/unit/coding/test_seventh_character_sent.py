"""An injury code the provider sent without its 7th character, or with one the note contradicts, is held with
ICD-7TH-CHARACTER naming the code and the character; a query to the provider settles it."""
import pytest

from services.coding.domain.coder import code_encounter
from services.coding.domain.seventh_character_sent import seventh_character_edits, stated_encounter
from tests.unit.coding.conftest import errors, make_encounter

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def code_set(reference):
    return reference.icd10[-1]


def test_a_code_sent_without_its_7th_character_is_held_naming_the_characters(reference):
    outcome = code_encounter(make_encounter(diagnoses=["S52.501"], note="Fall on outstretched hand."), reference)
    assert outcome.status == "needs_review"
    assert "ICD-7TH-CHARACTER" in errors(outcome) and "ICD-NOT-BILLABLE" not in errors(outcome)
    edit = next(e for e in outcome.edits if e.edit_id == "ICD-7TH-CHARACTER")
    assert edit.message.startswith("S52.501 was sent without its 7th character (A, B, C, D,")
    assert "query the provider" in edit.message and edit.codes == ["S52.501"]


def test_a_placeholder_x_code_sent_short_is_held_too(code_set):
    [edit] = seventh_character_edits(["S93.401"], code_set, "Sprained ankle, initial encounter.")
    assert "S93.401 was sent without its 7th character (A, D, S)" in edit.message
    assert "initial encounter" in edit.message


@pytest.mark.parametrize("code, note, stated", [
    ("S52.501A", "Follow-up for healing fracture, routine healing.", "subsequent"),
    ("S52.501D", "Initial encounter for the fracture after a fall today.", "initial"),
    ("T20.111A", "Scar from an old burn: sequela.", "sequela"),
])
def test_a_7th_character_the_note_contradicts_is_held(code_set, code, note, stated):
    [edit] = seventh_character_edits([code], code_set, note)
    assert edit.edit_id == "ICD-7TH-CHARACTER" and code in edit.message and f"a {stated} encounter" in edit.message


@pytest.mark.parametrize("codes, note", [
    (["S52.501A"], "Initial encounter for closed fracture."), (["S52.501D"], "Subsequent encounter, routine healing."),
    (["S52.501A"], "Fracture of the radius."),  # the note states no encounter: nothing to contradict
    (["E11.9", "I10"], "Subsequent encounter."),  # not an injury code
])
def test_a_complete_code_the_note_agrees_with_or_does_not_address_passes(code_set, codes, note):
    assert seventh_character_edits(codes, code_set, note) == []


def test_an_encounter_the_note_states_twice_differently_is_no_statement():
    assert stated_encounter("Initial encounter last month; today subsequent encounter.") is None
    assert stated_encounter("Sequela of the burn.") == "sequela"


def test_an_injury_code_after_other_codes_is_still_read_against_the_note(code_set):
    [edit] = seventh_character_edits(["E11.9", "I10", "S52.501D"], code_set, "Initial encounter after a fall today.")
    assert edit.codes == ["S52.501D"] and "a initial encounter" in edit.message
