"""A vaccine coded as given (Z23) only for a dose given at this visit, a screening or routine exam closed with "plan
as discussed" still the visit's, and a routine adult exam by the names clinics give it."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "A/P: Hypertension, stable. Zoster vaccine dose 1 given at a pharmacy three weeks ago.",
    "Assessment: COPD. PPSV23 received 2020, no booster needed yet.",
    "Plan: anti-HBs titer; hepatitis B vaccine series if non-immune.",
    "Tetanus booster administered at urgent care last month after a cut.",
    "A/P: Asthma. RSV vaccine offered; she will think about it.",
    "Influenza vaccine recommended for the fall.",
])
def test_a_dose_given_before_elsewhere_on_a_condition_or_only_offered_is_no_immunization(suggest, note):
    assert "Z23" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "A/P: Hypertension, stable. Influenza vaccine given today, R deltoid.",
    "Tdap offered and administered in clinic.",
    "Second Shingrix dose given today; the first was given in 2025.",
])
def test_a_dose_given_at_this_visit_still_is(suggest, note):
    assert "Z23" in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Assessment: 1. Annual physical without abnormal findings - plan as discussed.", ["Z00.00"]),
    ("Assessment: 1. Screening colonoscopy performed today, normal - plan as discussed.", ["Z12.11"]),
    ("Routine adult physical, exam normal.", ["Z00.00"]),
    ("Well visit, 61 yo M. Exam normal.", ["Z00.00"]),
])
def test_the_visit_is_the_exam_or_screening_it_names(tabular, note, expected):
    assert codes(encounter_z_codes([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note", [
    "Colon cancer screening discussed, she is undecided.",
    "Well visit, 6 yo M. Growth on curve.",
])
def test_a_screening_only_discussed_or_a_childs_well_visit_is_no_adult_exam(tabular, note):
    assert not set(codes(encounter_z_codes([], note, tabular)[0])) & {"Z00.00", "Z00.01", "Z12.11"}


@pytest.mark.parametrize("note", ["Influenza vaccine given today 11/14/2026, L deltoid.",
                                  "Tdap given 2026-11-14 in clinic."])
def test_a_dose_given_on_a_full_date_is_todays(suggest, note):
    assert "Z23" in billed(suggest, note)
