"""Readings for the encounter's Z codes and the codes beside them missed at first sight: tobacco use the provider
says is not dependence, dependence stated beside cessation counselling, and counselling timed after its name."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Smokes 2-3 cigarettes on weekends, not nicotine dependent. Advised to stop.",
    "Social history: smokes an occasional cigar with friends, no tobacco dependence.",
    "She smokes now and then when out with friends, not physically dependent.",
])
def test_smoking_the_provider_says_is_not_dependence_is_tobacco_use(suggest, note):
    codes = billed(suggest, note)
    assert "Z72.0" in codes and not any(code.startswith("F17") for code in codes)


@pytest.mark.parametrize("note", [
    "Former smoker, quit 2015, was never dependent.",
    "Mother smokes at home; patient does not smoke, no nicotine dependence.",
    "Smokes cigarettes, 1 ppd, no alcohol use.",
])
def test_past_another_s_or_dependent_smoking_is_not_tobacco_use(suggest, note):
    assert "Z72.0" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Smokes 15 cigarettes a day, nicotine dependent, wants to quit: smoking cessation counseling given.", "F17.210"),
    ("Tobacco-dependent, smokes a pipe daily; cessation options reviewed.", "F17.290"),
])
def test_dependence_stated_beside_cessation_is_current(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_stated_dependence_in_the_past_is_not_current(suggest):
    assert "F17.210" not in billed(suggest, "Former smoker, nicotine dependent on cigarettes until she quit in 2012.")


@pytest.mark.parametrize("note", [
    "Current smoker, 1 ppd. Tobacco cessation counseling 5 min, patch offered.",
    "Smokes a pack a day. Counselled on quitting smoking for 4 minutes.",
])
def test_cessation_counselling_with_its_minutes_is_the_service(suggest, note):
    assert "Z71.6" in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Liver transplant 2016. Maintenance immunosuppression: tacrolimus 2 mg bid, long-term.", {"Z94.4", "Z79.621"}),
    ("Lupus nephritis, on mycophenolate long term; no flares this year.", {"Z79.624"}),
    ("Crohn's disease on adalimumab every 2 weeks, long-term maintenance.", {"Z79.620"}),
    ("RA, long-term tofacitinib 5 mg bid, joints quiet.", {"Z79.622"}),
    ("Heart transplant recipient (2019); sirolimus maintenance therapy.", {"Z94.1", "Z79.623"}),
])
def test_immunosuppressants_take_their_class_and_the_transplant_its_status(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected <= codes and "Z79.899" not in codes


@pytest.mark.parametrize("note, code", [
    ("Renal transplant 2014, now chronic rejection with rising creatinine.", "Z94.0"),
    ("ESRD on dialysis, referred for kidney transplant evaluation.", "Z94.0"),
    ("Her brother had a liver transplant last year.", "Z94.4"),
    ("No prior heart transplant; dilated cardiomyopathy, EF 20%.", "Z94.1"),
])
def test_a_rejected_planned_denied_or_relative_s_transplant_is_no_status(suggest, note, code):
    assert code not in billed(suggest, note)


def test_both_organs_of_a_heart_lung_transplant_are_one_status(suggest):
    codes = billed(suggest, "Heart-lung transplant in 2011 for Eisenmenger syndrome, stable.")
    assert "Z94.3" in codes and not {"Z94.1", "Z94.2"} & codes


@pytest.mark.parametrize("note", [
    "Focal epilepsy, controlled on levetiracetam, long-term therapy.",
    "Epilepsy on maintenance lacosamide 100 mg bid, no seizures.",
])
def test_an_antiepileptic_stated_long_term_is_long_term_drug_therapy(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Epilepsy, seizure-free x 3 yrs on levetiracetam 500 bid.",
    "Breakthrough seizure. Continue lamotrigine 100 mg bid, no driving x 6 mo.",
])
def test_a_seizure_free_time_or_driving_restriction_is_not_the_drug_s_course(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


def test_a_level_of_a_long_term_antiepileptic_is_drug_level_monitoring(suggest):
    codes = billed(suggest, "Seizure disorder on long-term oxcarbazepine. Oxcarbazepine level drawn today, sodium too.")
    assert {"Z79.899", "Z51.81"} <= codes


def test_a_drug_named_in_the_regimen_is_taken(suggest):
    codes = billed(suggest, "Type 2 diabetes. Current regimen: insulin detemir at bedtime and glimepiride.")
    assert {"Z79.4", "Z79.84"} <= codes


@pytest.mark.parametrize("note", [
    "Annual physical, 50F. BP 150/95 and 148/92; no history of hypertension. Rest of exam unremarkable.",
    "Preventive visit. Blood pressure 142/90 today, no known hx of HTN; remainder of the exam normal. Recheck 1 month.",
])
def test_a_raised_reading_at_a_routine_exam_is_an_abnormal_finding(suggest, note):
    codes = billed(suggest, note)
    assert {"Z00.01", "R03.0"} <= codes and "Z00.00" not in codes and "I10" not in codes


@pytest.mark.parametrize("note", [
    "Annual physical, 44M. No complaints. Exam: normal. Hypothyroidism stable on levothyroxine.",
    "Wellness exam, 39F, feels well, exam is normal, no abnormal findings.",
])
def test_a_routine_exam_stated_normal_beside_a_chronic_condition_is_without_findings(suggest, note):
    codes = billed(suggest, note)
    assert "Z00.00" in codes and "Z00.01" not in codes


def test_a_denied_sign_at_a_routine_exam_is_no_finding(suggest):
    codes = billed(suggest, "Annual exam, 61M. Denies chest pain, cough or fatigue. Exam: normal.")
    assert "Z00.00" in codes and "Z00.01" not in codes
