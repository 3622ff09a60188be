"""An arrhythmia's code as documented: the inappropriate sinus tachycardia by its own index entry, and an
unspecified type kept at its confidence where the qualifier that would name another type belongs to a neighbour in
the list ("CKD"'s chronic, "PACs"' atrial), not to the arrhythmia."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Inappropriate sinus tachycardia, on ivabradine 5 mg bid.",
    "A/P: 1. HTN - continue lisinopril. 2. Inappropriate sinus tachycardia - per cardiology.",
])
def test_inappropriate_sinus_tachycardia_is_i47_11(suggest, note):
    codes = billed(suggest, note)
    assert "I47.11" in codes and "R00.0" not in codes


@pytest.mark.parametrize("note", [
    "Inappropriate sinus tachycardia ruled out on Holter.",
    "Sister has inappropriate sinus tachycardia.",
    "Sinus tachycardia with the fever, HR 118.",
])
def test_no_inappropriate_sinus_tachycardia_unless_the_patient_s_own(suggest, note):
    assert "I47.11" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("PMH: COPD, CKD 3a, AFib on apixaban.", "I48.91"),
    ("Event monitor: occasional PACs, one 12-beat run of SVT.", "I47.10"),
])
def test_a_neighbour_s_qualifier_does_not_hold_the_unspecified_type(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_qualifier_of_the_arrhythmia_s_own_words_still_holds_it(suggest):
    assert "I48.91" not in billed(suggest, "Chronic AFib on apixaban.")
