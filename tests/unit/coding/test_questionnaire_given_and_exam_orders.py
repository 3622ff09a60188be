"""A screening questionnaire handed out at the visit is done there whatever the sentence refers for after it, and a
routine exam named as where the sentence's orders were made is this visit's exam."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import FRAMES

pytestmark = pytest.mark.unit


def _coded(note: str, tabular) -> set[str]:
    return set(codes(encounter_z_codes([], note, tabular)[0]))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("PHQ-9 given as a routine screen: 11, no mood history - referred to her PCP.", "Z13.31"),
    ("AUDIT-C given as a routine screen: 1, referred to PT for the knee.", "Z13.39"),
    ("Depression screen (PHQ-2) given today: 0, referred back to PCP for routine care.", "Z13.31"),
])
def test_a_questionnaire_given_is_a_screening_done_beside_a_referral(tabular, frame, item, code):
    assert code in _coded(frame.format(item), tabular)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "Depression screen referred to behavioral health.",
    "Low mood x 6 wks, PHQ-9 given: 16, referred to psychiatry.",
])
def test_a_screening_only_referred_or_a_questionnaire_for_a_symptom_is_not_coded(tabular, frame, item):
    assert "Z13.31" not in _coded(frame.format(item), tabular)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "Preventive labs ordered at annual exam: lipid panel to screen for lipid disorders. Exam normal, no complaints.",
    "Labs ordered at today's annual physical: CBC, CMP. No complaints, exam normal.",
])
def test_a_routine_exam_named_as_where_the_orders_were_made_is_this_visit(tabular, frame, item):
    assert "Z00.00" in _coded(frame.format(item), tabular)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "Labs were ordered at her annual physical last year.",
    "Annual physical scheduled for next month; labs ordered before it.",
    "Annual physical ordered for next month.",
    "Labs ordered at annual physical - declined, will do at next visit.",
])
def test_an_exam_past_planned_or_declined_is_not_this_visit(tabular, frame, item):
    assert not {"Z00.00", "Z00.01"} & _coded(frame.format(item), tabular)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Ex-smoker, 35 pack-yrs, quit 2019 - referred for lung cancer screening low-dose CT.", "Z12.2"),
    ("Sister with a ruptured cerebral aneurysm - screening MRA head for intracranial aneurysm ordered.", "Z13.6"),
    ("Screening ultrasound for AAA ordered, 67M, ever-smoker.", "Z13.6"),
])
def test_a_referral_or_a_test_ordered_for_its_screening_gives_the_screening_as_its_purpose(tabular, frame, item,
                                                                                           code):
    assert code in _coded(frame.format(item), tabular)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Hemoptysis x 2 wks - referred for CT chest.", "Z12.2"),
    ("Referred for lung cancer screening last year; LDCT 2024 negative.", "Z12.2"),
    ("Thunderclap headache - CTA head for intracranial aneurysm ordered.", "Z13.6"),
    ("Known 4.1 cm AAA - surveillance ultrasound ordered.", "Z13.6"),
])
def test_a_test_for_a_symptom_a_past_screening_or_a_known_aneurysm_is_no_screening(tabular, frame, item, code):
    assert code not in _coded(frame.format(item), tabular)
