"""A symptom the table of routine explanations knows, written as an aside beside confirmed diagnoses none of which
explains it, is coded; one a diagnosis explains, one at a follow-up after treatment, one in a clinic's name and one
said to be under control stay with a coder. Sentences of our own wording."""
import pytest

from services.coding.domain.unexplained_beside import unexplained_beside
from services.coding.domain.unexplained_symptom import explained
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _beside(note: str, term: str, symptom: str, diagnoses: list[str]) -> bool:
    start = note.index(term)
    return unexplained_beside(symptom, diagnoses, note, start, start + len(term))


@pytest.mark.parametrize("note, term, symptom, diagnoses", [
    ("Panic disorder, better on sertraline. She also mentions a blotchy rash on her shins.", "rash", "R21",
     ["F41.0"]),
    ("Gout quiet on allopurinol. New: heart racing in the evenings for a month.", "heart racing", "R00.2",
     ["M1A.9XX0"]),
    ("Psoriasis on topical steroid. Has had three nosebleeds since the heating came on.", "nosebleeds", "R04.0",
     ["L40.0"]),
    ("Hip OA, walking a mile. Reports getting up twice a night to pass urine.", "getting up twice", "R35.1",
     ["M16.11"]),
])
def test_an_aside_no_diagnosis_explains_is_coded(note, term, symptom, diagnoses):
    assert _beside(note, term, symptom, diagnoses)


@pytest.mark.parametrize("note, term, symptom, diagnoses", [
    # a diagnosis beside routinely explains it
    ("Persistent AF on apixaban. Aware of palpitations on the stairs.", "palpitations", "R00.2", ["I48.19"]),
    ("Dilated cardiomyopathy, EF 30%. Some leg swelling.", "leg swelling", "R60.0", ["I42.0"]),
    ("Hyperemesis gravidarum, 9 weeks. Lost 3 kg.", "Lost 3 kg", "R63.4", ["O21.1"]),
    ("RA on methotrexate. Slight dyspnea on exertion.", "dyspnea on exertion", "R06.09", ["M06.9"]),
    # at a follow-up after completed treatment the symptom is the treated condition's residue
    ("Pneumonia treated, course completed. Nosebleed once.", "Nosebleed", "R04.0", ["Z09"]),
    # a cough's course sets its code; falls over a year are as often a history of falling
    ("Gout. Cough for the last three weeks.", "Cough", "R05.9", ["M10.9"]),
    ("Gout. Two falls this year.", "Two falls", "R29.6", ["M10.9"]),
    # a clinic's name, and a symptom under control (its condition may be written where no rule reads it)
    ("Seizure clinic. Seen for tension headaches.", "Seizure", "R56.9", ["G44.209"]),
    ("Migraine on topiramate. Tremor stable on the same dose.", "Tremor", "R25.1", ["G43.909"]),
    # a symptom the table does not know
    ("Gout. Weakness of both legs.", "Weakness", "R53.1", ["M10.9"]),
])
def test_a_symptom_a_coder_still_weighs_is_not_read_as_unexplained(note, term, symptom, diagnoses):
    assert not _beside(note, term, symptom, diagnoses)


@pytest.mark.parametrize("symptom, diagnoses, expected", [
    ("R12", ["K21.9"], True), ("R12", ["J45.20"], False),
    ("R20.2", ["E11.42"], True), ("R20.2", ["G43.909"], True), ("R20.2", ["E03.9"], True),
    ("R20.2", ["I48.19"], False),
    ("R30.0", ["N39.0"], True), ("R30.0", ["E11.9"], False),
    ("R40.4", ["G40.A09"], True), ("R40.4", ["E16.2"], True), ("R40.4", ["I10"], False), ("R40.4", ["F33.1"], False),
    ("R26.81", ["G20.A1"], True), ("R26.81", ["H81.10"], True), ("R26.81", ["E11.42"], True),
    ("R26.81", ["I10"], False), ("R26.81", ["E11.9"], False),
])
def test_heartburn_numbness_dysuria_staring_and_unsteadiness_have_their_own_explanations(symptom, diagnoses, expected):
    assert explained(symptom, diagnoses) is expected


@pytest.mark.parametrize("note, code", [
    ("Bipolar II disorder, euthymic on lamotrigine. New: palpitations most nights for 3 weeks. Continue.", "R00.2"),
    ("Hypothyroidism on levothyroxine, TSH in range. Also leg cramps at night; magnesium level.", "R25.2"),
    ("Primary OA of the right knee, injection today. He fainted once last week getting out of bed.", "R55"),
])
def test_on_the_real_index_an_unexplained_aside_is_billed(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Chronic diastolic heart failure on furosemide, euvolemic. Mild ankle edema.", "R60"),
    ("Hypothyroidism on levothyroxine. Fatigue persists.", "R53"),
    ("Paroxysmal AF on apixaban. Palpitations with the AF episodes.", "R00"),
])
def test_on_the_real_index_a_symptom_its_diagnosis_explains_is_not_billed(suggest, note, code):
    assert not any(c.startswith(code) for c in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN - continue lisinopril. 2. Staring spells at work, 10-20 s - EEG.", "R40.4"),
    ("A/P: 1. T2DM - continue metformin. 2. Feels off balance on stairs - vestibular PT.", "R26.81"),
])
def test_a_staring_spell_or_unsteadiness_beside_an_unrelated_diagnosis_is_billed(suggest, note, code):
    assert code in billed(suggest, note)
