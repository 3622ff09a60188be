"""Positive serologies and abnormal studies in the words reports use, read as their R76 and R90-R94 findings,
unless the sentence affirms the diagnosis they belong to."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Rheum referral for joint aches. Positive ANA 1:160, homogeneous pattern; no rash.", "R76.89"),
    ("The ANA came back positive at a low titer; complements normal.", "R76.89"),
    ("Hand stiffness. Rheumatoid factor positive, anti-CCP pending; no synovitis on exam.", "R76.81"),
    ("Employee health visit: QuantiFERON-TB Gold positive, chest film clear, no symptoms.", "R76.12"),
    ("Nursing student with a positive PPD, 14 mm; CXR normal.", "R76.11"),
    ("Routine EEG: abnormal EEG with intermittent right frontal slowing.", "R94.01"),
    ("Nerve study today: abnormal EMG of the left leg, chronic denervation at L5.", "R94.131"),
    ("Abnormal kidney function tests on the last panel; repeat BMP in 2 weeks.", "R94.4"),
    ("ECG today shows a prolonged QTc of 505 ms; stop ondansetron.", "R94.31"),
    ("MRI brain: scattered white matter hyperintensities, nonspecific, no enhancement.", "R90.82"),
])
def test_a_positive_serology_or_abnormal_study_is_its_finding(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Systemic lupus erythematosus with a positive ANA; hydroxychloroquine continued.", "R76.89"),
    ("Seropositive rheumatoid arthritis, rheumatoid factor positive; methotrexate.", "R76.81"),
    ("Epilepsy, focal; abnormal EEG with left temporal spikes.", "R94.01"),
    ("Relapsing multiple sclerosis; new white matter lesions on MRI.", "R90.82"),
    ("QuantiFERON negative; no further testing.", "R76.12"),
    ("ANA negative, RF negative.", "R76.89"),
])
def test_a_finding_its_diagnosis_explains_or_a_negative_test_is_not_coded(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_denied_diagnosis_leaves_the_finding(suggest):
    assert "R76.89" in billed(suggest, "Positive ANA 1:320, speckled; no features of lupus on exam.")
