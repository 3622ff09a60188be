"""A drug's side effect is coded only when it happened (guideline I.C.19.e.5.a: the manifestation, then the T36-T50
code for the adverse effect); one the patient is counselled about, warned of or whose list of side effects is
reviewed is supposed, not the patient's condition. The condition the drug treats and a harm that did happen stay
coded."""
import pytest

from tests.unit.coding.test_context_triggers import is_current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, mention", [
    ("Chlorthalidone: counseled on hypokalemia and gout, BMP next week.", "gout"),
    ("Chlorthalidone: counseled on hypokalemia and gout, BMP next week.", "hypokalemia"),
    ("Counselling re: weight gain with quetiapine, lipids at baseline.", "weight gain"),
    ("Starting dapagliflozin - counseled on yeast infections, UTI and euglycemic DKA.", "UTI"),
    ("Valproate SE reviewed: tremor, hair loss, weight gain.", "tremor"),
    ("Side effects discussed: nausea, headache, insomnia; start fluoxetine 10.", "headache"),
    ("Counseled on hyperglycemia and insomnia with the prednisone burst.", "insomnia"),
])
def test_a_harm_only_talked_about_with_its_drug_is_not_current(text, mention):
    assert not is_current(text, mention)


@pytest.mark.parametrize("text, mention", [
    # no drug in the clause: a counselling topic's own rule reads that, not this one
    ("Counseled on diet and exercise for obesity.", "obesity"),
    # the harm named as it happened beside the counselling
    ("Myalgias since the rosuvastatin increase; counseled on hydration.", "Myalgias"),
    ("SE: mild nausea on metformin, improving.", "nausea"),
])
def test_a_harm_stated_or_a_topic_without_a_drug_is_not_this_reading(text, mention):
    assert is_current(text, mention)


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN - start HCTZ 12.5 mg, counseled on hypokalemia and gout.", "E87.6"),
    ("A/P: 1. HTN - HCTZ 12.5 mg: counseled on hypokalemia and gout.", "M10.9"),
    ("A/P: 1. T2DM on metformin. Counseled on B12 deficiency with long-term metformin.", "E53.8"),
    ("A/P: 1. Bipolar I disorder - lithium; SE reviewed: tremor, polyuria - denies.", "R25.1"),
    ("A/P: 1. Knee OA s/p TKA - oxycodone prn; counseled on drowsiness and respiratory depression with opioids.",
     "F32.A"),
])
def test_the_side_effect_counselled_on_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    # the condition the drug is for stays, with the talk of a risk after its dash
    ("A/P: 1. Schizophrenia - discussed risk of weight gain on olanzapine.", "F20.9"),
    ("A/P: 1. HTN - continue lisinopril. 2. Schizophrenia - discussed risk of weight gain on olanzapine.", "F20.9"),
    # a long-term drug's own status code
    ("A/P: 1. Bipolar I disorder - continue lithium long term; counseled on tremor.", "Z79.899"),
    # a harm that did happen, beside one only warned of
    ("A/P: 1. Hyperkalemia from spironolactone, K 5.8 - hold spironolactone. Warned re: gynecomastia.", "E87.5"),
])
def test_the_treated_condition_and_a_harm_that_happened_are_still_billed(suggest, note, code):
    assert code in billed(suggest, note), billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Hyperkalemia from spironolactone, K 5.8 - hold spironolactone.", "T50.0X5A"),
    ("A/P: 1. Akathisia from haloperidol - stop haloperidol, start propranolol.", "T43.4X5A"),
    ("A/P: 1. Tremor from lithium - stop lithium, level today.", "T43.595A"),
])
def test_a_harm_from_its_drug_that_the_visit_acts_on_is_its_adverse_effect(suggest, note, code):
    assert code in billed(suggest, note), billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    # a change of drug, not its harm
    ("A/P: 1. HTN - switched from lisinopril to losartan last year, stable.", "T46.4"),
    ("A/P: 1. Epilepsy - would consider switching from levetiracetam if mood worsens.", "T42.6"),
    # a harm only thought likely (outpatient, an uncertain diagnosis is not coded)
    ("Dx: orthostatic hypotension, likely volume depletion from HCTZ. Hold HCTZ.", "T50.2"),
    ("Hyponatremia, Na 128, likely SIADH from citalopram. Fluid restriction.", "T43.22"),
])
def test_a_change_of_drug_or_a_likely_harm_is_not_the_adverse_effect(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note)), billed(suggest, note)
