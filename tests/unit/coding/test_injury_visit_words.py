"""The encounter of an injury from the visit's own words: the emergency department or urgent care, a specialist's
consult, an awaited operation are its active treatment; healing under the care it had is its routine healing."""
import pytest

from services.coding.domain.injury_elapsed import INITIAL, SUBSEQUENT
from services.coding.domain.injury_visit_words import encounter_by_visit_words
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note", [
    "ED note. 61F tripped over a hose; x-ray: fracture of the left patella.",
    "Urgent care: teenager hurt his wrist at hockey, deformity, splinted.",
    "Orthopedic consult. Skier with a torn right ACL, unstable on pivot.",
    "Knee MRI reviewed: tear of the left ACL, awaiting reconstruction next month.",
    "Hip fracture on the right, surgery tomorrow; holding anticoagulation.",
    "Pre-op labs before fixation of a broken left ankle.",
    "Meniscus tear of the R knee from a fall; this is the first visit for it.",
    "Torn left ACL from a ski fall a month ago, booked for reconstruction next week.",
    "Full-thickness right supraspinatus tear after a fall; arthroscopic repair scheduled.",
])
def test_the_visit_of_an_injury_in_active_treatment_is_the_initial_encounter(note):
    assert encounter_by_visit_words(note) == INITIAL


@pytest.mark.parametrize("note", [
    "Lumbar strain from lifting at the warehouse, improving with PT, light duty.",
    "Wrist fracture on the left, fracture healing on today's film; cast stays 2 weeks.",
])
def test_an_injury_healing_under_its_care_is_the_subsequent_encounter(note):
    assert encounter_by_visit_words(note) == SUBSEQUENT


@pytest.mark.parametrize("note", [
    "Hip fracture, right. Family asks about rehab placement.",  # no words for the encounter
    "Discussed the ED wait times. Sprain of the right wrist.",  # the ED not the visit's heading
    "Fracture clinic. Tibial shaft fracture, fracture healing slowly.",  # healing slowly is not routine
    "Spine consult. Lumbar strain from a lift at work, improving with PT.",  # words of both: a coder decides
])
def test_no_encounter_or_two_encounters_leave_it_to_a_coder(note):
    assert encounter_by_visit_words(note) is None


@pytest.mark.parametrize("note, code", [
    ("ED note. 44M slipped on a wet floor and landed on his left hand; x-ray: displaced Colles fracture of the "
     "left radius. Reduced and splinted.", "S52.532A"),
    ("Pulmonary consult. Fell down stairs 10 days ago; CT: fractures of three ribs on the right. Breathing "
     "exercises.", "S22.41XA"),
])
def test_the_suggester_completes_the_code_from_the_visit_words(suggest, note, code):
    found = {s.code: s.confidence for s in suggest(note)}
    assert found.get(code, 0) >= THRESHOLD
