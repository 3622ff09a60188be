"""Readings that keep a drug, a vaccine or a topic the note only talks of from being billed: a vaccine asked about,
given before or meant for someone else, an antibiotic course of days beside a chronic condition, a habit named only
as what the patient was counselled on."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Knee pain follow-up. She wonders about the pneumonia shot; told her the pharmacy can give it.",
    "Asks about the RSV vaccine for this fall - advised pharmacy. Hypertension, stable.",
    "Born abroad, BCG vaccinated in infancy as a child. Interferon-gamma release assay ordered for work.",
    "Laceration of the palm, healing. Tetanus vaccine 3 years ago.",
    "Hepatitis A in the house: household contacts to get vaccine at the health department.",
    "Grandson needs his hep B vaccine - mother will call his pediatrician.",
])
def test_a_vaccine_only_talked_of_is_no_immunization_encounter(suggest, note):
    assert "Z23" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Asked about Shingrix, first dose given today in the left deltoid.",
    "Flu shot administered. COPD stable on tiotropium.",
])
def test_a_dose_given_at_the_visit_stays_z23(suggest, note):
    assert "Z23" in billed(suggest, note)


def test_the_disease_a_vaccine_talked_of_prevents_is_not_coded(suggest):
    assert "B02.9" not in billed(suggest, "Wants the shingles vaccine; will get it at the pharmacy next week.")


def test_a_vaccine_offered_and_declined_is_refusal(suggest):
    assert "Z28.21" in billed(suggest, "Seizure follow-up. COVID booster offered and declined.")


@pytest.mark.parametrize("note", [
    "Bronchiectasis flare - doxycycline 100 mg twice daily for a week. Chronic sputum production at baseline.",
    "Acute exacerbation of COPD: steroid burst and azithromycin. Chronic hypoxemic respiratory failure on home oxygen.",
])
def test_an_antibiotic_course_beside_a_chronic_condition_is_not_long_term(suggest, note):
    assert "Z79.2" not in billed(suggest, note)


def test_an_antibiotic_the_note_calls_long_term_is_z79_2(suggest):
    assert "Z79.2" in billed(suggest, "Recurrent cystitis, nitrofurantoin 50 mg at bedtime as long-term prophylaxis.")


@pytest.mark.parametrize("note", [
    "Absence seizures, controlled on ethosuximide. Counselled about sleep deprivation before exams.",
    "Juvenile myoclonic epilepsy on valproate; counseling on avoiding sleep deprivation given.",
])
def test_a_habit_named_as_a_counselling_topic_is_not_coded(suggest, note):
    assert "Z72.820" not in billed(suggest, note)


def test_sleep_deprivation_the_note_describes_stays(suggest):
    assert "Z72.820" in billed(suggest, "Night-shift nurse sleeping 4 hours a day: sleep deprivation. Tension headaches.")
