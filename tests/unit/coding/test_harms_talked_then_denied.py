"""A harm, symptom or risk named and then answered in its own item: talked about or reviewed and denied after a comma
("akathisia discussed, none"), counselled on with its drug named ("counseled on myalgias with a statin"), or a sign
whose presence the item weighs against its absence ("HI vs none"): none is coded. The same words stated as present
are, and so is a sign only called unclear, whose cause is what is not known."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def suggested(suggest, note: str) -> set[str]:
    """Every code suggested, at any confidence."""
    return {s.code for s in suggest(note)}


@pytest.mark.parametrize("note, prefix", [
    ("Plan: 1. Rash discussed, none; continue lamotrigine titration.", "R21"),
    ("A/P: 1. COPD - stable. 2. Palpitations discussed, none.", "R00.2"),
    ("A/P: 1. Valproate tremor discussed, none.", "G25.1"),
    ("Assessment: Hyperkalemia on spironolactone reviewed, denies.", "E87.5"),
    ("A/P: 1. Dizziness asked about, denies.", "R42"),
    ("Impression: Akathisia discussed, none - continue aripiprazole.", "G25.71"),
    ("A/P: 1. Edema assessed, absent.", "R60"),
])
def test_a_harm_talked_about_then_denied_is_not_coded(suggest, note, prefix):
    assert not any(code.startswith(prefix) for code in suggested(suggest, note))


@pytest.mark.parametrize("note, prefix", [
    ("A/P: 1. HLD - pravastatin 40. Counseled on muscle aches with the statin.", "M79"),
    ("A/P: 1. MDD - counseled on low sodium with sertraline, BMP in 2 wk.", "E87.1"),
    ("A/P: 1. GAD - counseled on nausea with venlafaxine.", "R11"),
])
def test_a_harm_counselled_on_with_its_drug_is_not_coded(suggest, note, prefix):
    assert not any(code.startswith(prefix) for code in suggested(suggest, note))


@pytest.mark.parametrize("note", [
    "A/P: 1. PTSD - sertraline. 2. Passive SI vs none - unclear.",
    "Plan: SI or not, unclear; pt guarded, safety plan given.",
    "A/P: 1. Schizoaffective d/o. 2. HI versus none, pt guarded - reassess next visit.",
])
def test_a_sign_left_open_against_its_absence_is_not_coded(suggest, note):
    assert not {"R45.851", "R45.850"} & suggested(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Rash on both forearms since lamotrigine was started.", "R21"),
    ("A/P: 1. MDD - sertraline. 2. Endorses passive SI, no plan or intent.", "R45.851"),
    ("A/P: 1. Myalgias since the statin was started, CK normal.", "M79.10"),
    ("A/P: 1. Fatigue, unclear cause - TSH, CBC.", "R53.83"),
    ("A/P: 1. HTN. 2. Chest pain - unclear, stress test ordered.", "R07.9"),
    ("A/P: 1. T2DM - retinopathy discussed, none.", "E11.9"),
    ("A/P: 1. Hyponatremia, Na 128 - fluid restriction.", "E87.1"),
])
def test_the_harm_or_condition_stated_as_present_stays_coded(suggest, note, code):
    assert code in billed(suggest, note)
