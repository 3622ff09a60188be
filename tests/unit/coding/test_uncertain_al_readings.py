"""Signs documented before a diagnosis the note only supposes are what is billed (guideline IV.H): not held for a
coder as a default entry or as a symptom beside another diagnosis."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, sign", [
    ("Clinic visit. 52F with fatigue for six weeks. Probable iron deficiency; ferritin ordered.", "R53.83"),
    ("Walk-in. Cough and fever since Tuesday. Suspect community-acquired pneumonia, CXR today.", "R05.9"),
    ("Walk-in. Cough and fever since Tuesday. Suspect community-acquired pneumonia, CXR today.", "R50.9"),
    ("Neuro referral: tremor of the right hand at rest. Possible Parkinson disease, DaTscan ordered.", "R25.1"),
    ("Sleep referral. Loud snoring reported by his partner. Hypertension on amlodipine. Likely OSA.", "R06.83"),
    # after the dash, colon or semicolon that closes the supposed diagnosis
    ("Urgent care. Probable cystitis - burning with urination and urgency since Monday. Culture sent.", "R39.15"),
    ("Urgent care. Probable cystitis - burning with urination and urgency since Monday. Culture sent.", "R30.0"),
    ("Order: UA with reflex culture. Reason: r/o bladder infection: painful urination and urinary frequency.",
     "R35.0"),
])
def test_a_sign_that_prompted_a_supposed_diagnosis_is_billed(suggest, note, sign):
    assert sign in billed(suggest, note)


@pytest.mark.parametrize("note, sign", [
    # an earlier visit's reason, not today's sign
    ("Nodule clinic. 6 mm nodule seen on a CT done for abdominal pain in the ER last month. Probable granuloma.",
     "R10.9"),
    # a kind of the sign the default entry does not hold: a coder chooses the code
    ("Pulm consult. Exertional dyspnea for 2 months. Possible pulmonary hypertension; echo ordered.", "R06.00"),
    ("Pulm consult. Dry cough for 10 weeks. Possible cough-variant asthma; methacholine challenge.", "R05.9"),
    # a sign the doubt itself reaches
    ("Urology referral. Possible urinary frequency at night, diary to be kept.", "R35.0"),
    ("Order: UA. Reason: possible UTI; ? urinary frequency, bladder diary.", "R35.0"),
])
def test_a_sign_of_an_earlier_visit_of_a_stated_kind_or_itself_doubted_is_not_billed(suggest, note, sign):
    assert sign not in billed(suggest, note)


def test_a_sign_with_no_doubt_after_it_keeps_its_first_sight_hold(suggest):
    assert "R53.83" not in billed(suggest, "Fatigue for six weeks. Iron deficiency anemia confirmed, ferritin 6.")

