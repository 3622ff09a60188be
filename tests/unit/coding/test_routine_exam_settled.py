"""A routine exam held for a coder is settled after the other conventions: a weight diagnosis with the BMI measured
at it is the exam's abnormal finding; a held exam with nothing but known conditions left coded is without findings."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from services.coding.domain.routine_exam_settled import (
    NO_FINDING_LEFT,
    WEIGHT_FINDING,
    settle_routine_exam,
)
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _settled(tabular, note, given):
    made, _ = encounter_z_codes(given, note, tabular)
    return settle_routine_exam(made, note, tabular)


@pytest.mark.parametrize("note, weight, bmi, exam", [
    (("Yearly physical for a 50 year old teacher. Weight 231 lb, BMI 36.2: class 2 obesity, referred to a weight "
      "clinic."), ("E66.812", "class 2 obesity"), ("Z68.36", "BMI 36.2"), "Z00.01"),
    ("Well-child visit at 11 years. BMI 31.0, severe obesity for age; family meal plan made.",
     ("E66.01", "severe obesity"), ("Z68.54", "BMI 31.0"), "Z00.121"),
])
def test_a_weight_diagnosis_with_the_bmi_measured_is_the_exams_abnormal_finding(tabular, note, weight, bmi, exam):
    out, reasons = _settled(tabular, note, found(note, weight, bmi))
    settled = next(s for s in out if s.code.startswith("Z00"))
    assert (settled.code, settled.convention) == (exam, WEIGHT_FINDING) and settled.confidence >= 0.9 and reasons
    assert {weight[0], bmi[0]} <= set(codes(out))


def test_a_weight_diagnosis_without_its_bmi_leaves_the_exam_to_a_coder(tabular):
    note = "Preventive visit. Obesity noted, she wants to start walking."
    out, _ = _settled(tabular, note, found(note, ("E66.9", "Obesity")))
    exam = next(s for s in out if s.code.startswith("Z00"))
    assert exam.code == "Z00.00" and exam.confidence < 0.9


def test_an_exam_stated_normal_keeps_its_code_beside_a_weight_diagnosis(tabular):
    note = "Annual exam, no abnormal findings. Overweight, BMI 27.5."
    out, _ = _settled(tabular, note, found(note, ("E66.3", "Overweight"), ("Z68.27", "BMI 27.5")))
    assert "Z00.00" in codes(out) and "Z00.01" not in codes(out)


def test_an_exam_held_by_a_condition_no_longer_coded_is_without_findings(tabular):
    note = "Wellness visit, 60M. Known gout, no attacks this year on allopurinol. Shingles vaccine given."
    held, _ = encounter_z_codes(found(note, ("M10.9", "gout"), ("B02.9", "Shingles")), note, tabular)
    assert next(s for s in held if s.code == "Z00.00").confidence < 0.9
    dropped_by_a_later_rule = [s for s in held if s.code != "B02.9"]
    out, reasons = settle_routine_exam(dropped_by_a_later_rule, note, tabular)
    exam = next(s for s in out if s.code == "Z00.00")
    assert exam.confidence >= 0.9 and exam.convention == NO_FINDING_LEFT and reasons


def test_a_held_exam_whose_finding_is_still_coded_stays_with_a_coder(tabular):
    note = "Annual physical. Tremor of both hands for 2 months."
    out, _ = _settled(tabular, note, found(note, ("R25.1", "Tremor")))
    assert next(s for s in out if s.code == "Z00.00").confidence < 0.9


def test_a_finding_coded_below_the_threshold_does_not_hold_the_exam(tabular):
    note = "Routine physical. Known asthma, stable on an inhaler. Lump in the groin, likely a lymph node."
    given = [*found(note, ("J45.909", "asthma")), *found(note, ("R22.2", "Lump"), confidence=0.7)]
    out, _ = _settled(tabular, note, given)
    assert next(s for s in out if s.code == "Z00.00").confidence >= 0.9
