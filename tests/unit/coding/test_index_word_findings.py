"""Signs, symptoms and diseases the alphabetic index holds under words the tabular does not use: the largest class
of codes missed on first sight of unseen notes."""
import pytest

from services.coding.domain.documented_findings import documented_findings
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Tingling in both feet x 6 mo.", "R20.2"), ("Pins and needles in the L hand at night.", "R20.2"),
    ("Leg cramps at night, worse after exercise.", "R25.2"), ("Nocturnal cramps in the calves.", "R25.2"),
    ("Burning on urination x2 days.", "R30.0"), ("Chest tightness since yesterday.", "R07.89"),
    ("Unsteady gait, uses a cane.", "R26.81"), ("Three falls since March.", "R29.6"),
    ("Urine ACR 65, microalbuminuria.", "R80.9"), ("Colonoscopy for a positive FIT.", "R19.5"),
    ("Hemoccult positive stool.", "R19.5"), ("Symptomatic cholelithiasis, surgery referral.", "K80.20"),
    ("Gallstones on US, no pain now.", "K80.20"), ("Cubital tunnel syndrome, night splint.", "G56.20"),
    ("Rash from poison ivy on both forearms.", "L23.7"),
])
def test_the_index_words_meet_their_code(tabular, note, expected):
    out, reasons = documented_findings([], note, tabular)
    assert expected in {s.code for s in out} and reasons


@pytest.mark.parametrize("note", [
    "No leg cramps, no tingling.", "Fell once last week, bruised R hip.", "Menstrual cramps, ibuprofen prn.",
    "Cholelithiasis with acute cholecystitis.", "Gallstone causing CBD obstruction.", "Denies chest tightness.",
    "Screening colonoscopy; FIT not done.",
])
def test_denied_single_or_other_kinds_are_not_made(tabular, note):
    out, _ = documented_findings([], note, tabular)
    assert not {s.code for s in out} & {"R25.2", "R20.2", "R29.6", "K80.20", "R07.89", "R19.5"}


def test_the_plant_dermatitis_replaces_the_unspecified_contact_dermatitis(suggest):
    coded = billed(suggest, "Impression: allergic contact dermatitis from poison ivy. Triamcinolone cream bid.")
    assert "L23.7" in coded and not {c for c in coded if c.startswith(("L25", "L23.9"))}


def test_repeated_falls_are_the_problem_not_the_injury_cause(suggest):
    assert "R29.6" in billed(suggest, "Two falls in the past month. PT referral for balance.")


def test_the_side_of_a_cubital_tunnel_syndrome(suggest):
    assert "G56.22" in billed(suggest, "EMG/NCS: slowing across the L elbow. Impression: L cubital tunnel syndrome.")


def test_microalbuminuria_is_part_of_a_diabetic_ckd_but_coded_beside_diabetes_alone(suggest):
    assert "R80.9" not in billed(suggest, "T2DM w/ diabetic CKD stage 3a. Microalbuminuria. Cont ACEi.")
    assert "R80.9" in billed(suggest, "T1DM on pump, A1c 7.1. Urine ACR 65 - microalbuminuria.")


def test_tingling_beside_the_neuropathy_causing_it_is_notbilled(suggest):
    assert "R20.2" not in billed(suggest, "Carpal tunnel syndrome, R. Nightly tingling in the R hand.")
