"""A chronic condition under the history that the note says is treated or controlled now is current."""
import pytest

from services.coding.domain.chronic_conditions import current_chronic_condition
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("code, sentence", [
    ("I10", "PMH HTN, controlled on amlodipine"), ("E11.9", "History of type 2 diabetes, on metformin"),
    ("E78.5", "Hx hyperlipidemia, stable"),
    ("E11.9", "Hx T2DM x15y, A1c 8.9"), ("I10", "h/o HTN for 10 years"),  # its duration up to now
])
def test_a_chronic_condition_cared_for_now_is_current(code, sentence):
    assert current_chronic_condition(code, sentence)


@pytest.mark.parametrize("code, sentence", [
    ("I10", "History of hypertension"),  # nothing about its care: a coder cannot tell it still exists
    ("J18.9", "History of pneumonia, treated with antibiotics"),  # not chronic: a past episode
    ("J45.909", "H/o asthma, resolved, off all meds"), ("I48.91", "History of atrial fibrillation, in remission"),
])
def test_a_past_episode_or_a_history_without_current_care_is_not(code, sentence):
    assert not current_chronic_condition(code, sentence)


def test_the_suggester_codes_a_managed_chronic_condition_written_as_history(suggest):
    found = suggest("Pre-op visit. PMH HTN, controlled on amlodipine.")
    assert "I10" in [s.code for s in found if s.confidence >= 0.9]
    assert "I10" not in [s.code for s in suggest("H/o HTN. Here for a cough.")]


@pytest.mark.parametrize("note, code", [
    ("Sleep clinic visit. PMH: asthma, hypertension. Here for CPAP mask refit.", "I10"),
    ("Past medical history - hypercholesterolemia, gout. Knee pain today.", "E78.00"),
    ("PMH: hypothyroidism; BPH. Follow-up of a rash on the arm.", "E03.9"),
])
def test_a_lifelong_condition_under_a_history_heading_is_a_condition_of_the_visit(suggest, note, code):
    assert code in [s.code for s in suggest(note) if s.confidence >= 0.9]


@pytest.mark.parametrize("note", [
    "PMH: hypertension, resolved after weight loss surgery. Here for a rash.",
    "Past medical history: hypertension in pregnancy 2015. Here for a rash.",
    "History of hypertension. Here for a rash.",  # "history of" places it in the past, unlike a heading
])
def test_one_its_item_ends_or_dates_or_a_history_of_stays_out(suggest, note):
    assert "I10" not in [s.code for s in suggest(note) if s.confidence >= 0.9]


def test_a_finding_on_an_exam_or_a_study_is_not_care():
    assert not current_chronic_condition("J45.909", "History of asthma, on exam lungs clear")
    assert not current_chronic_condition("I48.91", "Hx of atrial fibrillation on 2019 Holter")
