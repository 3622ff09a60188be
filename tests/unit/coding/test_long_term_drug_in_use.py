"""Long-term drug therapy read only for a drug the patient takes now: lithium and hydroxychloroquine kept up for
years by nature, and no code for a drug the note puts in the past, holds, restarts today or gives for a few weeks."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Bipolar disorder type I, depressed phase, stable on lithium 300 mg TID.",
    "Assessment: bipolar I d/o in remission. Continue lithium.",
    "Discoid and systemic lupus, skin quiet - takes hydroxychloroquine 300 mg daily, eye exam due.",
    "Seropositive RA, low activity, on Plaquenil 200 mg BID.",
])
def test_a_maintenance_drug_without_a_class_code_is_other_long_term_therapy(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Bipolar I, depressed. Off meds x 2 mo. Plan: restart lithium 300 mg BID, level in 1 wk.",
    "Bipolar I, manic. Lithium discontinued 2024 for CKD; now on valproate per psych.",
    "SLE - considering hydroxychloroquine, pt wants to think about it.",
])
def test_lithium_or_hydroxychloroquine_not_taken_now_is_not_coded(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Cardiology f/u. HTN. Previously on warfarin x 6 mo for a provoked DVT, off since March.", "Z79.01"),
    ("Was on prednisone 10 mg for PMR, tapered off 2025, no recurrence. HTN stable.", "Z79.52"),
    ("T2DM, A1c 6.8. Insulin glargine held while fasting for Ramadan; metformin 1000 mg BID.", "Z79.4"),
    ("S/p L THA 10 days ago. Aspirin 81 mg BID x 5 wks for VTE ppx, then stop.", "Z79.82"),
])
def test_a_drug_over_held_or_for_weeks_has_no_long_term_code(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Persistent AF - warfarin 5 mg daily, INR 2.5; aspirin stopped last year.", "Z79.01"),
    ("CAD s/p stent 2025 - DAPT with aspirin 81 mg and clopidogrel 75 mg x 12 mo.", "Z79.02"),
    ("T2DM on insulin glargine 30 units qhs; glipizide held for low sugars.", "Z79.4"),
    ("Was on metformin, now on insulin glargine 20 units nightly for T2DM.", "Z79.4"),
])
def test_a_drug_taken_now_keeps_its_code_beside_ones_that_are_not(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Postmenopausal osteoporosis, no fractures. Alendronate - refilled, DEXA next yr.", "Z79.83"),
    ("Renal transplant 2019, creatinine stable; tacrolimus refills sent.", "Z79.621"),
])
def test_a_drug_renewed_at_the_visit_is_taken(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_refill_declined_is_no_drug_taken(suggest):
    assert "Z79.83" not in billed(suggest, "Osteoporosis. Alendronate stopped after 5 yrs, drug holiday; not refilled.")
