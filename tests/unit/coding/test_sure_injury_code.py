"""An injury code with "unspecified" or "other" in its text is billed without a query where the note states the
injury, its site, its side and its encounter and names nothing the code leaves open; held for a coder otherwise."""
import pytest

from services.coding.domain.first_sight import FIRST_SIGHT_CONFIDENCE, INJURY_CODE_NAME
from services.coding.domain.sure_injury_code import names_more_than_the_code, stated_in_full
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9

WRIST_SPRAIN_D = "Unspecified sprain of left wrist, subsequent encounter"
ANKLE_SPRAIN_A = "Sprain of unspecified ligament of right ankle, initial encounter"
RADIUS_D = "Unspecified fracture of the lower end of left radius, subsequent encounter for closed fracture with " \
           "routine healing"
CLAVICLE_D = "Fracture of unspecified part of right clavicle, subsequent encounter for fracture with routine healing"
LEG_A = "Unspecified injury of left lower leg, initial encounter"


def _stated(description: str, note: str, mention: str) -> bool:
    start = note.index(mention)
    return stated_in_full(description, note, start, start + len(mention))


@pytest.mark.parametrize("description, note, mention", [
    (WRIST_SPRAIN_D, "Recheck of a lt wrist sprain from a fall 2 weeks ago, healing well.", "wrist sprain"),
    (ANKLE_SPRAIN_A, "Turned her rt ankle on a stair last night. A: right ankle sprain. Brace.", "ankle sprain"),
    (RADIUS_D, "Fracture clinic: left distal radius fracture in a cast, healing as expected.", "distal radius fracture"),
    (ANKLE_SPRAIN_A, "Ankle sprain, right-sided, from a trail run this morning; ice and brace.", "Ankle sprain"),
])
def test_a_code_the_note_states_in_full_is_billed(description, note, mention):
    assert _stated(description, note, mention)


@pytest.mark.parametrize("description, note, mention", [
    # a part the code leaves open
    (CLAVICLE_D, "Follow-up of a R clavicle fracture (midshaft), healing as expected.", "clavicle fracture"),
    # the kind of injury named where the code leaves it open
    (LEG_A, "Crush injury of the left lower leg under a pallet this morning.", "injury of the left lower leg"),
    # a side the code carries but the clause does not write
    (WRIST_SPRAIN_D, "Wrist sprain from a fall 2 weeks ago, healing well.", "Wrist sprain"),
    # encounter words that disagree: a follow-up the day after the injury
    (ANKLE_SPRAIN_A.replace("initial", "subsequent"), "Urgent care follow-up. Rolled the R ankle yesterday; "
     "R ankle sprain.", "R ankle sprain"),
    (ANKLE_SPRAIN_A, "Here for follow-up of a R ankle sprain, rolled it on a hike.", "R ankle sprain"),
])
def test_a_code_that_leaves_something_the_note_says_or_does_not_say_is_held(description, note, mention):
    assert not _stated(description, note, mention)


@pytest.mark.parametrize("clause, description, word", [
    ("subcapital fracture of the L femoral neck", "Fracture of unspecified part of neck of left femur", "subcapital"),
    ("sprain of the R knee with a torn MCL", "Sprain of unspecified site of right knee", "MCL"),
    ("fracture of the R distal radius", "Unspecified fracture of the lower end of right radius", None),
    ("sprain of the anterior talofibular ligament, L", "Sprain of other ligament of left ankle", None),
])
def test_the_words_that_name_more_than_the_code(clause, description, word):
    assert names_more_than_the_code(clause, description) == word


@pytest.mark.parametrize("note, code", [
    ("Sports clinic. Rolled her left ankle on a curb this morning; tender over the ATFL, x-ray negative. "
     "Dx: left ankle sprain. Lace-up brace.", "S93.402A"),
    ("Hand therapy referral. Right wrist sprain from a fall 3 weeks ago, healing well; strengthening.", "S63.501D"),
])
def test_the_suggester_bills_an_injury_code_stated_in_full(suggest, note, code):
    found = {s.code: s for s in suggest(note)}
    assert code in found and found[code].confidence >= THRESHOLD
    assert found[code].convention == "injury-stated-in-full"


def test_the_suggester_still_holds_one_whose_part_the_note_names(suggest):
    note = "Fracture clinic f/u: right clavicle fracture (midshaft), healing as expected in a sling."
    held = [s for s in suggest(note) if s.code.startswith("S42.00")]
    assert held and all(s.confidence == FIRST_SIGHT_CONFIDENCE and s.convention == INJURY_CODE_NAME for s in held)
