"""Readings for primary care and lab orders missed at first sight: the routine adult exam goes by other names than
"annual physical" (a well adult visit, an annual check-up, Medicare's initial preventive physical examination);
antithyroid drugs, a statin's non-statin partners and naltrexone are long-term drug therapy with no Z79 class of
their own; a habit told in the past tense with its end ("smoked 20 years, quit in 2012") is a former smoker."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Well-adult check, 38F. No concerns. Normal exam. Counselled on sunscreen.",
    "Annual check-up for a 60M who feels well. Exam without abnormal findings.",
    "IPPE today, 65F newly on Medicare. Feels well; normal exam.",
    "Welcome to Medicare visit. No complaints, exam normal, advance directive discussed.",
])
def test_the_routine_adult_exam_by_its_other_names_is_z00_00(suggest, note):
    assert "Z00.00" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Annual visit planned for next spring; today a sore throat for 2 days.",
    "No well adult exam in 4 years. Here today for knee pain.",
])
def test_a_routine_exam_only_planned_or_not_had_is_not(suggest, note):
    assert "Z00.00" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Hyperthyroidism from a toxic goiter, on long-term methimazole 10 mg. TSH in range.",
    "Mixed hyperlipidemia on ezetimibe for more than 3 years; LDL at goal.",
    "Alcohol dependence in early remission, maintained on naltrexone 50 mg daily.",
    "Hypertriglyceridemia, fenofibrate long term, tolerating it.",
])
def test_drugs_without_a_class_of_their_own_taken_long_term_are_z79_899(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Graves disease. Started methimazole 20 mg today; recheck in 4 weeks.",
    "Hyperlipidemia. Stopped ezetimibe years ago for diarrhea, diet only now.",
])
def test_the_same_drugs_just_started_or_stopped_are_not(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Cough for a week. Smoked a pack a day for 20 years, quit in 2012.",
    "Lung nodule follow-up; he smoked cigarettes until his forties and stopped after his MI.",
])
def test_smoking_told_in_the_past_with_its_end_is_a_former_smoker(suggest, note):
    assert "Z87.891" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Has smoked for 15 years and wants to quit; nicotine patch started.",
    "Smoked marijuana in college, quit after graduation. Anxiety today.",
    "Smoked 2 packs a day for 30 years and has not quit.",
])
def test_a_quitting_only_wanted_another_substance_or_no_quitting_is_not(suggest, note):
    assert "Z87.891" not in billed(suggest, note)
