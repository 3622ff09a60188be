"""A relative's dementia named again by its cause in the same item is coded by the cause's family entry alone."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "FH dementia - mother had Alzheimer's. A/P: 1. HTN - continue lisinopril.",
    "Family history: dementia (mother, Alzheimer's). A/P: 1. HTN - continue lisinopril.",
])
def test_the_dementia_the_item_names_as_alzheimers_is_coded_once(suggest, note):
    codes = billed(suggest, note)
    assert "Z82.0" in codes and "Z81.8" not in codes


@pytest.mark.parametrize("note", [
    "FHx: mother - dementia. Father had Alzheimer's disease. A/P: 1. HTN - continue lisinopril.",
    "FH: mother - dementia; father - Alzheimer's disease. A/P: 1. HTN - continue lisinopril.",
])
def test_a_dementia_and_an_alzheimers_in_two_items_keep_both(suggest, note):
    assert {"Z81.8", "Z82.0"} <= billed(suggest, note)


def test_a_relatives_dementia_alone_keeps_its_code(suggest):
    assert "Z81.8" in billed(suggest, "FH: mother with dementia. A/P: 1. HTN - continue lisinopril.")
