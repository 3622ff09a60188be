"""Signs the notes write beside diagnoses that do not explain them, or in words no rule read: dizziness on standing
beside a hypertension or a heart failure, weight gained by an amount, blood seen in the urine, "short of breath", a
symptom with its duration in a diagnosis field's list, the signs listed before a doubted diagnosis in a sentence that
also denies another condition's past. Controls: the same signs denied, a relative's, a faint's warning, a drug's
past effect, a known condition's sign at its usual level. Sentences of our own wording."""
import pytest

from services.coding.domain.note_text import current_sign
from services.coding.domain.unexplained_beside import unexplained_beside
from services.coding.domain.unexplained_symptom import explained
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("diagnoses, expected", [
    (["I10"], False), (["I50.32"], False), (["I11.0", "I50.22"], False), (["I48.0"], False), (["G43.909"], False),
    (["E11.9"], False), (["J44.9"], False),
    (["H81.10"], True), (["I95.1"], True), (["I49.5"], True), (["I35.0"], True), (["G45.9"], True),
    (["E86.0"], True), (["D64.9"], True), (["F41.0"], True), (["E27.40"], True), (["T42.6X5A"], True),
])
def test_which_diagnoses_explain_a_dizziness(diagnoses, expected):
    assert explained("R42", diagnoses) is expected


@pytest.mark.parametrize("diagnoses, expected", [
    (["E78.5"], False), (["F41.1"], False), (["I10"], False),
    (["E03.9"], True), (["E24.9"], True), (["E66.9"], True), (["I50.22"], True), (["F32.A"], True),
])
def test_which_diagnoses_explain_a_weight_gain(diagnoses, expected):
    assert explained("R63.5", diagnoses) is expected


def _beside(note: str, term: str, symptom: str, diagnoses: list[str]) -> bool:
    start = note.index(term)
    return unexplained_beside(symptom, diagnoses, note, start, start + len(term))


def test_a_warning_before_a_faint_and_a_stopped_drugs_effect_stay_with_a_coder():
    assert not _beside("Two faints in the shower, each preceded by lightheadedness. Gout.", "lightheadedness",
                       "R42", ["M10.9"])
    assert not _beside("Knee OA. Pregabalin discontinued last month due to dizziness.", "dizziness", "R42",
                       ["M17.11"])
    assert _beside("Knee OA. Gets dizzy when she rises from a chair.", "dizzy", "R42", ["M17.11"])


def test_a_denied_past_dates_nothing_else_its_sentence_names():
    note = "Referred with easy bruising and a BP of 156/98, no hx of HTN."
    at = note.index("easy bruising")
    assert current_sign(note, at, at + len("easy bruising"))
    dated = "Easy bruising, hx of ITP."
    assert not current_sign(dated, 0, len("Easy bruising"))


@pytest.mark.parametrize("note, code", [
    ("Hypertension on chlorthalidone, BP fine sitting. Lightheaded every time he stands up for 2 weeks.", "R42"),
    ("Chronic systolic heart failure on furosemide. New: dizzy on getting out of bed.", "R42"),
    ("Hyperlipidemia on rosuvastatin. She has gained 7 kg since the spring.", "R63.5"),
    ("Osteoarthritis of the L knee. Saw visible blood in her urine on Sunday.", "R31.0"),
    ("Spirometry report. Indication: short of breath walking uphill for 2 months.", "R06.02"),
    ("Lab order: CBC, TSH. Dx: fatigue x 6 wks; hypertension on amlodipine.", "R53.83"),
    ("A/P: 1. Chest tightness, likely stable angina - r/o CAD, stress test.", "R07.89"),
    ("New consult for possible Cushing syndrome: gained 9 kg in a year, easy bruising, no hx of diabetes.", "R23.3"),
])
def test_on_the_real_index_the_sign_is_coded(suggest, note, code):  # noqa: F811
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Hypertension on amlodipine. Denies dizziness on standing.", "R42"),
    ("Hypertension. Her mother gets dizzy when she stands.", "R42"),
    ("Recurrent faints preceded by lightheadedness. Migraine without aura.", "R42"),
    ("Hyperlipidemia on statin. No visible blood in urine.", "R31.0"),
    ("Primary hypothyroidism on levothyroxine 75 mcg. She has gained 4 kg, put down to the thyroid.", "R63.5"),
    ("COPD on tiotropium, short of breath on one flight of stairs, unchanged. Lung cancer cannot be excluded - CT.",
     "R06.02"),
    # a denied past of another condition leaves a condition the note only weighs where it was
    ("Bipolar disorder was weighed for his poor sleep, but there is no history of mania.", "F31.10"),
    ("Lab order: CBC. Dx: cough x 3 wks; hypertension on amlodipine.", "R05.9"),
])
def test_on_the_real_index_the_sign_is_not_coded(suggest, note, code):  # noqa: F811
    assert code not in billed(suggest, note)
