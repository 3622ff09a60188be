"""A work-up's aim as the doubt that leaves its signs to be coded, and valve leaks graded below mild."""
import pytest

from services.coding.domain.doubted_diagnosis_signs import DOUBT, open_doubt
from services.coding.domain.physiologic_regurgitation import graded_normal
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "Venous duplex to evaluate for a clot.",
    "Ultrasound ordered, evaluate for gallstones.",
    "MRI of the wrist to exclude a scaphoid fracture.",
    "Celiac disease to be excluded with serology.",
    "Early dementia not excluded.",
    "Myocarditis cannot be excluded on this study.",
])
def test_a_work_ups_aim_is_read_as_a_doubt(text):
    assert DOUBT.search(text)


@pytest.mark.parametrize("text", [
    "Evaluated in clinic last spring.",
    "Patient excluded from the trial.",
    "Full evaluation of the knee done.",
])
def test_words_of_evaluation_with_no_aim_are_no_doubt(text):
    assert not DOUBT.search(text)


@pytest.mark.parametrize("note, sign", [
    ("Pleuritic chest pain and tachycardia since this morning. CT angiogram ordered to evaluate for pulmonary "
     "embolism.", "R00.0"),
    ("Epigastric pain after meals, no vomiting. Ultrasound to exclude gallstones.", "R10.13"),
    ("Right upper quadrant pain; gallstones to be excluded by ultrasound.", "R10.11"),
])
def test_a_sign_before_a_diagnosis_a_work_up_aims_at_is_billed(suggest, note, sign):
    assert sign in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Epigastric pain after meals, no vomiting. Ultrasound to exclude gallstones.", "K80.20"),
    ("Right upper quadrant pain; gallstones to be excluded by ultrasound.", "K80.20"),
    ("Wrist pain after a fall, films clear; splint and repeat films to exclude an occult scaphoid fracture.",
     "S62.009A"),
])
def test_the_condition_a_work_up_is_to_exclude_is_not_coded(suggest, note, code):
    assert code not in {s.code for s in suggest(note)}


@pytest.mark.parametrize("text, start, end", [
    ("Echo: trace mitral regurgitation.", 12, 32),
    ("Valves: trivial physiologic tricuspid regurgitation, otherwise normal.", 28, 51),
    ("Aortic regurgitation, trace; no stenosis.", 0, 20),
])
def test_a_leak_graded_below_mild_is_a_normal_valves(text, start, end):
    assert graded_normal(text, start, end)


@pytest.mark.parametrize("text, start, end", [
    ("Echo: mild mitral regurgitation.", 11, 31),
    ("Trace pericardial fluid. Moderate tricuspid regurgitation.", 34, 57),
    ("Mitral regurgitation, moderate to severe.", 0, 20),
])
def test_a_leak_graded_mild_or_worse_or_a_grade_of_another_finding_is_not(text, start, end):
    assert not graded_normal(text, start, end)


@pytest.mark.parametrize("note, code", [
    ("Transthoracic echo. LVEF 60%. Trace physiologic mitral regurgitation. Normal study.", "I34.0"),
    ("Echo: normal LV size. Trivial tricuspid regurgitation.", "I36.1"),
])
def test_a_leak_graded_below_mild_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_mild_leak_is_still_billed(suggest):
    assert "I34.0" in billed(suggest, "Echo: LVEF 55%. Mild mitral regurgitation.")


@pytest.mark.parametrize("note, code", [
    ("62M, former smoker (quit 2012), chronic cough and wheeze for a year.", "R05.3"),
    ("Former smoker with COPD, on tiotropium.", "J44.9"),
])
def test_a_former_habit_places_only_itself_in_the_past(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Former smoker, 20 pack-years.", "F17.210"),
    ("Former asthma as a child, none since.", "J45.909"),
])
def test_a_former_habit_or_condition_is_still_not_current(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, settled", [
    (("Therapy f/u, 34F. Husband reports irritability. A/P: 1. GAD - continue escitalopram. 2. GAD vs bipolar II - "
      "bipolar II excluded, no hypomania."), True),
    (("Clinic, 15F. Irritability and poor focus - depression vs ADHD; ADHD ruled out on rating scales. Dysthymia - "
      "start CBT."), True),
    (("Therapy f/u, 34F. Husband reports irritability. A/P: 1. GAD - continue escitalopram. 2. GAD vs bipolar II - "
      "mood chart."), False),
])
def test_a_sign_beside_a_vs_its_sentence_settles_is_not_billed(suggest, note, settled):
    assert ("R45.4" in billed(suggest, note)) is not settled


@pytest.mark.parametrize("text, open_", [
    ("migraine vs tension headache; tension headache excluded", False),
    ("SVT versus anxiety - SVT unlikely", False),
    ("SVT vs anxiety, Holter ordered", True),
    ("gout vs pseudogout; pseudogout not excluded", True),
])
def test_a_vs_stays_a_doubt_until_its_sentence_sets_a_member_aside(text, open_):
    doubt = next(d for d in DOUBT.finditer(text) if d.group(0).lower() in ("vs", "versus"))
    assert open_doubt(doubt, text) is open_
