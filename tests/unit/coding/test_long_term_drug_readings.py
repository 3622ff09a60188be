"""Long-term drug therapy (Z79.-) and drug monitoring (Z51.81) as a coder reads them: a drug the patient is off,
finished or took when a past event happened is no current therapy; a drug whose level is drawn at the visit is
taken long term and monitored; a level reported from another day is not this visit's monitoring."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Atrial flutter, ablated. History of a retroperitoneal bleed on apixaban in 2020, resolved.", "Z79.01"),
    ("Hx GI bleed on clopidogrel 2019, healed; statin only now.", "Z79.02"),
    ("Sarcoidosis in remission, off prednisone long-term since 2023.", "Z79.52"),
    ("Osteopenia. Finished 5 years of risedronate in 2024; drug holiday, DEXA next year.", "Z79.83"),
    ("Low back pain resolved. Off all opioids since March 2022, long-term abstinent.", "Z79.891"),
])
def test_a_drug_the_patient_is_off_or_took_at_a_past_event_is_not_long_term_therapy(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Paroxysmal AF on apixaban 5 mg bid, long term. History of a nosebleed 2021, resolved.", "Z79.01"),
    ("Prior stroke. On clopidogrel 75 mg daily since 2022.", "Z79.02"),
])
def test_a_drug_taken_now_beside_a_past_event_still_is(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Bipolar II disorder. Lithium 600 mg bid; lithium level and creatinine drawn today.",
    "Focal seizures, controlled. Carbamazepine 200 mg tid, carbamazepine level checked this morning.",
])
def test_a_drug_whose_level_is_drawn_at_the_visit_is_long_term_and_monitored(suggest, note):
    assert {"Z79.899", "Z51.81"} <= billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Bipolar I disorder, stable on lithium for 4 years. Lithium level two weeks ago 0.7; no change.",
    "Bipolar I disorder, long-term lithium. Lithium level last month 0.9, dose unchanged.",
])
def test_a_level_reported_from_another_day_is_not_this_visit_s_monitoring(suggest, note):
    assert "Z51.81" not in billed(suggest, note)


def test_a_level_read_as_a_result_does_not_by_itself_make_the_drug_long_term(suggest):
    assert "Z79.899" not in billed(suggest, "Absence seizures on ethosuximide. Valproate level fine last year.")


def test_a_standing_order_s_inr_today_is_the_monitoring(suggest):
    note = "Standing order: PT/INR today and every 2 weeks. Dx: long-term warfarin for a mechanical valve."
    assert {"Z51.81", "Z79.01"} <= billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Moderate persistent asthma, on budesonide-formoterol 160/4.5 two puffs bid long term.", "Z79.51"),
    ("COPD, maintained on an ICS-LABA inhaler, no flares.", "Z79.51"),
    ("Hot flashes of menopause, on estradiol 1 mg daily for the past 4 years.", "Z79.890"),
    ("Hip osteoarthritis, naproxen 500 mg bid for over a year.", "Z79.1"),
    ("Hypopituitarism: lifelong hydrocortisone 10 mg in the morning.", "Z79.52"),
    ("DVT twice, unprovoked: rivaroxaban 20 mg daily started, to be continued indefinitely.", "Z79.01"),
    ("Lupus nephritis in remission, without flares on mycophenolate and prednisone 5 mg daily long term.", "Z79.52"),
])
def test_the_words_that_say_a_course_is_long_read_with_the_drug_s_class(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Moderate persistent asthma on fluticasone-salmeterol; albuterol prn.", "Z79.51"),  # chronic only by its name
    ("Allergic rhinitis, fluticasone nasal spray daily long term.", "Z79.51"),
    ("Bronchitis: prednisone 40 mg x 5 days.", "Z79.52"),
])
def test_an_asthma_s_inhaler_a_nasal_spray_or_a_burst_are_not_stated_long_term(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Left breast cancer, ER positive, on letrozole 2.5 mg daily.", "Z79.811"),
    ("Osteoporosis, on raloxifene 60 mg daily.", "Z79.810"),
])
def test_the_endocrine_therapies_of_breast_cancer_are_known_by_name(suggest, note, code):
    assert code in billed(suggest, note)


def test_such_a_therapy_completed_is_not(suggest):
    assert "Z79.810" not in billed(suggest, "Right breast cancer 2015, completed 5 years of tamoxifen in 2020.")


@pytest.mark.parametrize("note, code", [
    ("Chronic bronchitis flare: methylprednisolone 32 mg x 5 days, recheck in a week.", "Z79.52"),
    ("Chronic sinusitis, acute on chronic - doxycycline 100 mg bid x 10 days started today.", "Z79.2"),
    ("CKD stage 4 with a gout attack: prednisolone burst, then off.", "Z79.52"),
    ("Chronic prostatitis: ciprofloxacin a 14-day course, amoxicillin started at this visit.", "Z79.2"),
    ("AECOPD: prednisone 40 mg daily for five days plus doxycycline.", "Z79.2"),
    ("Chronic hypoxemic respiratory failure with a flare, cefuroxime and a steroid taper.", "Z79.2"),
])
def test_a_course_of_days_or_a_start_at_the_visit_is_not_long_term_whatever_else_is_chronic(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Adrenal insufficiency, on hydrocortisone 20 mg daily for years.", "Z79.52"),
    ("Chronic bronchiectasis on azithromycin 250 mg three times weekly, long-term.", "Z79.2"),
    ("COPD, frequent exacerbator, on chronic azithromycin 250 mg daily.", "Z79.2"),
    ("Polymyalgia on prednisone 5 mg daily long-term; for the flare a burst x 5 days.", "Z79.52"),
])
def test_a_drug_continued_for_the_long_run_keeps_its_code(suggest, note, code):
    assert code in billed(suggest, note)
