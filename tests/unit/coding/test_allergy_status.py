"""An allergy the note lists is a status Z code by the drug's class, and the reaction written in the entry is the
allergy's history, not a condition now; no known allergies, a relative's allergy or one disproved is nothing."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Sore throat x 3 days, strep test positive: strep pharyngitis. Allergies: amoxicillin (swelling of lips).",
     "Z88.0"),
    ("Knee pain after a run. Allergic to codeine - vomiting. Ice, rest.", "Z88.5"),
    ("ALLERGIES:\nLevofloxacin - tendon pain\nShellfish - throat swelling", "Z88.1"),
    ("ALLERGIES:\nLevofloxacin - tendon pain\nShellfish - throat swelling", "Z91.013"),
    ("Drug allergies: Bactrim (blistering rash), ibuprofen (wheezing). Seen for a BP check, HTN controlled.",
     "Z88.2"),
    ("Drug allergies: Bactrim (blistering rash), ibuprofen (wheezing). Seen for a BP check, HTN controlled.",
     "Z88.6"),
    ("Pre-procedure note: latex allergy, use non-latex gloves. Colonoscopy for screening.", "Z91.040"),
    ("CT abdomen ordered; known allergy to IV contrast (hives), premedicate with prednisone.", "Z91.041"),
    ("Allergies: lisinopril (angioedema). Hypertension, now on amlodipine.", "Z88.8"),
])
def test_a_listed_allergy_is_its_class_s_allergy_status(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, reaction", [
    ("Allergies: penicillin (hives). Acute otitis media, left ear.", "L50.9"),
    ("Allergies: penicillin (hives). Acute otitis media, left ear.", "L50"),
    ("Cough for a week. Allergic to sulfa drugs, which gave her a rash. Lungs clear.", "R21"),
])
def test_the_reaction_an_allergy_entry_records_is_not_coded_as_current(suggest, note, reaction):
    assert not any(code.startswith(reaction) for code in billed(suggest, note))


@pytest.mark.parametrize("note", [
    "Allergies: NKDA. Annual exam, no complaints.",
    "No known drug allergies. Low back strain after lifting.",
    "Her mother is allergic to penicillin. Seen for sinus pressure x 10 days.",
    "Labelled penicillin allergy as a child, tolerated amoxicillin last year: de-labeled today.",
    "Penicillin V 500 mg QID for strep pharyngitis; no allergies.",
])
def test_no_allergy_a_relative_s_or_one_disproved_is_no_status(suggest, note):
    assert not any(code.startswith(("Z88", "Z91.0")) for code in billed(suggest, note))


@pytest.mark.parametrize("note, current", [
    ("Allergic to penicillin; presents with fever x 2 days and acute otitis media, left ear.", "H66.9"),
    ("Allergic to codeine, seen today for acute bronchitis with a cough x 5 days.", "J20"),
])
def test_a_condition_the_sentence_goes_on_to_name_is_not_the_allergy_s_reaction(suggest, note, current):
    assert any(s.code.startswith(current) for s in suggest(note))
