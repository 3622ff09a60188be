"""A code the index reaches at "unspecified site" takes the site and side its sentence documents."""
import pytest

from services.coding.domain.site_specificity import site_specificity
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, given, expected", [
    ("Chondrocalcinosis (pseudogout), left knee.", ("M11.20", "Chondrocalcinosis"), "M11.262"),
    ("Osteoporosis with current pathological fracture of the L1 vertebra, initial encounter.",
     ("M80.00XA", "Osteoporosis with current pathological fracture"), "M80.08XA"),
    ("Age-related osteoporosis with current pathological fracture of the right femur.",
     ("M80.00XA", "osteoporosis with current pathological fracture"), "M80.051"),
    ("Senile osteoporosis with a current fragility fracture of the left distal radius, splinted.",
     ("M80.00XA", "osteoporosis with a current fragility fracture"), "M80.032"),
])
def test_the_site_the_sentence_names_replaces_the_unspecified_site(tabular, note, given, expected):
    """The index's 7th character stays only where the sentence states that encounter; else the site's code goes
    without one, for the 7th-character rule."""
    out, reasons = site_specificity(found(note, given), note, tabular)
    assert codes(out) == [expected] and out[0].convention == "site" and reasons


@pytest.mark.parametrize("note, given", [
    ("Chondrocalcinosis on XR, no joint named.", ("M11.20", "Chondrocalcinosis")),
    ("Chondrocalcinosis of the knee.", ("M11.20", "Chondrocalcinosis")),  # the side is a part of the site
    ("Osteoarthritis, left knee.", ("M19.90", "Osteoarthritis")),  # the tabular's description names no "site"
])
def test_no_site_or_an_incomplete_one_leaves_the_code(tabular, note, given):
    out, reasons = site_specificity(found(note, given), note, tabular)
    assert codes(out) == [given[0]] and not reasons


def test_a_mention_that_is_not_current_is_left_alone(tabular):
    note = "History of chondrocalcinosis, left knee."
    out, _ = site_specificity(found(note, ("M11.20", "chondrocalcinosis"), context="history"), note, tabular)
    assert codes(out) == ["M11.20"]


@pytest.mark.parametrize("note, expected", [
    ("Bone clinic: osteoporosis with a current fragility fracture of the right distal ulna 3 wks ago, in a splint, "
     "healing well.", "M80.031D"),
    ("Age-related osteoporosis with a current fragility fracture of the T12 vertebra, routine healing; brace off.",
     "M80.08XD"),
])
def test_the_encounter_the_note_states_completes_the_site_code(suggest, note, expected):
    assert expected in billed(suggest, note)


def test_an_encounter_the_note_does_not_state_is_not_billed(suggest):
    note = "Age-related osteoporosis with a current fragility fracture of the L distal radius, wrist splint."
    assert not any(code.startswith("M80") for code in billed(suggest, note))
