"""Uncertain diagnoses (outpatient): r/o, possible, probable, suspected, likely, versus, cannot exclude are not
coded as the condition; the symptoms documented beside them are."""
import pytest

from services.coding.domain.suggestions import without_integral_symptoms
from services.coding.domain.uncertain import uncertain_diagnoses
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diagnosis", [
    ("Cough and fever, likely pneumonia.", "pneumonia"), ("Cough, r/o pneumonia.", "pneumonia"),
    ("Cough, possible pneumonia.", "pneumonia"), ("Cough, probable pneumonia.", "pneumonia"),
    ("Cough, suspected pneumonia.", "pneumonia"), ("Cough, bronchitis versus pneumonia.", "pneumonia"),
    ("Cough, pneumonia vs bronchitis.", "pneumonia"), ("Cough, cannot exclude pneumonia.", "pneumonia"),
    ("Cough, presumed pneumonia.", "pneumonia"), ("Cough, pneumonia presumed.", "pneumonia"),
])
def test_an_uncertain_diagnosis_is_not_coded_its_symptom_is(tabular, note, diagnosis):
    given = found(note, ("J18.9", diagnosis), ("R05.9", "Cough"))
    kept, reasons = uncertain_diagnoses(given, note, tabular)
    assert codes(kept) == ["R05.9"] and reasons
    assert kept[0].convention == "uncertain-diagnosis" and "pneumonia" in kept[0].reason


def test_a_confirmed_diagnosis_is_coded(tabular):
    note = "Pneumonia confirmed on x-ray; cough."
    kept, reasons = uncertain_diagnoses(found(note, ("J18.9", "Pneumonia"), ("R05.9", "cough")), note, tabular)
    assert codes(kept) == ["J18.9", "R05.9"] and reasons == []


def test_a_symptom_beside_an_uncertain_diagnosis_is_not_dropped_as_integral():
    note = "Cough and fever, likely pneumonia."
    given = found(note, ("R05.9", "Cough"), ("J18.9", "pneumonia"))
    assert codes(without_integral_symptoms(given, [0, 0], note)) == ["J18.9", "R05.9"]
    assert codes(without_integral_symptoms(given, [0, 0])) == ["J18.9"]  # without the note: definitive


@pytest.mark.parametrize("note, kept", [
    ("Dx orthostatic hypotension, likely volume depletion from HCTZ.", ["I95.1"]),  # the cause is the uncertain part
    ("Orthostatic hypotension, likely.", []), ("Orthostatic hypotension is likely.", []),
    ("Orthostatic hypotension vs vasovagal syncope.", []),
])
def test_a_cue_after_a_comma_that_names_a_cause_leaves_the_condition_before_it_stated(tabular, note, kept):
    given = found(note, ("I95.1", "rthostatic hypotension"))
    assert codes(uncertain_diagnoses(given, note, tabular)[0]) == kept


@pytest.mark.parametrize("note, sign, code", [
    ("Chronic cough. Likely GERD related. Postnasal drip also possible.", "Postnasal drip", "R09.82"),
    ("Chronic cough. Postnasal drip possible.", "Postnasal drip", "R09.82"),
])
def test_a_sign_its_own_sentence_calls_possible_is_not_coded(tabular, note, sign, code):
    given = found(note, (code, sign), ("R05.3", "Chronic cough"))
    kept, reasons = uncertain_diagnoses(given, note, tabular)
    assert codes(kept) == ["R05.3"] and sign in reasons[0]


@pytest.mark.parametrize("note, sign, code", [
    ("Headache likely tension type.", "Headache", "R51.9"),  # the type named after it is the doubt
    ("Cough, likely viral.", "Cough", "R05.9"),
    ("Dysuria. Possible UTI.", "Dysuria", "R30.0"),  # beside an uncertain diagnosis, the sign is what is coded
])
def test_a_sign_before_a_doubt_about_something_else_is_coded(tabular, note, sign, code):
    kept, reasons = uncertain_diagnoses(found(note, (code, sign)), note, tabular)
    assert codes(kept) == [code] and reasons == []
