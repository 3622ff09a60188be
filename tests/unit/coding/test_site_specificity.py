"""A code the index reaches at "unspecified site" takes the site and side its sentence documents."""
import pytest

from services.coding.domain.site_specificity import site_specificity
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, given, expected", [
    ("Chondrocalcinosis (pseudogout), left knee.", ("M11.20", "Chondrocalcinosis"), "M11.262"),
    ("Osteoporosis with current pathological fracture of the L1 vertebra, initial encounter.",
     ("M80.00XA", "Osteoporosis with current pathological fracture"), "M80.08XA"),
    ("Age-related osteoporosis with current pathological fracture of the right femur.",
     ("M80.00XA", "osteoporosis with current pathological fracture"), "M80.051A"),
])
def test_the_site_the_sentence_names_replaces_the_unspecified_site(tabular, note, given, expected):
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
