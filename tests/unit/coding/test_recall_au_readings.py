"""Readings for preventive visits and medication lists missed at first sight: a screening a routine exam or
wellness visit orders is coded beside the exam."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Annual physical, 50M, feels well. Exam normal. Screening colonoscopy ordered.", "Z12.11"),
    ("Medicare wellness visit, 68F. BP fine. Plan: bilateral screening mammogram ordered; flu shot given.", "Z12.31"),
    ("Preventive visit, 61M, smokes 1 ppd, 35 pack-years. Referred for lung cancer screening with LDCT.", "Z12.2"),
])
def test_a_screening_ordered_at_a_preventive_visit_is_coded_beside_it(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Annual exam, 55M. Screening colonoscopy declined after discussion.", "Z12.11"),
    ("Annual physical, 47F. Screening mammogram done last month, normal.", "Z12.31"),
    ("Wellness visit. Colon cancer screening due next year.", "Z12.11"),
    ("Sick visit for a cough x 4 days, lungs clear. Screening mammogram ordered.", "Z12.31"),
])
def test_a_screening_declined_done_before_due_later_or_ordered_at_a_sick_visit_is_not(suggest, note, code):
    assert code not in billed(suggest, note)
