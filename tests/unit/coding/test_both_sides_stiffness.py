"""A joint's stiffness on both sides is the right joint's code and the left's (M25.6-, no bilateral code); kept out
where it is denied, a relative's, or explained by a joint disease the note states as current."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("Stiffness in both knees on waking x 6 wks, 15 min, no swelling - XR knees.", {"M25.661", "M25.662"}),
    ("Morning stiffness of both hands for 2 mo; RF and anti-CCP to evaluate for RA.", {"M25.641", "M25.642"}),
    ("Stiff in both shoulders after gardening, full ROM by afternoon - PT.", {"M25.611", "M25.612"}),
])
def test_both_sides_stiffness_is_each_sides_code(suggest, frame, text, codes):
    assert codes <= billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "No stiffness in both knees, no swelling.",
    "Seropositive RA on methotrexate; morning stiffness of both hands 45 min.",
    "Primary OA of both knees with stiffness in both knees after rest.",
    "Her mother has stiffness in both hands.",
])
def test_denied_explained_or_a_relatives_stiffness_stays_out(suggest, frame, text):
    assert not {"M25.661", "M25.662", "M25.641", "M25.642"} & billed(suggest, frame.format(text))


def test_one_sides_stiffness_stays_one_code(suggest):
    found = billed(suggest, "A/P: 1. Stiffness in the left knee after a long drive.")
    assert "M25.662" in found and "M25.661" not in found
