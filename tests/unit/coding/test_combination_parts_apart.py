"""Combination codes whose parts the note states in separate sentences: diabetes with gastroparesis, lumbar spinal
stenosis with neurogenic claudication, and a hypoglycemia beside a diabetes already coded with a complication."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, combination", [
    ("Type 2 diabetes on metformin. Bloating and vomiting after meals; scintigraphy confirms gastroparesis.",
     "E11.43"),
    ("T1DM for 20 years. Diabetic gastroparesis, managed with small meals.", "E10.43"),
])
def test_diabetes_with_gastroparesis_is_the_combination_with_the_gastroparesis_beside_it(suggest, note, combination):
    codes = billed(suggest, note)
    assert {combination, "K31.84"} <= codes and not {"E11.9", "E10.9"} & codes


def test_a_denied_gastroparesis_leaves_the_diabetes_uncomplicated(suggest):
    codes = billed(suggest, "Type 2 diabetes, A1c 6.9. No gastroparesis on last year's emptying study.")
    assert "E11.9" in codes and "E11.43" not in codes


def test_a_gastroparesis_secondary_to_another_cause_is_not_the_diabetes(suggest):
    codes = billed(suggest, "Type 2 diabetes, diet controlled. Gastroparesis secondary to opioids.")
    assert "E11.43" not in codes


@pytest.mark.parametrize("note", [
    "MRI: severe central canal stenosis at L3-4, lumbar spinal stenosis. Calf aching on walking that eases when "
    "she sits: neurogenic claudication.",
    "Lumbar spinal stenosis. Symptoms are those of neurogenic claudication, limiting walks to one block.",
])
def test_neurogenic_claudication_in_another_sentence_is_the_lumbar_stenosis(suggest, note):
    codes = billed(suggest, note)
    assert "M48.062" in codes and "M48.061" not in codes


def test_a_denied_claudication_leaves_the_stenosis_without_it(suggest):
    codes = billed(suggest, "Lumbar spinal stenosis at L4-5 on MRI. Denies neurogenic claudication.")
    assert "M48.061" in codes and "M48.062" not in codes


def test_a_hypoglycemia_beside_a_diabetic_complication_is_one_more_code_of_the_diabetes(suggest):
    note = ("Type 1 diabetes with gastroparesis on the emptying study. Hypoglycemia three nights a week on the "
            "pump; basal rate lowered.")
    codes = billed(suggest, note)
    assert {"E10.43", "E10.649"} <= codes and "E16.2" not in codes


def test_one_hypoglycemia_before_the_visit_is_no_code_of_todays_diabetes(suggest):
    note = "Type 2 diabetes with gastroparesis. One hypoglycemia 2 months ago, none since."
    assert "E11.649" not in billed(suggest, note)
