"""A pressure ulcer by its site, side and stage (L89), the stage and site read near the words within their clause.
Sentences of our own wording."""
import pytest

from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Home health reports a stage 2 pressure injury of the sacrum, clean base.", "L89.152"),
    ("A/P: sacral pressure ulcer, stage 3 - wound care, offloading.", "L89.153"),
    ("Wound: stage 4 pressure ulcer of the R heel with exposed bone.", "L89.614"),
    ("Decubitus ulcer of the left buttock, unstageable, eschar - debridement referral.", "L89.320"),
    ("Deep tissue pressure injury of the right heel, intact purple skin.", "L89.616"),
    ("CKD stage 3; pressure ulcer on the coccyx.", "L89.159"),
    ("Stage II pressure ulcer of the left hip, healing.", "L89.222"),
    ("Bedsore on the left elbow, stage 1.", "L89.021"),
])
def test_a_pressure_ulcer_is_coded_by_its_site_side_and_stage(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "No pressure ulcers on today's skin check.",
    "Pressure ulcers of both heels, stage 2.",
    "Pressure injury of the sacrum and right buttock, stage 3.",
    "Educated on turning every 2 hours to prevent a sacral pressure ulcer.",
])
def test_a_denied_supposed_or_two_site_pressure_ulcer_is_left_to_a_coder(suggest, note):
    assert not any(code.startswith("L89") for code in billed(suggest, note))
