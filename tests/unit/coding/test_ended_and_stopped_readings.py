"""Conditions a note ends after naming them: excluded, dated to a year and then treated, and drugs stopped."""
import pytest

from services.coding.domain.dated_course import (
    DATED_THEN_ENDED_AFTER,
    DATED_THEN_ENDED_NEXT_CLAUSE_AFTER,
)
from services.coding.domain.past_drug_use import stopped_right_after
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, denied", [
    ("Swollen left knee, aspirated; gout excluded by the crystal exam.", "M10"),
    ("Septic arthritis was excluded, fluid sterile.", "M00"),
    ("Chest pain at rest. Pulmonary embolism excluded on CT.", "I26"),
])
def test_a_condition_followed_by_excluded_is_not_billed(suggest, note, denied):
    assert not any(code.startswith(denied) for code in billed(suggest, note))


def test_a_condition_not_excluded_is_no_denial(suggest):
    assert not any(code.startswith("M10") for code in billed(suggest, "Gout not excluded; crystals pending."))


@pytest.mark.parametrize("pattern, text", [
    (DATED_THEN_ENDED_AFTER, " in 2019, treated."),
    (DATED_THEN_ENDED_AFTER, " of the right calf (2021), treated and cured"),
    (DATED_THEN_ENDED_AFTER, " in March 2022 - resolved"),
    (DATED_THEN_ENDED_AFTER, " in 2018, no recurrence"),
    (DATED_THEN_ENDED_AFTER, ", left leg, in 2020, treated"),
    # the year closing its clause, the outcome in the next
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2022; lipase normalized"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2019; fully resolved"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2024, colchicine x 3 mo; ESR normalised, no recurrence"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " (2020); no relapse"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " of the right first MTP in 2019; no flares since"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2018; completed 6 months of warfarin"),
])
def test_a_year_then_an_outcome_ends_the_episode(pattern, text):
    assert pattern.search(text)


@pytest.mark.parametrize("pattern, text", [
    (DATED_THEN_ENDED_AFTER, " diagnosed in 2019, treated"),
    (DATED_THEN_ENDED_AFTER, " since 2019, treated with metformin"),
    (DATED_THEN_ENDED_AFTER, ", treated since 2019"),
    (DATED_THEN_ENDED_AFTER, " in 2019"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2022; lipase not yet normalised"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " diagnosed in 2019; now resolved symptoms"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2019; on levothyroxine, TSH normal"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2019. Resolved"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2023; rivaroxaban never completed"),
    (DATED_THEN_ENDED_NEXT_CLAUSE_AFTER, " in 2020; on apixaban, completed 3 mo"),
])
def test_a_year_of_onset_or_no_outcome_ends_nothing(pattern, text):
    assert not pattern.search(text)


@pytest.mark.parametrize("note, past, current", [
    ("Clinic visit. Also had a DVT of the right leg in 2018, treated. Today knee pain.", "Z86.718", "I82"),
    ("Pneumonia in 2021, treated with doxycycline. Here for a cough x3 days.", "Z87.01", "J18"),
    ("A/P: Acute pancreatitis in 2021; lipase normalized, off all meds for it.", "Z87.19", "K85"),
    ("Assessment: 1. Bell palsy in 2020; fully resolved - plan as discussed.", "Z86.69", "G51"),
    # a condition the index misses, read by its own finding, past all the same
    ("Seen for a rash. Pneumonia in 2019; completely resolved on repeat imaging.", "Z87.01", "J18"),
    ("Knee pain today. DVT of the left calf in 2018; completed 6 months of warfarin.", "Z86.718", "I82"),
])
def test_a_condition_dated_to_a_year_and_treated_is_its_history(suggest, note, past, current):
    found = billed(suggest, note)
    assert past in found and not any(code.startswith(current) for code in found)


def test_a_gout_dated_then_quiet_off_treatment_is_no_current_gout(suggest):
    found = billed(suggest, "Sprained ankle. Gout of the right great toe in 2019; no flares since, off all medication.")
    assert not any(code.startswith("M10") for code in found)


def test_a_dated_condition_the_next_clause_keeps_going_stays_current(suggest):
    assert any(code.startswith("M10") for code in billed(suggest, "A/P: Gout in 2019; urate still high, flares monthly."))


def test_a_dated_and_treated_condition_still_treated_stays_current(suggest):
    found = billed(suggest, "DVT of the right leg in 2025, treated, now on apixaban 5 mg bid.")
    assert "Z86.718" not in found


@pytest.mark.parametrize("text, stopped", [
    ("metformin stopped; diet alone", True),
    ("warfarin discontinued 2023", True),
    ("lisinopril was held for AKI", True),
    ("insulin d/c'd last month", True),
    ("metformin 500 mg bid", False),
    ("atorvastatin, stopped smoking in 2010", False),
])
def test_a_stop_written_right_after_a_drug(text, stopped):
    drug_end = text.index(" ") if " " in text else len(text)
    drug_end = text.index(",") if text.startswith("atorvastatin") else drug_end
    assert stopped_right_after(text, drug_end) is stopped


def test_a_drug_stopped_after_its_name_is_no_long_term_therapy(suggest):
    found = billed(suggest, "Type 2 diabetes, diet-controlled since 2022, glipizide stopped. A1c 6.0.")
    assert "Z79.84" not in found and "E11.9" in found


def test_a_drug_taken_long_term_is_still_its_therapy(suggest):
    assert "Z79.84" in billed(suggest, "Type 2 diabetes on metformin 1000 mg bid long term.")


def test_a_dated_and_treated_condition_only_partly_over_stays_current(suggest):
    found = billed(suggest, "Lateral epicondylitis of the right elbow in 2023, treated with a brace, improved only "
                            "partly.")
    assert any(code.startswith("M77.1") for code in found)


@pytest.mark.parametrize("note, code, unspecified", [
    ("Referred for anxiety. Assessment: anxiety disorder secondary to thyrotoxicosis; beta-blocker started.",
     "F06.4", "F41.9"),
    ("Mood disorder due to Parkinson disease, low mood most days; sertraline started.", "F06.31", "F32.A"),
])
def test_a_disorder_due_to_a_medical_condition_is_its_own_code(suggest, note, code, unspecified):
    found = billed(suggest, note)
    assert code in found and unspecified not in found


@pytest.mark.parametrize("note", ["Anxiety due to exam stress; counselling offered.",
                                  "Anxiety secondary to caffeine intake, advised to cut down."])
def test_anxiety_from_a_stressor_or_substance_is_not_due_to_a_medical_condition(suggest, note):
    assert "F06.4" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Focal epilepsy with focal impaired-awareness seizures, controlled on lamotrigine.", "G40.209"),
    ("Epilepsy, focal, with focal preserved-awareness seizures; no events this year.", "G40.109"),
])
def test_a_seizures_awareness_written_with_a_hyphen_types_the_epilepsy(suggest, note, code):
    found = billed(suggest, note)
    assert code in found and "G40.909" not in found


@pytest.mark.parametrize("note, outgrown", [
    ("Osgood-Schlatter disease of both knees at age 11, outgrown.", "M92.52"),
    ("Osgood-Schlatter disease of the right knee at age 13, outgrew it.", "M92.52"),
])
def test_an_outgrown_condition_with_its_site_and_age_between_is_not_billed(suggest, note, outgrown):
    assert not any(code.startswith(outgrown) for code in billed(suggest, note))


def test_the_same_condition_not_outgrown_is_billed_at_its_side(suggest):
    assert "M92.521" in billed(suggest, "Osgood-Schlatter disease of the right knee, tender tubercle.")
