"""A contact with or exposure to a communicable disease as its Z20 code, the disease itself left uncoded; a denied
exposure or a diagnosed disease gets no Z20 code."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Seen today after an exposure to pertussis at her school; no cough so far.", "Z20.818"),
    ("Assessment: 1. COVID-19 exposure - test on day 5, mask.", "Z20.822"),
    ("A/P: sick contact with RSV, well appearing.", "Z20.828"),
    ("His brother has chickenpox; he is well, no rash.", "Z20.828"),
    ("Reason for visit: close contact with hepatitis B (partner HBsAg+), wants labs.", "Z20.5"),
    ("Her coworker tested positive for TB; asymptomatic, IGRA ordered.", "Z20.1"),
    ("A/P: exposed to HIV via needlestick at work, PEP started.", "Z20.6"),
])
def test_the_exposure_gets_its_contact_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, disease", [
    ("Household contact with hepatitis A, feels fine, hep A IgG ordered.", "B15"),
    ("Brother with MRSA boils; he has no lesions.", "B95"),
    ("A/P: close contact with meningococcal disease at college, rifampin given.", "A39"),
])
def test_the_disease_of_the_contact_is_not_the_patients(suggest, note, disease):
    assert not any(code.startswith(disease) for code in billed(suggest, note))


@pytest.mark.parametrize("note", [
    "No known exposure to TB. Cough x3 days.",
    "Denies sick contacts with influenza; HTN stable.",
])
def test_a_denied_exposure_gets_none(suggest, note):
    assert not any(code.startswith("Z20") for code in billed(suggest, note))


def test_a_diagnosed_disease_is_coded_not_the_exposure(suggest):
    found = billed(suggest, "Exposed to influenza at home; now febrile, flu A positive. Influenza A with cough.")
    assert not any(code.startswith("Z20") for code in found)
