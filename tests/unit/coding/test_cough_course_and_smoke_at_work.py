"""A cough's course read from its stated length, a gas-transfer result as an abnormal pulmonary function study,
tobacco smoke breathed at work as the occupational exposure, oxygen by its flow
for the whole day as oxygen dependence, and the writer's musing as a doubt."""
import pytest

from services.coding.domain.cough_duration import band, stated_course
from services.coding.domain.note_text import UNCERTAIN_BEFORE
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("number, unit, course", [
    ("4", "days", "acute"), ("ten", "d", "acute"), ("2", "wks", "acute"),
    ("5", "weeks", "subacute"), ("one", "month", "subacute"),
    ("10", "wk", "chronic"), ("three", "months", "chronic"), ("6", "mos", "chronic"),
])
def test_a_length_puts_a_cough_in_its_band(number, unit, course):
    assert band(number, unit) == course


@pytest.mark.parametrize("number, unit", [("3", "weeks"), ("8", "wks"), ("two", "months"), ("21", "days")])
def test_a_length_at_a_bands_edge_is_left_to_the_clinician(number, unit):
    assert band(number, unit) is None


@pytest.mark.parametrize("text, course", [
    ("Seen for a dry cough of about six weeks after a cold.", "subacute"),
    ("Nagging cough x 4 mo, worse at night.", "chronic"),
    ("Reports a 9-day cough and sore throat.", "acute"),
    ("Five months of cough and hoarseness, never smoked.", "chronic"),
])
def test_the_course_is_read_from_the_coughs_sentence(text, course):
    start = text.lower().index("cough")
    assert stated_course(text, start, start + 5) == course


@pytest.mark.parametrize("text", [
    "Cough; azithromycin 500 mg x 5 days started.",
    "Cough for 10 days, then a dry cough lasting 3 months.",
    "Cough. He has smoked for 30 years.",
])
def test_a_length_not_the_coughs_or_two_that_disagree_give_no_course(text):
    start = text.lower().index("cough")
    assert stated_course(text, start, start + 5) is None


@pytest.mark.parametrize("note, code", [
    ("Dry cough for about seven weeks since a chest cold; chest film normal. Plan: spirometry.", "R05.2"),
    ("Lab order: chest x-ray. Reason: cough for 4 months, never smoked.", "R05.3"),
    ("Requisition: sputum culture. Reason: cough with some blood-streaked sputum x 10 days.", "R05.1"),
])
def test_a_cough_of_a_stated_length_is_billed_by_its_course(suggest, note, code):
    found = billed(suggest, note)
    assert code in found and "R05.9" not in found


def test_a_cough_of_a_stated_length_beside_a_confirmed_diagnosis_is_left_to_a_coder(suggest):
    note = "Here for cough and runny nose x 4 days, no fever. A: acute URI. P: fluids."
    held = [s for s in suggest(note) if s.code.startswith("R05")]
    assert [s.code for s in held] == ["R05.1"] and held[0].confidence < 0.90


@pytest.mark.parametrize("note", [
    "Spirometry and lung volumes normal. DLCO decreased at 60% predicted. Impression: isolated low gas transfer.",
    "PFT report: normal flows; reduction in diffusing capacity, cause unclear.",
])
def test_a_reduced_diffusing_capacity_is_an_abnormal_pulmonary_function_study(suggest, note):
    assert "R94.2" in billed(suggest, note)


def test_a_reduced_diffusing_capacity_in_an_affirmed_lung_disease_is_the_diseases_measure(suggest):
    note = "Idiopathic pulmonary fibrosis, stable. Reduced DLCO at 52%, unchanged."
    assert "R94.2" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Persistent atrial fibrillation on apixaban. Works as a waiter with heavy second-hand smoke at work.",
    "Mild intermittent asthma. Passive smoking at her workplace, a casino.",
])
def test_tobacco_smoke_breathed_at_work_is_the_occupational_exposure(suggest, note):
    found = billed(suggest, note)
    assert "Z57.31" in found and "Z77.22" not in found


def test_tobacco_smoke_breathed_at_home_stays_the_environmental_exposure(suggest):
    found = billed(suggest, "Asthma, mild intermittent. Her father smokes indoors.")
    assert "Z77.22" in found and "Z57.31" not in found


@pytest.mark.parametrize("text", [
    "I wonder about sarcoidosis.",
    "Wondering whether this is reflux.",
    "I wonder if she has asthma.",
])
def test_the_writers_musing_is_a_doubt(text):
    assert UNCERTAIN_BEFORE.search(text)


def test_a_condition_the_writer_wonders_about_is_not_coded(suggest):
    note = "Referral: dry cough for about six weeks, chest film clear. I wonder about cough-variant asthma."
    assert not any(s.code.startswith("J45") for s in suggest(note) if s.confidence >= 0.90)


@pytest.mark.parametrize("note", [
    "Chronic hypoxemic respiratory failure, on 2 L O2 continuous at home.",
    "Severe COPD; oxygen 3 lpm around the clock.",
])
def test_oxygen_by_its_flow_for_the_whole_day_is_oxygen_dependence(suggest, note):
    assert "Z99.81" in billed(suggest, note)


def test_oxygen_given_for_the_visit_is_no_dependence(suggest):
    assert "Z99.81" not in billed(suggest, "Pneumonia; SpO2 89% on arrival, improved to 95% on 2 L nasal cannula.")
