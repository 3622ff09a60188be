"""Readings for pulmonology and lab orders missed at first sight: the tobacco smoke of others the patient breathes
is its own status code; an order's tests listed on a line of their own take its bare "screening" as their reason; a
screening found due at a routine exam and ordered there is coded beside the exam; emphysema, which persists once
diagnosed, is named bare as the chronic conditions are."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Reactive airway disease follow-up, 6-year-old girl. Her father smokes inside the apartment.",
    "Asthma, moderate persistent. Ongoing passive smoking at her grandmother's house.",
    "COPD in a never smoker; decades of second-hand smoke exposure from her late husband.",
    "Wheezing infant. Smokers in the household; discussed smoking outside only.",
])
def test_exposure_to_the_tobacco_smoke_of_others_is_z77_22(suggest, note):
    assert "Z77.22" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Asthma review. No secondhand smoke exposure; nobody smokes at home.",
    "Mild persistent asthma. Denies passive smoking.",
    "COPD. Smokes 1 ppd cigarettes; his wife smokes indoors too.",
    "Asthma. Her mother used to smoke in the house but quit last year.",
])
def test_a_denied_or_past_exposure_or_a_smokers_own_note_is_not(suggest, note):
    assert "Z77.22" not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Laboratory requisition. 45M.\nTests: HIV Ag/Ab; HCV antibody\nReason: one-time screening, asymptomatic.",
     {"Z11.4", "Z11.59"}),
    ("Outpatient lab order. Labs: lipid panel, fasting glucose. Annual screening.", {"Z13.220", "Z13.1"}),
    ("Lab order: 25-OH vitamin D. Indication: screening for vitamin D deficiency, housebound 80F.", {"Z13.21"}),
])
def test_an_orders_listed_tests_take_its_screening_as_their_reason(suggest, note, expected):
    assert expected <= billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Lab order: CBC, iron studies, lipid panel. Thyroid screen with TSH for fatigue.", "Z13.220"),
    ("Lab requisition.\nTests: A1c, lipid panel\nDx: E11.9; Z13.29 screening for thyroid disorder", "Z13.1"),
])
def test_a_screening_that_names_its_own_subject_is_not_the_other_tests_reason(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Annual physical, 53F, feels well. Overdue for a mammogram: screening mammogram ordered.", "Z12.31"),
    ("Preventive visit, 50M. Due for colorectal cancer screening; referral placed for screening colonoscopy.",
     "Z12.11"),
])
def test_a_screening_due_at_a_routine_exam_and_ordered_there_is_coded_beside_it(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Annual physical, 53F. Due for a screening mammogram; she will call to schedule it.", "Z12.31"),
    ("Wellness visit, 49M. Colon cancer screening due next year: screening colonoscopy to be ordered then.",
     "Z12.11"),
    ("Annual exam. Not due for screening colonoscopy, last one 2022 normal; none ordered.", "Z12.11"),
])
def test_a_screening_due_with_nothing_ordered_or_due_later_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "CT chest without contrast. Moderate emphysema, upper-lobe predominant. No mass or adenopathy.",
    "Pulmonary follow-up, 74F. Emphysema on her old CT; breathless on one flight of stairs. Continue tiotropium.",
    "PMH: emphysema, on umeclidinium daily. Here for a sprained ankle.",
])
def test_emphysema_named_bare_is_the_chronic_disease(suggest, note):
    assert "J43.9" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "CT chest: no emphysema, no nodules. Lungs clear.",
    "Dyspnea on exertion; possible emphysema, PFTs ordered.",
])
def test_emphysema_denied_or_supposed_is_not(suggest, note):
    assert "J43.9" not in billed(suggest, note)
