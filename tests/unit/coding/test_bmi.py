"""Body mass index Z68.-: reported beside the weight diagnosis it supports, adults only, ranges from the tabular."""
import pytest

from services.coding.domain.bmi import adult_bmi_code, body_mass_index
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("value, expected", [(17.5, "Z68.1"), (19.95, "Z68.1"), (24.9, "Z68.24"), (33.4, "Z68.33"),
                                             (40.0, "Z68.41"), (44.9, "Z68.41"), (52.0, "Z68.43"), (71.0, "Z68.45")])
def test_the_adult_code_is_the_tabular_range_holding_the_value(tabular, value, expected):
    assert adult_bmi_code(value, tabular) == expected


@pytest.mark.parametrize("note, diagnosis, evidence, expected", [
    ("Obesity with a BMI of 33.4, diet plan given.", "E66.9", "Obesity", "Z68.33"),
    ("BMI 41.2. Morbid obesity due to excess calories.", "E66.01", "Morbid obesity", "Z68.41"),
    ("62 yo F, underweight, BMI: 17.8.", "R63.6", "underweight", "Z68.1"),
])
def test_a_bmi_with_a_weight_diagnosis_is_coded(tabular, note, diagnosis, evidence, expected):
    out, reasons = body_mass_index(found(note, (diagnosis, evidence)), note, tabular)
    assert codes(out) == sorted([diagnosis, expected]) and reasons
    assert next(s for s in out if s.code == expected).convention == "body-mass-index"


@pytest.mark.parametrize("note, diagnosis, evidence, expected", [
    ("Obesity, BMI at the 97th percentile for age.", "E66.9", "Obesity", "Z68.54"),
    ("11 yo, overweight: BMI 89th %ile, family meal plan.", "E66.3", "overweight", "Z68.53"),
    ("Underweight teen, BMI-for-age 3rd percentile.", "R63.6", "Underweight", "Z68.51"),
])
def test_a_childs_bmi_is_coded_by_its_percentile_for_age(tabular, note, diagnosis, evidence, expected):
    out, reasons = body_mass_index(found(note, (diagnosis, evidence)), note, tabular)
    assert codes(out) == sorted([diagnosis, expected]) and reasons


@pytest.mark.parametrize("note, given", [
    ("BMI 27.1. Hypertension, controlled.", [("I10", "Hypertension")]),  # no weight diagnosis: not reportable
    ("16 yo M with obesity, BMI 31.", [("E66.9", "obesity")]),  # a child without a percentile: for a coder
    ("Severe obesity, BMI above the 99th percentile.", [("E66.9", "obesity")]),  # 120% of the 95th or more?
    ("Father with obesity, BMI 35 per his chart.", [("Z83.49", "Father with obesity")]),
])
def test_no_bmi_without_an_adult_weight_diagnosis_of_the_patient(tabular, note, given):
    out, _ = body_mass_index(found(note, *given), note, tabular)
    assert not any(s.code.startswith("Z68") for s in out)
