"""A drug written before its harm ("ramipril cough", "simvastatin myalgias") or a harm "on" a drug that does not
treat it reads the adverse-effect T code; its manifestation is kept beside the visit's diagnoses; a feared or
counselled harm and a condition "on" its drug are not read."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    ("Plan: 1. Enalapril cough, dry, since the start - enalapril stopped, valsartan 80 mg.", {"T46.4X5A"}),
    ("Impression: simvastatin myalgias in both calves; dose reduced to 10 mg.", {"T46.6X5A"}),
    ("1. Quetiapine weight gain of 9 kg - switched to lurasidone.", {"T43.595A", "R63.5"}),
    ("A/P: 1. GERD - omeprazole. 2. Hyponatremia on citalopram, Na 129 - citalopram held.", {"T43.225A", "E87.1"}),
    ("A/P: 1. Valproate tremor of the hands - dose reduced.", {"G25.1", "T42.6X5A"}),
    ("A/P: 1. Hydrocodone constipation - senna, taper hydrocodone.", {"K59.03", "T40.2X5A"}),
])
def test_the_drug_before_its_harm_is_its_adverse_effect(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("A/P: 1. HTN - lisinopril. Counseled on cough with lisinopril.", "T46"),
    ("A/P: 1. Depression - sertraline 50 mg; monitor for hyponatremia on sertraline.", "T43"),
    ("A/P: 1. Essential tremor on propranolol, improved - continue.", "T44"),
    ("A/P: 1. Leg edema on furosemide, better - continue furosemide.", "T50"),
    ("A/P: 1. HTN on lisinopril, at goal. 2. T2DM on metformin, A1c 6.8.", "T"),
    ("A/P: 1. Statin myalgias resolved after the switch to pravastatin.", "T46"),
])
def test_a_feared_harm_or_a_treated_condition_is_not_an_adverse_effect(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN on lisinopril, at goal.", "I10"),
    ("A/P: 1. Bipolar I d/o on lithium, euthymic.", "F31.9"),
    ("A/P: 1. HTN - continue lisinopril. 2. Paroxetine sexual dysfunction - switch to bupropion.", "I10"),
])
def test_the_condition_on_its_drug_stays_coded(suggest, note, code):
    assert code in billed(suggest, note)
