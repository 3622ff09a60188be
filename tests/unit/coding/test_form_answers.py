"""A form's answer after a condition's label: "no" or "denies" standing alone denies it; a type 1 answer types it."""
import re

import pytest

from services.coding.domain.form_answers import ANSWERED_NO_AFTER
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

_ANSWERED_NO = re.compile(ANSWERED_NO_AFTER, re.IGNORECASE)


@pytest.mark.parametrize("after", [
    ": No", ": no.", " - no", "? None", ": Denies", ": denied", ": Negative", " in past year: No",
    " or TIA - no", ": No (last eye exam normal)", ": no, per patient",
])
def test_a_bare_answer_after_the_label_denies_it(after):
    assert _ANSWERED_NO.search(after)


@pytest.mark.parametrize("after", [
    ": no change in meds", " - no exacerbation this year", ": denies wheezing today", ": yes", ": former",
    ", no complications", " with no residual deficit", ": not at goal",
])
def test_a_no_that_goes_on_or_a_yes_is_not_a_denial(after):
    assert not _ANSWERED_NO.search(after)


@pytest.mark.parametrize("note, absent", [
    ("Past history form. Stroke: No. Gout: Yes.", "I63.9"),
    ("Psychiatric review: Suicidal ideation: Denies. Mood low most days.", "R45.851"),
    ("Intake. Heart failure - no. Hypertension - yes.", "I50.9"),
    ("Bone health intake. Prior fractures: No. Osteoporosis: Yes, on alendronate.", "Z87.81"),
    ("Sleep questionnaire. Insomnia: denies; sleeping 7 hours.", "G47.00"),
    ("Social history. Tobacco use: Never. Works as a carpenter.", "Z72.0"),
    ("Smoking status: never smoker. Alcohol: none.", "Z72.0"),
])
def test_a_condition_answered_no_is_not_coded(suggest, note, absent):
    assert absent not in {s.code for s in suggest(note)}


@pytest.mark.parametrize("note, present", [
    ("Hypertension: no change in meds, BP 128/78.", "I10"),
    ("Stroke: No. Gout: Yes, on allopurinol.", "M10.9"),
])
def test_a_condition_answered_otherwise_stays(suggest, note, present):
    assert present in billed(suggest, note)


def test_the_diabetes_combination_reads_the_complications_answered_no(suggest):
    found = billed(suggest, "Diabetes flowsheet. Diabetes: Yes, type 2. Retinopathy: No. Kidney disease due to "
                            "diabetes: No. Neuropathy: Yes, diabetic peripheral polyneuropathy.")
    assert "E11.42" in found and not {"E11.319", "E11.21", "E11.22"} & found


@pytest.mark.parametrize("note, code", [
    ("Clinic intake. Diabetes: Yes, type 1, on a pump since age 12.", "E10.9"),
    ("Conditions. Diabetes mellitus - type 1. Celiac disease.", "E10.9"),
    ("Diabetes: Yes (type 1). Neuropathy: Yes - diabetic polyneuropathy of both feet.", "E10.42"),
])
def test_a_type_1_answer_types_the_diabetes(suggest, note, code):
    found = billed(suggest, note)
    assert code in found and not any(c.startswith("E11") for c in found)


@pytest.mark.parametrize("note", [
    "Diabetes: Yes, type 2, on metformin.",
    "Diabetes: yes. Mother has type 1 diabetes.",
])
def test_a_type_2_or_untyped_answer_is_not_moved_to_type_1(suggest, note):
    assert not any(s.code.startswith("E10") for s in suggest(note))


def test_a_type_1_answer_takes_no_insulin_status_code(suggest):
    found = billed(suggest, "Diabetes: Yes, type 1, on insulin pump. Hypoglycemia: No.")
    assert "E10.9" in found and "Z79.4" not in found and "Z96.41" in found


def test_an_unmarked_box_in_a_history_list_is_no_history(suggest):
    found = billed(suggest, "History of: [x] myocardial infarction [ ] heart failure [ ] DVT")
    assert "Z86.718" not in found and "I25.2" in found


@pytest.mark.parametrize("note", [
    "Social history: Alcohol use: yes, 2 glasses of wine a week. Drug use: never.",
    "Alcohol use - socially, on weekends.",
])
def test_a_social_historys_use_label_is_no_use_code(suggest, note):
    assert not any(s.code.startswith("F1") for s in suggest(note))


def test_a_use_disorder_stated_is_still_coded(suggest):
    assert "F10.20" in billed(suggest, "Alcohol use disorder, moderate: naltrexone started.")
