"""A sarcoidosis that remitted and is not treated now is the immune mechanism's personal history (Z86.2), not the
current D86; seizures the patient grew out of are the nervous system's (Z86.69). One still treated, a relative's, a
denied one, febrile seizures or seizures that came back are not."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Pulm f/u. Sarcoidosis 2016, remitted, no treatment since. Asthma on albuterol prn.",
    "Lung sarcoidosis in 2011 - went into spontaneous remission, CXR normal, no meds.",
    "A/P: 1. HTN - continue lisinopril. 2. Pulmonary sarcoidosis 2013, went into remission without tx.",
])
def test_a_sarcoidosis_remitted_off_treatment_is_its_history(suggest, note):
    codes = billed(suggest, note)
    assert "Z86.2" in codes and not any(code.startswith("D86") for code in codes)


@pytest.mark.parametrize("note", [
    "Sarcoid clinic. Pulmonary sarcoidosis 2019, in remission on methotrexate 15 mg weekly.",
    "Dyspnea. Sister had sarcoidosis in 2015, remitted.",
    "Pulmonary sarcoidosis, stable on no therapy; prednisone stopped 2023.",
    "Cough. Denies hx of sarcoidosis.",
])
def test_one_on_its_drug_a_relatives_one_merely_quiet_or_denied_is_not(suggest, note):
    assert "Z86.2" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "F/u. Seizures as a toddler, outgrown, never on meds. BP fine.",
    "Telepsych. Seizure disorder as a child, seizure-free and off medication since age 10.",
    "A/P: 1. HTN - continue lisinopril. 2. Convulsions as a kid, grew out of them by 8.",
])
def test_seizures_grown_out_of_are_the_nervous_systems_history(suggest, note):
    codes = billed(suggest, note)
    assert "Z86.69" in codes and "R56.9" not in codes and "G40.909" not in codes


@pytest.mark.parametrize("note", [
    "Neuro. Seizures as a child, outgrew them, but they came back in 2020; on lamotrigine.",
    "Peds f/u. Febrile seizures as a toddler, outgrew them.",
    "Neuro. Seizure disorder on levetiracetam, seizure-free 2 yrs.",
    "New pt. Brother had seizures as a child, outgrew them.",
    "Neuro consult. Seizures in 2019, may outgrow them per prior neurologist.",
])
def test_seizures_back_febrile_treated_a_relatives_or_only_hoped_over_are_not(suggest, note):
    assert "Z86.69" not in billed(suggest, note)
