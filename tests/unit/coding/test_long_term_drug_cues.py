"""Long-term drug therapy (Z79.-) read from what shows the patient takes the drug now: a level reported for a drug
dosed by it, a steroid replacing a gland's hormone, a denial of a neighbouring condition that does not reach the
drug, a procedure done with the drug kept; and not read from a strength listed beside a workup the visit orders."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Bipolar II disorder on lithium 450 mg bid. Lithium level two weeks ago 0.6, creatinine stable.",
    "Bipolar I disorder, depressed, mild - on lithium (level 0.9) and quetiapine.",
    "Permanent AF on digoxin 0.125 mg daily; digoxin level 0.8 last month.",
])
def test_a_level_reported_for_a_drug_dosed_by_it_makes_the_drug_long_term(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Bipolar I disorder, on lithium (level 0.9) and quetiapine.",
    "Bipolar II disorder on lithium 450 mg bid. Lithium level 0.6 last week.",
])
def test_a_level_read_from_an_earlier_draw_is_not_this_visit_s_monitoring(suggest, note):
    codes = billed(suggest, note)
    assert "Z79.899" in codes and "Z51.81" not in codes


def test_a_level_drawn_today_is_still_this_visit_s_monitoring(suggest):
    assert {"Z79.899", "Z51.81"} <= billed(suggest, "Bipolar I disorder on long-term lithium; level 0.8 today.")


@pytest.mark.parametrize("note", [
    "Mania. Lithium 300 mg tid started today; Li level in 5 days.",
    "Bipolar disorder. Lithium stopped in 2023 for tremor; last lithium level 0.4.",
    "Lithium 900 mg; level 2.1, lithium toxicity with coarse tremor - lithium held.",
])
def test_a_level_planned_a_drug_stopped_or_a_toxicity_makes_no_long_term_therapy(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Primary adrenal insufficiency on hydrocortisone 20 mg daily.",
    "Hypopituitarism after pituitary surgery - hydrocortisone 10 mg AM, 5 mg PM, and levothyroxine.",
    "Adrenal insufficiency on prednisone 5 mg replacement.",
])
def test_a_steroid_replacing_a_gland_s_hormone_is_long_term(suggest, note):
    assert "Z79.52" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Adrenal insufficiency - stress-dose hydrocortisone for the colonoscopy tomorrow.",
    "S/p adrenalectomy; hydrocortisone replacement weaned off in June, cortisol normal.",
    "Mother has Addison disease on hydrocortisone.",
])
def test_a_stress_dose_an_ended_replacement_or_a_relative_s_is_not(suggest, note):
    assert "Z79.52" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Focal epilepsy, not intractable, on long-term lamotrigine 150 bid.", "Z79.899"),
    ("CAD, no angina - on aspirin 81 mg daily.", "Z79.82"),
    ("Paroxysmal AF on rivaroxaban, knee aspiration done without holding it.", "Z79.01"),
])
def test_a_denial_or_a_stop_word_of_something_else_leaves_the_drug_taken(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Focal epilepsy, not currently on lamotrigine long-term.", "Z79.899"),
    ("CAD, no angina, not on aspirin.", "Z79.82"),
    ("Paroxysmal AF; rivaroxaban held for the biopsy and not restarted.", "Z79.01"),
])
def test_the_drug_s_own_denial_or_stop_still_counts(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("A/P: 3. Paroxysmal AF - warfarin, INR 2.7.", "Z79.01"),
    ("Osteoporosis - risedronate year 2, no fractures.", "Z79.83"),
    ("#CAD #Aspirin daily.", "Z79.82"),
    ("Type 2 diabetes with CKD stage 3a. Dulaglutide weekly injection.", "Z79.85"),
])
def test_what_follows_the_drug_can_show_it_is_taken(suggest, note, code):
    assert code in billed(suggest, note)


def test_long_term_insulin_use_written_as_such_is_z79_4(suggest):
    assert "Z79.4" in billed(suggest, "Dx: type 2 diabetes without complications, long-term insulin use.")


@pytest.mark.parametrize("note", [
    "A/P: 2. ? TIA - MRI brain, carotid duplex, aspirin 81.",
    "A/P: 1. Exertional chest pain - stress test Monday, ASA 81.",
])
def test_a_bare_strength_beside_a_workup_ordered_is_a_drug_begun_now(suggest, note):
    assert "Z79.82" not in billed(suggest, note)


def test_a_bare_strength_in_a_list_of_drugs_still_counts(suggest):
    assert "Z79.82" in billed(suggest, "CAD s/p DES. Meds: metoprolol 25 bid, ASA 81, atorvastatin 80.")


@pytest.mark.parametrize("note", [
    "Paroxysmal AF on apixaban; stopped it last month after a nosebleed.",
    "Mechanical valve on warfarin 5 mg; discontinued in May for a bleed.",
])
def test_a_stop_in_the_clause_after_the_drug_s_semicolon_ends_the_therapy(suggest, note):
    assert "Z79.01" not in billed(suggest, note)


def test_a_stop_after_the_semicolon_that_names_another_drug_leaves_this_one_taken(suggest):
    assert "Z79.01" in billed(suggest, "Paroxysmal AF on apixaban 5 mg bid; aspirin stopped.")
