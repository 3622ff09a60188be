"""Readings for preventive visits and drug monitoring missed at first sight: a screening a routine exam or
wellness visit orders is coded beside the exam; known, managed conditions are not the exam's findings; labs drawn to
watch a long-term drug are its monitoring."""
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


@pytest.mark.parametrize("note", [
    "Annual physical, 60M, no complaints. Hypertension on amlodipine, at goal. Hyperlipidemia, on rosuvastatin.",
    "Medicare annual wellness visit. PMH: type 2 diabetes on metformin; gout, stable on allopurinol.",
    "Routine physical, 39F. Chronic problems: asthma, controlled with budesonide; GERD, stable.",
])
def test_an_exam_reviewing_known_managed_conditions_is_without_abnormal_findings(suggest, note):
    assert "Z00.00" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Annual physical, 52M. Obesity, BMI 34, counselled on diet.",
    "Annual exam, 58F. A thyroid nodule newly noted on palpation; ultrasound ordered.",
    "Wellness visit, 45M. Atrial fibrillation on ECG, not previously known; started apixaban.",
    "Annual physical. Type 2 diabetes, A1c 9.4 today, uncontrolled on metformin.",
])
def test_an_exam_naming_a_condition_it_found_is_not_billed_without_findings(suggest, note):
    assert "Z00.00" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "AF on long-term amiodarone; TSH and LFTs drawn today for monitoring.",
    "Bipolar disorder on maintenance lithium; trough level drawn this morning, 0.7.",
    "LAB ORDER\nTests: PT/INR every 2 weeks\nDx: atrial fibrillation, long-term warfarin",
    "Schizophrenia, long-term clozapine; ANC per monitoring protocol, normal today.",
])
def test_labs_drawn_to_watch_a_long_term_drug_are_its_monitoring(suggest, note):
    assert "Z51.81" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "On long-term warfarin for AF; admitted last month to telemetry for monitoring after a fall.",
    "Bipolar disorder on maintenance lithium; level and BMP in 5 days for monitoring.",
    "RA on long-term methotrexate; CBC checked last month, normal.",
])
def test_a_drug_without_its_monitoring_today_is_not(suggest, note):
    assert "Z51.81" not in billed(suggest, note)
