"""Abdominal pain and tenderness by the site the shorthand names (R10.1-, R10.3-, R10.81-, R10.84), the organ's colic
that is no infant's colic (R10.83), and the sign written beside a diagnosis the note only supposes, which outpatient
is what the visit is billed for (guideline IV.H): billed as any other documented sign, the doubted diagnosis not."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Assessment: RUQ pain after meals, US ordered.", "R10.11"),
    ("Plan: 2. Pain in the LUQ since Monday - follow up Friday.", "R10.12"),
    ("Impression: abdominal pain, RLQ; afebrile.", "R10.31"),
    ("Exam: abd soft, TTP in the LLQ, no guarding.", "R10.814"),
    ("Exam: RUQ tenderness without rebound.", "R10.811"),
    ("Dx: epigastric discomfort x 6 wk.", "R10.13"),
    ("Dx: diffuse abdominal pain and bloating.", "R10.84"),
])
def test_abdominal_pain_by_the_site_written(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Exam: abdomen soft, no RLQ tenderness, no rebound.", "R10.813"),
    ("ROS: denies RUQ pain or jaundice.", "R10.11"),
    ("FHx: mother with LLQ pain from diverticulitis.", "R10.32"),
])
def test_a_site_pain_denied_or_not_the_patients_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "A/P: 1. Right upper quadrant pain - consider biliary colic; ultrasound.",
    "A/P: 1. RUQ pain: biliary colic vs gastritis.",
    "Impression: gallbladder colic suspected.",
])
def test_an_organs_colic_is_not_the_infants(suggest, note):
    assert "R10.83" not in billed(suggest, note)


def test_renal_colic_keeps_its_own_code(suggest):
    assert "N23" in billed(suggest, "A/P: 1. Renal colic - tamsulosin, strain urine.")


@pytest.mark.parametrize("note, sign, doubted", [
    ("A/P: 1. HTN - on amlodipine. 2. RLQ pain - consider appendicitis, CT today.", "R10.31", "K35.80"),
    ("A/P: 1. T2DM on metformin. 2. Epigastric discomfort - ?PUD, PPI trial.", "R10.13", "K27.9"),
    ("A/P: 1. Hyperlipidemia on a statin. 2. Possible OSA - snoring, HSAT ordered.", "R06.83", "G47.33"),
    ("A/P: 1. Probable IBS: lower abdominal pain, fiber.", "R10.30", "K58.9"),
    ("A/P: 1. HTN. 2. r/o asthma - wheezing after exercise; spirometry.", "R06.2", "J45.909"),
])
def test_the_sign_beside_a_supposed_diagnosis_is_billed_and_the_diagnosis_is_not(suggest, note, sign, doubted):
    codes = billed(suggest, note)
    assert sign in codes and doubted not in codes


@pytest.mark.parametrize("note, code", [
    # a sign beside confirmed diagnoses, where "consider" weighs a treatment or a test, stays for a coder to place
    ("A/P: 1. COPD on tiotropium. 2. Wheezing - consider adding a LAMA-LABA.", "R06.2"),
    ("A/P: 1. HTN on lisinopril. 2. Snoring - consider sleep study next visit.", "R06.83"),
])
def test_consider_that_weighs_care_raises_no_sign(suggest, note, code):
    assert code not in billed(suggest, note)
