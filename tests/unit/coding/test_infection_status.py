"""An infection's status is not the infection: immunity, a vaccination, a negative screen, a carrier, a latent
infection, an exposure or a cured one each take their own code or none, while the active disease stays coded."""
import pytest

from services.coding.domain.infection_status import immune_to, found_negative
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


@pytest.mark.parametrize("said, name, immune", [
    ("Rubella immune", "Rubella", True),
    ("Measles IgG positive - immune", "Measles", True),
    ("Hep B sAb reactive - immune", "Hep B", True),
    ("Varicella: non-immune", "Varicella", True),
    ("Hepatitis B, immune-tolerant phase", "Hepatitis B", False),  # a phase of the chronic infection
    ("Hepatitis B on entecavir", "Hepatitis B", False),
])
def test_immunity_written_after_the_name(said, name, immune):
    assert immune_to(said, 0, len(name)) is immune


def test_immunity_written_before_the_name():
    said = "Titers show she is immune to measles"
    assert immune_to(said, said.index("measles"), len(said))


@pytest.mark.parametrize("after, negative", [
    (" nasal swab negative", True), (" PCR neg", True), (": not detected", True),
    (" cellulitis of the leg", False), (" positive", False),
])
def test_a_test_found_negative_right_after_the_name(after, negative):
    assert found_negative("MRSA" + after, 4) is negative


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, kept_out", [
    ("Chickenpox immune per titer.", ("B01",)),
    ("Mumps immune.", ("B26",)),
    ("Immune to hepatitis B after the series.", ("B16", "B18", "B19")),
    ("HBV sAb positive - immune.", ("B16", "B18", "B19")),
    ("MRSA PCR negative before surgery.", ("B95", "A49", "Z22")),
    ("Vaccinated against COVID-19 x2, no booster.", ("U07",)),
])
def test_an_immunity_or_a_negative_screen_is_not_the_infection(suggest, frame, item, kept_out):
    assert not any(s.code.startswith(kept_out) for s in suggest(frame.format(item)))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "Fully vaccinated for COVID, booster last fall.",
    "Status post hepatitis B vaccine series.",
    "Immune after the hep B vaccine series.",
    "Hepatitis A vaccine series is complete.",
    "S/p Shingrix, both doses.",
])
def test_a_vaccination_told_as_a_status_is_no_immunization_encounter(suggest, frame, item):
    assert "Z23" not in billed(suggest, frame.format(item))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code, wrong", [
    # the FY2026 tabular holds "Carrier of viral hepatitis B" under B18.1 (Z22.5- deleted)
    ("HBV carrier, LFTs normal.", "B18.1", ("B16", "B19")),
    ("Chronic carrier of hepatitis B - AFP yearly.", "B18.1", ("B16", "B19")),
    ("Nasal PCR positive for MRSA, no infection - mupirocin.", "Z22.322", ("B95", "A49")),
    ("MSSA nares positive - CHG wash.", "Z22.321", ("B95", "A49")),
    ("TB skin test positive, CXR clear.", "R76.11", ("A15",)),
    ("Asymptomatic HIV, VL undetectable.", "Z21", ("B20",)),
])
def test_a_carrier_or_a_positive_test_takes_its_status_code(suggest, frame, item, code, wrong):
    found = billed(suggest, frame.format(item))
    assert code in found and not any(c.startswith(wrong) for c in found)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Vaccine given today: influenza.", "Z23"),
    ("Chronic hepatitis B on tenofovir, HBV DNA undetectable.", "B18.1"),
    ("Pulmonary tuberculosis on RIPE, month 1.", "A15.0"),
    ("Active TB on RIPE therapy.", "A15.9"),
    ("Chronic HBV, immune-active phase - start tenofovir.", "B18.1"),
    ("COVID-19, positive PCR yesterday - paxlovid.", "U07.1"),
    ("AIDS, CD4 150, on ART.", "B20"),
    ("Shingles of the chest - valacyclovir. Varicella immune.", "B02.9"),
])
def test_the_active_disease_and_a_dose_given_stay_coded(suggest, frame, item, code):
    assert code in billed(suggest, frame.format(item))


@pytest.mark.parametrize("item", [
    "Household contact: brother has active pulmonary TB. QuantiFERON pending.",
    "Coworker diagnosed with pulmonary tuberculosis; pt asymptomatic.",
])
def test_another_persons_tuberculosis_is_not_the_patients(suggest, item):
    assert not any(code.startswith("A15") for code in billed(suggest, item))


@pytest.mark.parametrize("frame", FRAMES)
def test_a_past_tuberculosis_keeps_its_history_entry(suggest, frame):
    found = {s.code: s.confidence for s in suggest(frame.format("Pulmonary TB in 2009, completed RIPE, cured."))}
    assert found.get("Z86.11", 0) >= 0.94 and not any(code.startswith("A15") for code in found)
