"""A denial written after the condition it denies ("OSA not diagnosed", "pneumonia not found", "bipolar disorder not
present") keeps the condition off the claim, as one written before it does; a condition present on admission, or
one whose neighbour the words deny, stays coded."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, code", [
    ("OSA not diagnosed on the sleep study.", "G47.33"),
    ("Epilepsy not diagnosed - EEG normal x2.", "G40.909"),
    ("ADHD not diagnosed after testing.", "F90.9"),
    ("Pneumonia not found on CXR.", "J18.9"),
    ("COPD not present on PFTs.", "J44.9"),
    ("Bipolar disorder not present; mood stable.", "F31.9"),
])
def test_a_condition_denied_after_it_is_not_coded(suggest, frame, text, code):
    assert code not in billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, code", [
    ("OSA on CPAP, AHI 4 on the new settings.", "G47.33"),
    ("COPD, FEV1 58%; pneumonia not found on CXR.", "J44.9"),
    ("Bipolar disorder, stable on lithium; psychosis not present.", "F31.9"),
])
def test_a_condition_beside_the_denied_one_stays_coded(suggest, frame, text, code):
    assert code in billed(suggest, frame.format(text))
