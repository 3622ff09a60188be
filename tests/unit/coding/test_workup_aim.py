"""A diagnosis that a work-up is still to establish is not coded outpatient; the same words weighing a treatment of
a diagnosis the note states leave it coded, and a work-up of a measured condition's cause leaves that condition."""
import pytest

from services.coding.domain.note_text import current, current_sign
from services.coding.domain.uncertain import uncertain_diagnoses
from services.coding.domain.workup_aim import aim_of_a_workup
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


# (text, the condition found in it, whether it stays coded)
WORKUP_AIMS = [
    # the shorthand writes GERD out, and the index term starts inside its hyphenated first word
    ("Chronic cough - nasal steroid trial, consider gastro-esophageal reflux disease workup.",
     ("K21.9", "esophageal reflux"), False),
    ("Poor focus at work - ADHD workup, rating scales to parents.", ("F90.9", "ADHD"), False),
    ("Snoring - obstructive sleep apnea to be evaluated, PSG.", ("G47.33", "obstructive sleep apnea"), False),
    ("Knee swelling - work-up for gout, aspirate.", ("M10.9", "gout"), False),
    ("Irritability - query bipolar disorder, mood chart.", ("F31.9", "bipolar disorder"), False),
    ("Joint pain, labs concerning for rheumatoid arthritis.", ("M06.9", "rheumatoid arthritis"), False),
    ("Fatigue - labs to assess for hypothyroidism.", ("E03.9", "hypothyroidism"), False),
    ("Dyspnea, high suspicion for pulmonary embolism - CTA.", ("I26.99", "pulmonary embolism"), False),
    # a treatment weighed for a stated condition, or the cause of a measured one sought
    ("Gastro-esophageal reflux disease - consider PPI trial.", ("K21.9", "esophageal reflux"), True),
    ("Obstructive sleep apnea, consider CPAP titration.", ("G47.33", "Obstructive sleep apnea"), True),
    ("AFib: consider ablation referral.", ("I48.91", "AFib"), True),
    ("Iron deficiency anemia - workup for GI loss, colonoscopy.", ("D50.9", "Iron deficiency anemia"), True),
    ("Iron deficiency anemia workup: colonoscopy and EGD.", ("D50.9", "Iron deficiency anemia"), True),
    ("Peripheral neuropathy work-up - B12, SPEP.", ("G62.9", "Peripheral neuropathy"), True),
]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, coded, stays", WORKUP_AIMS)
def test_a_condition_a_workup_is_to_establish_is_not_coded_a_treated_or_measured_one_is(tabular, frame, text,
                                                                                         coded, stays):
    note = frame.format(text)
    out, reasons = uncertain_diagnoses(found(note, coded), note, tabular)
    if stays:
        assert codes(out) == [coded[0]] and reasons == []
    else:
        assert codes(out) == [] and "uncertain" in reasons[0]


def test_the_workup_words_right_after_the_condition_name_its_aim():
    assert aim_of_a_workup("OSA", " workup ordered")
    assert aim_of_a_workup("celiac disease", " testing, tTG-IgA")
    assert not aim_of_a_workup("OSA", " on CPAP; sleep study workup of his wife's insomnia")
    assert not aim_of_a_workup("chronic kidney disease", " workup: renal US")
    assert not aim_of_a_workup("resistant hypertension", " workup: renin, aldosterone")


@pytest.mark.parametrize("frame", FRAMES)
def test_a_signs_work_up_seeks_its_cause_and_leaves_the_sign_current(frame):
    note = frame.format("Syncope work-up: passed out at home, Holter ordered. ADHD workup: rating scales.")
    syncope, adhd = note.index("Syncope"), note.index("ADHD")
    assert current_sign(note, syncope, syncope + len("Syncope"))
    assert not current(note, adhd, adhd + len("ADHD"))
