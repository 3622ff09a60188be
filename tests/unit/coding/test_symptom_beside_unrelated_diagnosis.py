"""A polyuria, a nausea or an abdominal pain beside confirmed diagnoses none of which routinely explains it is billed
(guidelines I.B.6, IV.D); beside one that may explain it (a diabetes, a reflux, a migraine, a kidney stone) it stays
with a coder. Sentences of our own wording."""
import pytest

from services.coding.domain.unexplained_symptom import explained
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("symptom, diagnoses, expected", [
    # polyuria: a diabetes of any kind, a high calcium, a kidney's or bladder's disorder, a drug
    ("R35.89", ["E11.9"], True), ("R35.89", ["E23.2"], True), ("R35.89", ["N40.1"], True),
    ("R35.89", ["E83.52"], True), ("R35.89", ["I10"], False), ("R35.89", ["F33.1"], False),
    ("R35.89", ["M17.11"], False),
    # nausea and vomiting: the digestive system, a pregnancy, a migraine, an inner ear's vertigo, a kidney stone
    ("R11.0", ["K21.9"], True), ("R11.2", ["O21.0"], True), ("R11.0", ["G43.909"], True),
    ("R11.0", ["H81.10"], True), ("R11.10", ["N20.0"], True), ("R11.0", ["E11.43"], True),
    ("R11.0", ["E11.9"], False), ("R11.0", ["I10"], False), ("R11.2", ["J45.909"], False),
    ("R11.0", ["F33.1"], False),
    # abdominal pain: the digestive system, a urinary or pelvic organ's disorder, an angina felt in the epigastrium
    ("R10.13", ["K21.9"], True), ("R10.31", ["N83.201"], True), ("R10.9", ["N20.0"], True),
    ("R10.13", ["I20.9"], True), ("R10.13", ["E78.5"], False), ("R10.84", ["G20.A1"], False),
    ("R10.13", ["E11.9"], False),
])
def test_polyuria_nausea_and_abdominal_pain_have_their_own_explanations(symptom, diagnoses, expected):
    assert explained(symptom, diagnoses) is expected


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Essential hypertension - continue amlodipine. 2. Nausea for two days - ondansetron as needed.",
     "R11.0"),
    ("Hyperlipidemia on rosuvastatin, LDL at goal. She also reports upper abdominal pain after fatty meals.",
     "R10.1"),
    ("A/P: 1. Knee OA - home exercises. 2. Polyuria - glucose and BMP today.", "R35.8"),
])
def test_on_the_real_index_an_unexplained_symptom_beside_a_diagnosis_is_billed(suggest, note, code):
    assert any(c.startswith(code) for c in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    # a diabetes with its high sugars explains the polyuria; a reflux its epigastric pain; a migraine its nausea
    ("A/P: 1. Type 2 diabetes, sugars high - titrate insulin. 2. Polyuria - expect better with control.", "R35.8"),
    ("A/P: 1. GERD - pantoprazole daily. 2. Epigastric pain after meals - elevate the head of the bed.", "R10"),
    ("Migraine without aura on rizatriptan. Nausea with each attack.", "R11"),
    # a symptom written alone in its note keeps its confidence: the control
])
def test_a_symptom_its_diagnosis_may_explain_is_not_billed(suggest, note, code):
    assert not any(c.startswith(code) for c in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Nausea for two days - ondansetron as needed.", "R11.0"),
    ("A/P: 1. Polyuria - glucose and BMP today.", "R35.8"),
])
def test_the_symptom_alone_in_its_note_is_billed_as_before(suggest, note, code):
    assert any(c.startswith(code) for c in billed(suggest, note))


@pytest.mark.parametrize("symptom, diagnoses, expected", [
    # being easily fatigued is one of a generalized anxiety disorder's criteria; a panic disorder's it is not
    ("R53.83", ["F41.1"], True), ("R53.83", ["F41.0"], False),
    # a lightheadedness beside a Parkinson disease stays its own problem, as the labels code it
    ("R42", ["G20.A1"], False),
])
def test_fatigue_beside_generalized_anxiety_is_explained_and_dizziness_beside_parkinson_disease_is_not(
        symptom, diagnoses, expected):
    assert explained(symptom, diagnoses) is expected
