"""A burn written degree first, by its site and side, read as the tabular's "Burn of <degree> degree of <site>",
with the encounter the note states; a burn with no depth, no side where the site needs one, or a past burn is not."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Spilled boiling water yesterday: second degree burn of the left forearm, blistered. Initial encounter.",
     "T22.212A"),
    ("Partial-thickness burn to the R palm from a curling iron this morning; silver sulfadiazine applied.",
     "T23.251A"),
    ("Dx: first degree burn of the right hand, initial encounter. Aloe, cool compresses.", "T23.101A"),
    ("Wound clinic follow-up: 2nd degree burn of the left thigh, routine healing, dressing changed.", "T24.212D"),
    ("Full-thickness burn of the chest wall, initial encounter; referred to the burn center.", "T21.31XA"),
])
def test_a_burn_by_degree_site_and_side_is_its_tabular_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Second degree burn of the forearm, initial encounter.",  # no side for a sided site
    "History of a third degree burn of the left hand in 2010, well healed.",
    "No burn of the right hand; the redness is contact dermatitis.",
])
def test_a_burn_without_its_side_or_not_current_is_not_read(suggest, note):
    assert not any(code[:3] in ("T22", "T23") for code in billed(suggest, note))
