"""Status codes in the words clinics use: an ICD the note places ("s/p ICD", "has an ICD", "ICD placed"), never
the code set; oxygen given by its flow for the times it is needed; a history of falls (Z91.81), not recent falls
under work-up."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Nonischemic cardiomyopathy, EF 25%, s/p ICD for primary prevention.",
    "Heart failure with reduced EF. Has an ICD; no shocks this year.",
    "Long QT syndrome. ICD placed in 2021, device check normal.",
])
def test_an_icd_the_note_places_is_the_defibrillator_status(suggest, note):
    assert "Z95.810" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Visit coded with ICD-10 codes per payer request. Hypertension, stable.",
    "ICD 10 code list updated. Asthma, mild intermittent.",
])
def test_the_code_set_named_icd_is_no_device(suggest, note):
    assert "Z95.810" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Pulmonary hypertension. Oxygen 2 L with exertion and at rest as needed.",
    "Severe emphysema: 3 L by nasal cannula with sleep.",
])
def test_oxygen_by_its_flow_for_the_times_it_is_needed_is_dependence(suggest, note):
    assert "Z99.81" in billed(suggest, note)


def test_oxygen_given_once_in_the_clinic_is_not(suggest):
    assert "Z99.81" not in billed(suggest, "Wheezing; nebulizer given in clinic, SpO2 95% on room air afterwards.")


@pytest.mark.parametrize("note", [
    "Hypertension, stable. History of falls; uses a cane outdoors.",
    "Osteopenia. Three falls over the past year, none with injury; balance class advised.",
    "She has fallen twice in the past year at home. Vitamin D continued.",
    "Hip fx healing. Fell two times more this year, walker at home.",
])
def test_a_history_of_falls_is_z91_81(suggest, note):
    assert "Z91.81" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "No history of falls. Knee osteoarthritis, stable.",
    "Mother has a history of falls. Patient here for a sore throat.",
    "Two falls in the past week with lightheadedness on standing; orthostatics ordered.",
    "Fall precautions reviewed; she has never fallen. Fell-risk screen not done.",
])
def test_falls_denied_a_relative_s_or_recent_under_work_up_are_not(suggest, note):
    assert "Z91.81" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Essential tremor treated with a deep brain stimulator since 2022, settings stable.",
    "Failed back surgery syndrome; spinal cord stimulator in place, good relief.",
    "Drug-resistant epilepsy with a vagus nerve stimulator, no seizures this month.",
])
def test_an_implanted_neurostimulator_is_its_presence(suggest, note):
    assert "Z96.82" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Parkinson disease; referred for deep brain stimulation evaluation.",
    "Spinal cord stimulator removed last year for infection. Back pain, chronic.",
])
def test_a_stimulator_only_considered_or_removed_is_not(suggest, note):
    assert "Z96.82" not in billed(suggest, note)
