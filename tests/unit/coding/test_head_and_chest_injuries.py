"""A subdural hematoma after a stated trauma and a chest wall contusion, where the index sends them."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("ED referral: slipped in the shower this morning and hit her head; CT: thin right subdural hematoma, "
     "no LOC. Admit for observation declined, neuro checks at home.", "S06.5X0A"),
    ("Neurosurgery follow-up 5 weeks after a fall: the traumatic subdural hemorrhage without loss of consciousness "
     "has resolved on repeat CT.", "S06.5X0D"),
])
def test_a_subdural_hematoma_after_a_stated_trauma_without_loss_of_consciousness_is_the_intracranial_injury(
        suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Chronic subdural hematoma, spontaneous, on apixaban; no LOC.",
    "Small subdural hematoma after a fall, brief loss of consciousness; neurosurgery consulted.",
    "Subdural hematoma on CT, no LOC reported; no trauma recalled.",
])
def test_a_subdural_hematoma_without_trauma_or_with_a_loss_of_consciousness_is_not_read_here(suggest, note):
    assert not {code for code in billed(suggest, note) if code.startswith("S06.5")}


@pytest.mark.parametrize("note, expected", [
    ("Urgent care: right anterior chest wall contusion from a fall onto a table edge this morning.", "S20.211A"),
    ("Seen after a seatbelt injury yesterday: contusion of the left front chest wall, ribs intact on x-ray.",
     "S20.212A"),
    ("Walk-in: posterior chest wall contusion, left, after a fall down stairs today.", "S20.222A"),
])
def test_a_chest_wall_contusion_is_the_thorax_wall_by_front_or_back_and_side(suggest, note, expected):
    assert expected in billed(suggest, note)
