"""Readings that keep a condition the note does not give the patient from being billed: a diagnosis only weighed, a
report finding its impression calls insignificant, and abnormal healing the note denies."""
import pytest

from services.coding.domain.injury_encounter import stated_by_cue
from services.coding.domain.report_impression import set_aside_by_impression
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, weighed", [
    ("Joint pains in both knees. Lupus was entertained; ANA and dsDNA came back negative.", "M32.9"),
    ("Seen for a cough. Asthma considered, spirometry with bronchodilator normal. Likely postviral.", "J45.909"),
    ("Fatigue for a month. Hypothyroidism was considered by her previous doctor, but thyroid tests are normal.",
     "E03.9"),
    ("Tingling of the feet. Multiple sclerosis briefly considered in 2024; MRI showed no lesions.", "G35.D"),
    ("Anxious spells before exams. Panic disorder was raised by the school nurse, but the spells are cued.", "F41.0"),
])
def test_a_diagnosis_only_considered_is_not_coded(suggest, note, weighed):
    assert weighed not in billed(suggest, note)


@pytest.mark.parametrize("note, stated", [
    ("Asthma was considered and confirmed by methacholine challenge; start inhaled steroid.", "J45.909"),
    ("Hypertension, considered controlled on amlodipine.", "I10"),
])
def test_a_diagnosis_considered_then_made_or_judged_controlled_stands(suggest, note, stated):
    assert stated in billed(suggest, note)


def _finding(code: str, note: str, words: str) -> Suggestion:
    start = note.index(words)
    return Suggestion(code=code, description="", confidence=0.94, start=start, end=start + len(words),
                      evidence=words, context="affirmed")


HOLTER = ("24 h Holter. Indication: dizziness. Sinus rhythm with occasional PVCs and a short run of SVT. "
          "Conclusion: no clinically significant arrhythmia.")


def test_findings_of_a_class_the_impression_calls_insignificant_are_set_aside():
    found = [_finding("I49.3", HOLTER, "PVCs"), _finding("I47.10", HOLTER, "SVT"), _finding("R42", HOLTER, "dizziness")]
    assert [s.code for s in set_aside_by_impression(found, HOLTER)] == ["R42"]


def test_a_finding_the_impression_names_itself_stands():
    note = ("Echo. Mild mitral regurgitation. Impression: no significant valvular disease apart from mild MR; "
            "moderate aortic stenosis, AVA 1.1 cm2.")
    found = [_finding("I34.0", note, "Mild mitral regurgitation"), _finding("I35.0", note, "aortic stenosis")]
    assert [s.code for s in set_aside_by_impression(found, note)] == ["I35.0"]


def test_an_impression_that_names_no_class_as_insignificant_leaves_the_findings():
    note = "Holter. Frequent PVCs, 12% burden. Impression: frequent ventricular ectopy; no pauses."
    found = [_finding("I49.3", note, "Frequent PVCs")]
    assert set_aside_by_impression(found, note) == found


def test_holter_findings_set_aside_end_to_end(suggest):
    found = billed(suggest, HOLTER)
    assert not any(code.startswith(("I47", "I49")) for code in found)


FRACTURE = {"D": ("", "subsequent encounter for fracture with routine healing"),
            "G": ("", "subsequent encounter for fracture with delayed healing"),
            "K": ("", "subsequent encounter for fracture with nonunion")}


@pytest.mark.parametrize("note, character", [
    ("Fracture f/u. Bridging callus on XR, no delayed union. Wean the sling.", "D"),
    ("F/u of the ulna fracture: healing well without nonunion; out of the cast.", "D"),
    ("F/u: delayed union of the tibial shaft fracture at 5 months; no callus.", "G"),
])
def test_abnormal_healing_the_note_denies_is_not_the_character(note, character):
    assert stated_by_cue(FRACTURE, note) == character
