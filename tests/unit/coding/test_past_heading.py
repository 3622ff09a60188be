"""A "Past:" heading lists what the patient had: a condition under it is its personal history, as after "history
of"; the word "past" without its colon dates nothing."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history, current", [
    ("Past: DVT of the right leg 2016 after a long flight, anticoagulation finished.", "Z86.718", "I82"),
    ("Past: pulmonary embolism 2020. Today: sprained ankle.", "Z86.711", "I26"),
])
def test_a_condition_under_a_past_heading_is_its_history(suggest, note, history, current):
    codes = billed(suggest, note)
    assert history in codes
    assert not any(code.startswith(current) for code in codes)


@pytest.mark.parametrize("note, current", [
    ("Assessment: DVT of the left leg, swelling over the past week; start apixaban.", "I82"),
    ("DVT of the left leg in the past month, on apixaban.", "I82"),
])
def test_past_without_its_heading_dates_nothing(suggest, note, current):
    assert any(code.startswith(current) for code in billed(suggest, note))
