"""Readings for signs, complaints and abnormal results written in words no index term holds: each is coded as the
alphabetic index files it, and left out where the note names what explains it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Student says she has trouble concentrating in lectures since the semester began.", "R41.840"),
    ("He cannot concentrate on paperwork for more than ten minutes.", "R41.840"),
    ("Seen today for memory concerns; MoCA 27/30, lives alone.", "R41.3"),
    ("Walks with a limp on the left since last month, no injury recalled.", "R26.89"),
    ("Exam notable for a shuffling gait with short steps.", "R26.89"),
    ("She blacked out for a few seconds while standing at the sink.", "R55"),
    ("Reports brief loss of consciousness twice last week while seated.", "R55"),
    ("Over the past month his vision has been blurry when driving at dusk.", "H53.8"),
    ("Tracing read as abnormal ECG, nonspecific T-wave flattening.", "R94.31"),
    ("Resting ECG shows septal Q waves, otherwise sinus rhythm.", "R94.31"),
    ("Spirometry: mild restrictive defect, referred for full lung volumes.", "R94.2"),
    ("Left shoulder stiffness for six weeks after painting the ceiling.", "M25.612"),
    ("Complains of stiffness in the right knee after sitting, no swelling.", "M25.661"),
    ("He has been coughing up blood on and off for three days.", "R04.2"),
    ("Raised liver enzymes on routine labs, AST 74 and ALT 90.", "R74.01"),
])
def test_a_sign_in_words_no_index_term_holds_is_coded_as_the_index_files_it(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("No trouble concentrating, sleeping well.", "R41.840"),
    ("Denies blurred vision or double vision.", "H53.8"),
    ("Never passed out, no palpitations.", "R55"),
    ("If she passes out again, she should call 911.", "R55"),
])
def test_a_denied_or_supposed_sign_is_not_coded(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Memory complaints for a year. Assessment: mild cognitive impairment.", "R41.3"),
    ("Inferior Q waves consistent with an old inferior MI.", "R94.31"),
    ("COPD, GOLD 2. PFT: moderate obstructive ventilatory defect, stable since last year.", "R94.2"),
    ("Right knee stiffness from osteoarthritis of the right knee, worse in the mornings.", "M25.661"),
    ("Blurry vision before the headache, her usual migraine aura.", "H53.8"),
    ("Fell off his bike and blacked out briefly; concussion, no skull fracture.", "R55"),
    ("Elevated liver enzymes on the last panel, GGT and alkaline phosphatase.", "R74.01"),
])
def test_a_sign_the_note_explains_is_left_to_its_explanation(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Referred for memory problems. Impression: memory loss, possible mild cognitive impairment vs depression.",
    "Spirometry shows an obstructive defect, possible asthma; trial of inhaled steroid.",
])
def test_a_supposed_explanation_leaves_the_sign_or_result_coded(suggest, note):
    codes = billed(suggest, note)
    assert "R41.3" in codes or "R94.2" in codes


@pytest.mark.parametrize("note, code", [
    ("Event monitor, 14 days. Findings: sinus rhythm 60-105, occasional PACs. Impression: no arrhythmia recorded.",
     "I49.1"),
    (("Ambulatory ECG. Findings: sinus rhythm, isolated premature ventricular contractions. "
      "Interpretation: no clinically significant arrhythmia."), "I49.3"),
])
def test_premature_beats_an_impression_dismisses_are_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Holter. Findings: sinus rhythm, 12% PVC burden. Impression: frequent PVCs, no sustained arrhythmia.", "I49.3"),
    ("ECG: sinus rhythm with premature atrial contractions. Palpitations for a week.", "I49.1"),
])
def test_premature_beats_the_impression_names_or_nothing_dismisses_stay(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Loss of interest in her hobbies (anhedonia) and insomnia for six weeks.",
    "A: anhedonia; insomnia, early waking. Recheck in two weeks.",
])
def test_a_sign_beside_a_disorder_named_by_a_symptom_is_coded(suggest, note):
    assert "R45.84" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Trouble falling asleep on weeknights, screens in bed until midnight.",
    "Insomnia - difficulty falling and staying asleep since the move.",
])
def test_falling_asleep_is_not_a_fall(suggest, note):
    assert "R29.6" not in billed(suggest, note)


def test_repeated_falls_stay_coded(suggest):
    assert "R29.6" in billed(suggest, "Recurrent falls at home, three this month, no injuries.")
