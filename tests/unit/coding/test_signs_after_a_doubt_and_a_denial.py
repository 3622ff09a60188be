"""Signs written after a doubt whose words hold a "not" ("PE cannot be excluded - tachycardia", "cannot rule out
TIA - slurred speech"), after a comma item that states what the patient has beside a denial ("no injury, feels
dizzy"), and sweating in plain words; which diagnoses explain a numbness, a sweating or a fever, and a faint's warning
listed. Controls: the doubted diagnosis itself, the same signs denied, an earlier
condition of the doubt's sentence. Sentences of our own wording."""
import pytest

from services.coding.domain.note_text import negated_before
from services.coding.domain.reason_after_doubt import doubts_then_reason
from services.coding.domain.unexplained_beside import unexplained_beside
from services.coding.domain.unexplained_symptom import explained
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("cue, expected", [
    ("cannot rule out", True), ("can't exclude", True), ("possible", True), ("rule out", False), ("no", False),
])
def test_which_cues_doubt_the_diagnosis_before_its_reason(cue, expected):
    assert doubts_then_reason(cue) is expected


@pytest.mark.parametrize("note, word, expected", [
    ("No injury, feels dizzy when she stands.", "dizzy", False),
    ("No fall or injury, now notices tingling of the feet.", "tingling", False),
    ("No fever, reports a cough.", "cough", False),
    ("No injury, dizziness or tingling.", "tingling", True),
    ("Denies fever, chills, feels well.", "chills", True),
])
def test_a_denial_stops_at_a_comma_item_that_states_what_the_patient_has(note, word, expected):
    assert negated_before(note, note.index(word)) is expected


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Hyperthyroidism not excluded - palpitations, TSH pending.", "R00.2"),
    ("A/P: 1. Pneumonia cannot be ruled out - fever x 2 days, CXR pending.", "R50.9"),
    ("A/P: 1. HTN - continue lisinopril. 2. Pneumonia cannot be ruled out - fever x 2 days, CXR pending.", "R50.9"),
    ("Cannot rule out TIA - slurred speech for 10 minutes this morning.", "R47.81"),
    ("A/P: 1. Unstable angina cannot be excluded - sweating with the episodes.", "R61"),
    ("No injury, feels dizzy when she stands up.", "R42"),
    ("No fever or chills, now notices tingling in both feet x 1 mo.", "R20.2"),
    ("A/P: 1. No chest pain, feels short of breath walking uphill x 2 wks.", "R06.02"),
    ("CAD s/p stent, ACS cannot be excluded - troponin pending.", "I25.10"),
])
def test_on_the_real_index_the_sign_is_coded(suggest, note, code):  # noqa: F811
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Hyperthyroidism not excluded - palpitations, TSH pending.", "E05.90"),
    ("A/P: 1. Unstable angina cannot be excluded - sweating with the episodes.", "I20.0"),
    ("Cannot rule out TIA - no numbness, no slurred speech.", "R47.81"),
    ("Pneumonia ruled out - no fever.", "R50.9"),
    ("No ringing in the ears, feels dizzy.", "H93.19"),
    ("Denies fever, chills or cough.", "R50.9"),
    ("No sweating, no chest pain.", "R61"),
    ("Denies chest pain or diaphoresis.", "R61"),
    ("Her father had sweating spells with his heart attack.", "R61"),
])
def test_on_the_real_index_the_sign_is_not_coded(suggest, note, code):  # noqa: F811
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("symptom, diagnoses, expected", [
    ("R20.0", ["G20.A1"], False), ("R20.2", ["G40.909"], False), ("R20.0", ["G47.33"], False),
    ("R20.0", ["G56.01"], True), ("R20.2", ["G62.9"], True), ("R20.0", ["G35"], True), ("R20.2", ["G43.109"], True),
    ("R20.0", ["G45.9"], True),
    ("R61", ["F41.0"], True), ("R61", ["I20.0"], True), ("R61", ["M17.11"], False),
    ("R50.9", ["I10"], False), ("R50.9", ["E11.9"], False), ("R50.9", ["N10"], True), ("R50.9", ["J06.9"], True),
])
def test_which_diagnoses_explain_numbness_sweating_and_fever(symptom, diagnoses, expected):
    assert explained(symptom, diagnoses) is expected


def test_each_item_of_a_faints_warning_is_part_of_the_faint():
    note = "Two faints in the shower, preceded by lightheadedness, tunnel vision and sweating. Gout."
    start = note.index("sweating")
    assert not unexplained_beside("R61", ["M10.9"], note, start, start + len("sweating"))


@pytest.mark.parametrize("note, code", [
    # the external cause read on "the falls" is no diagnosis the dizziness is part of
    ("New: 3 falls in 2 mo, feels lightheaded when she stands before the falls.", "R42"),
    ("Knee OA. Numbness of the R hand fingertips, NCS normal. A/P: 1. Knee OA - PT. 2. R hand numbness - observe.",
     "R20.0"),
])
def test_on_the_real_index_a_sign_no_diagnosis_explains_is_coded(suggest, note, code):  # noqa: F811
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Panic disorder. Attacks about once a month - racing heart, sweating - on sertraline.", "R61"),
    ("Carpal tunnel syndrome R, EMG moderate. A/P: 1. R hand numbness - splint at night.", "R20.0"),
])
def test_on_the_real_index_a_sign_its_diagnosis_explains_is_not_billed(suggest, note, code):  # noqa: F811
    assert code not in billed(suggest, note)
