"""Readings that keep a past test or an unnamed organism from being billed as today's: a screening result the note
dates to an earlier month or year, and a pneumonia whose cause a test names in the sentences after it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Health maintenance: HCV screen nonreactive, negative 2021. BP at goal.", "Z11.59"),
    ("Lung cancer screening: LDCT 03/2025 showed no nodule, Lung-RADS 1. Still smokes.", "Z12.2"),
    ("Colonoscopy screening normal in 2022, next due 2032.", "Z12.11"),
])
def test_a_screening_dated_to_an_earlier_month_or_year_is_not_todays(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Lung cancer screening today with LDCT; 30 pack-year smoker, quit 5 years ago.", "Z12.2"),
    ("Screening mammogram done today. Last one 06/2024 was normal.", "Z12.31"),
])
def test_a_screening_done_today_is_still_coded_beside_a_dated_earlier_one(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Acute visit: cough and fever for 4 days; chest film with a right lower lobe pneumonia. "
     "Blood culture positive for pneumococcus.", "J13"),
    ("Dx pneumonia, left lung. Sputum culture grew Klebsiella pneumoniae; on ceftriaxone.", "J15.0"),
    ("Community-acquired pneumonia. Respiratory PCR positive for RSV. Supportive care.", "J12.1"),
])
def test_a_pneumonia_takes_the_organism_a_test_after_it_isolates(suggest, note, expected):
    found = billed(suggest, note)
    assert expected in found
    assert "J18.9" not in found


@pytest.mark.parametrize("note", [
    "Pneumonia of the RML on CXR. Sputum culture: no growth at 48 h. Urine pneumococcal antigen negative.",
    "Pneumonia, right lower lobe, on amoxicillin-clavulanate. Cultures pending.",
])
def test_a_pneumonia_with_no_organism_isolated_stays_unspecified(suggest, note):
    found = billed(suggest, note)
    assert "J18.9" in found
    assert not {c for c in found if c[:3] in ("J12", "J13", "J14", "J15")}


def test_a_pneumonia_named_twice_once_with_its_organism_is_one_pneumonia(suggest):
    found = billed(suggest, "Dx: community-acquired pneumonia. Walking pneumonia due to Mycoplasma, IgM positive.")
    assert "J15.7" in found
    assert "J18.9" not in found


@pytest.mark.parametrize("note, expected, wrong", [
    ("COPD on inhaled steroid and LAMA. Now with RUL pneumonia on chest x-ray, started levofloxacin.", "J44.0", "J44.9"),
    ("Chest x-ray: no pneumonia. COPD, stable, on tiotropium.", "J44.9", "J44.0"),
])
def test_copd_with_a_current_pneumonia_is_copd_with_a_lower_respiratory_infection(suggest, note, expected, wrong):
    found = billed(suggest, note)
    assert expected in found
    assert wrong not in found


def test_copd_exacerbated_with_a_pneumonia_is_coded_with_both(suggest):
    found = billed(suggest, "AECOPD with increased sputum; CXR shows a left lower lobe pneumonia. Started prednisone.")
    assert {"J44.0", "J44.1"} <= found
