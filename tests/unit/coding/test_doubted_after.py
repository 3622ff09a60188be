"""A denial or doubt written after the condition: a list item's status after its dash, a trailing "r/o", a
work-up's verdict, and the same after the item's own qualifier; a cause named after a dash or comma doubts only
the cause."""
import pytest

from tests.unit.coding.test_context_triggers import is_current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, mention", [
    ("Plan: 1. Gout 2. Celiac disease - unlikely, tTG normal.", "Celiac disease"),
    ("Problems: 3. Sleep apnea - r/o; sleep study ordered.", "Sleep apnea"),
    ("Dx: anemia; hypothyroidism rule out; recheck in 6 wks.", "hypothyroidism"),
    ("A/P: 4. Vertigo of central origin - low suspicion, exam benign.", "Vertigo"),
    ("Pancreatitis - negative workup, lipase normal.", "Pancreatitis"),
    ("Lupus was considered but excluded by serologies.", "Lupus"),
    ("Hemochromatosis (-).", "Hemochromatosis"),
    ("Cirrhosis not consistent with the imaging.", "Cirrhosis"),
    ("2. Bipolar disorder, current episode manic - ruled out by collateral.", "Bipolar disorder"),
    ("Cluster headache with autonomic features not supported by the diary.", "Cluster headache"),
])
def test_a_status_after_the_condition_that_denies_or_doubts_it(text, mention):
    assert not is_current(text, mention)


@pytest.mark.parametrize("text, mention", [
    ("1. Pneumonia - likely viral, supportive care.", "Pneumonia"),
    ("2. Diverticulitis - improving on antibiotics.", "Diverticulitis"),
    ("3. Psoriasis, plaque type, stable; arthritis ruled out.", "Psoriasis"),
    ("Chest pain, ACS ruled out by serial troponins.", "Chest pain"),
    ("Knee pain, OA unlikely on x-ray.", "Knee pain"),
    ("Type 2 diabetes without complications, retinopathy ruled out.", "Type 2 diabetes"),
    ("4. Asthma with seasonal triggers - controlled on ICS.", "Asthma"),
])
def test_a_status_that_names_a_cause_or_another_condition_leaves_it_current(text, mention):
    assert is_current(text, mention)


@pytest.mark.parametrize("note, code", [
    ("Assessment: 1. HTN 2. GERD - unlikely, no heartburn.", "K21.9"),
    ("Assessment: 1. Hypothyroidism 2. ADHD, combined type - ruled out on testing.", "F90.2"),
    ("Seen for headaches; migraine with aura not consistent with her history.", "G43.109"),
    ("Emphysema stable; COPD exacerbation ruled out, at baseline.", "J44.1"),
    ("Impression: GERD versus esophageal spasm.", "K21.9"),
    ("Reflux was considered and ruled out by pH study.", "K21.9"),
    ("Chronic migraine without aura (-) per diary; tension-type pattern.", "G43.709"),
    ("Left hemiparesis after stroke, nondominant side - unlikely, deficit is functional.", "I69.354"),
    ("Rule out right hemiparesis after ischemic stroke.", "I69.351"),
])
def test_the_doubted_condition_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_stroke_stated_with_its_deficit_keeps_its_sequela(suggest):
    assert "I69.351" in billed(suggest, "Old L MCA stroke 2021 with residual right hemiparesis, right-handed.")


@pytest.mark.parametrize("note, code", [
    ("Low suspicion for a solitary pulmonary nodule; the opacity is a nipple shadow.", "R91.1"),
    ("Low clinical suspicion for prediabetes; A1c 5.4 last month.", "R73.03"),
])
def test_a_finding_doubted_right_before_it_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_complaint_with_a_likely_cause_is_still_billed(suggest):
    assert "R00.2" in billed(suggest, "Palpitations, likely from caffeine.")


@pytest.mark.parametrize("note, code", [
    ("Impression: ? prediabetes, will add an A1c to her labs.", "R73.03"),
    ("Assessment: suspected prediabetes given weight gain.", "R73.03"),
    ("Prediabetes vs early type 2 diabetes - repeat A1c in 3 mo.", "R73.03"),
    ("Plan: CT chest, probable solitary pulmonary nodule on outside film.", "R91.1"),
    ("Dx: pulmonary nodule ? artifact, repeat view.", "R91.1"),
    ("Staring spells, r/o seizure; EEG ordered.", "R56.9"),
])
def test_a_finding_doubted_as_a_diagnosis_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Prediabetes by A1c 6.0; diet and walking.", "R73.03"),
    ("Solitary pulmonary nodule 5 mm, stable over 2 yrs.", "R91.1"),
    ("Tiredness for weeks, ? anemia; CBC today.", "R53.83"),
    ("Painful urination, possible cystitis, culture sent.", "R30.0"),
])
def test_a_stated_finding_and_a_complaint_beside_a_doubt_are_billed(suggest, note, code):
    assert code in billed(suggest, note)
