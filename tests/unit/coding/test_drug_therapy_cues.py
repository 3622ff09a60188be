"""Readings that keep a long-term drug therapy code to what the note says of the drug itself: not "chronic" said of
the condition beside it or of the visit, not a long-term cue closing another drug's list item."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Bipolar II, chronic course, stable on quetiapine 100 mg qhs.", "Z79.899"),
    ("Chronic problems: hyperthyroidism - controlled on methimazole.", "Z79.899"),
    ("Chronic kidney disease 3b, back pain: avoid ibuprofen, use acetaminophen.", "Z79.1"),
    ("Chronic hypersensitivity pneumonitis - prednisone 30 mg started, taper over 6 wks.", "Z79.52"),
])
def test_chronic_said_of_the_condition_is_not_the_drugs_course(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("On chronic prednisone 5 mg daily for polymyalgia rheumatica.", "Z79.52"),
    ("Lupus on hydroxychloroquine 200 mg bid, long-term.", "Z79.899"),
])
def test_a_course_said_of_the_drug_stays(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_long_term_cue_closing_another_drugs_item_is_that_drugs(suggest):
    assert "Z79.899" not in billed(suggest, "CAD. Plan: clopidogrel 75 mg long-term, pravastatin 40, metoprolol.")


def test_a_long_term_cue_after_drugs_joined_by_and_is_both(suggest):
    assert "Z79.899" in billed(suggest, "PAF: apixaban and amiodarone 200 mg long-term.")


def test_a_dose_changed_is_a_drug_taken(suggest):
    assert "Z79.84" in billed(suggest, "Chronic care visit. T2DM - glipizide dose lowered to 2.5 mg daily.")


@pytest.mark.parametrize("note, code", [
    ("T2DM, A1c 8.8: on glipizide 10 mg daily, adding dulaglutide 0.75 mg weekly.", "Z79.85"),
    ("G2P1 at 12 wks with chronic HTN: low-dose aspirin 81 mg from 12 weeks to prevent preeclampsia.", "Z79.82"),
])
def test_a_drug_added_at_the_visit_is_a_start(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("T2DM, A1c 8.8: on glipizide 10 mg daily, adding dulaglutide 0.75 mg weekly.", "Z79.84"),
    ("T2DM: dulaglutide 1.5 mg weekly, added 8 months ago, A1c now 6.9.", "Z79.85"),
])
def test_the_drugs_already_taken_stay(suggest, note, code):
    assert code in billed(suggest, note)


def test_counselling_on_a_households_smoke_is_no_tobacco_counselling(suggest):
    note = "Nonsmoker. Roommate smokes in the apartment - passive smoking, counseled on a smoke-free home."
    assert "Z71.6" not in billed(suggest, note)


def test_counselling_on_the_patients_own_smoking_stays(suggest):
    assert "Z71.6" in billed(suggest, "Nicotine dependence, cigarettes, 1 ppd: counseled on quitting, 4 minutes.")


def test_a_lipid_lowering_drugs_monitoring_is_no_drug_level(suggest):
    note = "Lab order: lipid panel, CMP. Dx: pure hypercholesterolemia, long-term rosuvastatin, monitoring."
    assert "Z51.81" not in billed(suggest, note)


def test_a_drug_level_drawn_stays_drug_monitoring(suggest):
    assert "Z51.81" in billed(suggest, "Seizure disorder on carbamazepine long term; carbamazepine level drawn today.")


@pytest.mark.parametrize("note, code", [
    ("Bone density review: osteopenia progressed to osteoporosis without fracture on risedronate 35 mg weekly.",
     "Z79.83"),
    ("Mechanical valve, no bleeding on warfarin 4 mg daily, INR in range.", "Z79.01"),
])
def test_a_denial_of_what_the_drug_holds_off_leaves_the_drug_taken(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Atrial flutter - no longer on rivaroxaban after ablation.", "Z79.01"),
    ("Not currently on risedronate.", "Z79.83"),
])
def test_a_denial_of_the_drug_itself_stays(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_hold_on_the_morning_of_an_operation_is_a_pause(suggest):
    note = "DM2 on glipizide 5 mg daily. Pre-op plan: hold glipizide the day of surgery, resume with meals."
    assert "Z79.84" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Essential HTN, on losartan 100 mg daily long-term, home BP at goal.",
    "Diabetic neuropathy pain on pregabalin 150 mg bid, maintenance.",
    "HIV on long-term antiretroviral therapy (Biktarvy), CD4 stable.",
    "Gout, no attacks this year - continue allopurinol long term.",
    "Schizoaffective disorder on clozapine 250 mg qhs; absolute neutrophil count 3.1 today.",
])
def test_a_drug_said_long_term_in_its_own_item_or_kept_under_its_count(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Meds: losartan, metoprolol, rivaroxaban (long-term, for the clot).",
    "PAF on warfarin long term and amlodipine 5 mg.",
    "Art therapy group weekly; long-term goal is fewer panic episodes.",
    "Gout, no attacks - no need to continue allopurinol long term.",
    "Schizophrenia. Clozapine considered if a third antipsychotic fails; ANC baseline ordered.",
    "Dx: agranulocytosis due to clozapine, ANC 400; schizophrenia.",
])
def test_another_items_cue_or_a_drug_not_taken_is_no_long_term_therapy(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


def test_a_drug_added_today_after_an_earlier_start_in_the_note_is_a_start(suggest):
    note = "DM2, basal insulin begun 4 months ago. Plan: raise detemir to 18 units, add Mounjaro 2.5 mg weekly today."
    assert "Z79.85" not in billed(suggest, note)
