"""Neurological and psychiatric names in frames that are not current: a relative's condition after a bare "FH", a
stroke or TIA after "s/p", a condition someone only fears the patient has. Each takes its history code or none,
never the condition's; the current conditions beside them, and familial hypercholesterolemia's "FH", keep theirs."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, wrong, history", [
    ("Plan: 2. FH seizure disorder in a brother - no events in pt.", "G40", "Z82.0"),
    ("Neuro: FH migraines (maternal), pt headache-free.", "G43", "Z82.0"),
    ("PCP visit. FH diabetes; A1c 5.4 today.", "E11", "Z83.3"),
    ("Psych hx: FH depression in father; pt mood euthymic.", "F32", "Z81.8"),
])
def test_a_condition_after_a_bare_fh_is_the_familys(suggest, note, wrong, history):
    found = {s.code: s.confidence for s in suggest(note)}
    assert not any(code.startswith(wrong) for code in found)
    assert history in found


@pytest.mark.parametrize("note", [
    "Assessment: s/p CVA in 2021, no residual weakness - on clopidogrel.",
    "Problem list: 3. Status post stroke - ASA, statin.",
])
def test_a_stroke_after_status_post_is_its_history(suggest, note):
    found = {s.code for s in suggest(note)}
    assert "Z86.73" in found
    assert not any(code.startswith("I63") for code in found)


@pytest.mark.parametrize("note, wrong", [
    ("Husband worried she has dementia; MoCA 28, normal.", ("F03", "G30")),
    ("Pt concerned he has Parkinson's after reading online; no rigidity or bradykinesia.", ("G20",)),
    ("Son afraid she has MS - no neuro deficits.", ("G35",)),
])
def test_a_feared_condition_is_not_billed(suggest, note, wrong):
    assert not any(s.code.startswith(wrong) for s in suggest(note) if s.confidence >= 0.90)


@pytest.mark.parametrize("note, kept", [
    ("A/P: 1. Probable FH - Dutch score 7, LDL 260, start rosuvastatin.", None),
    ("A/P: 1. FH on evolocumab, LDL 88.", None),
    ("A/P: 1. s/p CVA with residual R hemiparesis - PT.", "I69.351"),
    ("A/P: 1. Acute CVA - admit to stroke unit.", "I63.9"),
    ("A/P: 1. Essential tremor - propranolol 40 bid. 2. FH Parkinson's (father).", "G25.0"),
    ("A/P: 1. Migraine without aura - sumatriptan prn.", "G43.009"),
])
def test_the_current_condition_beside_them_stays(suggest, note, kept):
    found = {s.code for s in suggest(note) if s.confidence >= 0.90}
    if kept is None:
        assert not any(code.startswith("Z8") for code in found)
    else:
        assert kept in found
