"""Readings for codes billed wrongly at first sight: a pneumonia whose organism is named, a diabetes called
uncontrolled, and a limb's pain beside the radiculopathy it belongs to (sentences of our own wording)."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("sentence, code", [
    ("Dx: pneumococcal pneumonia of the right lower lobe; ceftriaxone started.", "J13"),
    ("Pneumonia, left lower lobe, due to Strep pneumoniae per sputum culture.", "J13"),
    ("Community-acquired pneumonia, right lower lobe, secondary to Haemophilus influenzae on sputum culture.", "J14"),
    ("MRSA pneumonia in a nursing home resident; vancomycin IV.", "J15.212"),
    ("Mycoplasma pneumonia in a college student, azithromycin x 5 days.", "J15.7"),
    ("Ventilator-free, recovering from pneumonia due to Klebsiella pneumoniae; finishing ceftriaxone.", "J15.0"),
])
def test_a_pneumonia_whose_organism_is_named_is_that_organisms_combination_code(suggest, sentence, code):
    coded = billed(suggest, sentence)
    assert code in coded and "J18.9" not in coded


def test_a_pneumonia_without_its_organism_and_a_past_one_keep_their_readings(suggest):
    assert "J18.9" in billed(suggest, "Pneumonia, RLL, on CXR. Sputum culture pending.")
    assert "J13" not in billed(suggest, "Hx of pneumococcal pneumonia 2019, none since; Prevnar 20 given today.")
    # an organism in a pneumonia's sentence is not its own B95-B96 code either way
    assert "B96.5" not in billed(suggest, "Pseudomonas pneumonia, on cefepime.")


@pytest.mark.parametrize("sentence", [
    "T2DM, uncontrolled, A1c 10.2 on metformin 1000 bid; add glipizide.",
    "Uncontrolled type 2 diabetes - starting basal insulin.",
    "DM2 - not controlled despite two agents; refer to endocrinology.",
])
def test_a_diabetes_called_uncontrolled_is_not_billed_as_without_complications(suggest, sentence):
    shown = {s.code: s for s in suggest(sentence)}
    assert "E11.9" in shown and shown["E11.9"].confidence < 0.9
    assert shown["E11.9"].convention == "diabetes-uncontrolled"


def test_only_the_diabetes_called_uncontrolled_is_held(suggest):
    assert "E11.9" in billed(suggest, "T2DM on metformin, stable. HTN uncontrolled, BP 162/98 - add amlodipine.")
    assert "E11.9" in billed(suggest, "T2DM, well controlled, A1c 6.6, not uncontrolled as feared.")
    assert "E11.65" in billed(suggest, "T2DM, poorly controlled, A1c 9.4; increase glargine.")


def test_a_limbs_pain_beside_its_radiculopathy_is_the_radiculopathy(suggest):
    coded = billed(suggest, "Indication: L arm pain into the index finger. Impression: L C7 radiculopathy on EMG.")
    assert "M54.12" in coded and not {c for c in coded if c.startswith("M79.6")}
    coded = billed(suggest, "R leg pain below the knee; lumbar radiculopathy, L5, confirmed on EMG.")
    assert "M54.16" in coded and not {c for c in coded if c.startswith("M79.6")}
    # beside no radiculopathy the pain is the problem coded
    assert "M79.604" in billed(suggest, "R leg pain after a long hike, no injury, no swelling.")


def test_two_sides_in_a_sentence_each_belong_to_the_mention_they_stand_before(suggest):
    coded = billed(suggest, "R knee pain and L shoulder pain after a fall, no injury on XR.")
    assert {"M25.561", "M25.512"} <= coded and not {"M25.562", "M25.511"} & coded
    coded = billed(suggest, "Right carpal tunnel syndrome and left knee effusion.")
    assert "G56.01" in coded and "G56.03" not in coded and "G56.02" not in coded
    # both sides of one condition stay bilateral
    assert "M17.0" in billed(suggest, "Knee OA, R and L, worse on the R; injections given.") | billed(
        suggest, "Bilateral knee OA, R worse than L.")


def test_a_stone_that_has_passed_is_the_history_of_urinary_calculi(suggest):
    coded = billed(suggest, "Primary hyperparathyroidism, Ca 11.4. Kidney stone 2021, passed, no more since.")
    assert "Z87.442" in coded and "N20.0" not in coded
    # still there, or another one is: the calculus stays
    assert "Z87.442" not in billed(suggest, "Nephrolithiasis: passed one stone in May; a 6 mm stone remains in the "
                                            "R kidney.")
    assert "N20.0" in {s.code for s in suggest("Kidney stone on CT today, 5 mm, distal; tamsulosin, expect it to "
                                               "pass.")}
    # someone who passed out has no stone for it
    assert "R55" in billed(suggest, "Syncope - passed out at the gym, no injury.")
