"""Laterality: the side the note states picks the right, left or bilateral code; no side stated keeps the
unspecified-side code with a warning; never a side the note does not state."""
import pytest

from services.coding.domain.laterality import UNSTATED, laterality, stated_side
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code, evidence, expected", [
    ("Shoulder pain, right, worse with overhead reaching.", "M25.519", "Shoulder pain", ["M25.511"]),
    ("Pain in the left shoulder.", "M25.519", "Pain in the left shoulder", ["M25.512"]),
    ("Cellulitis of the left leg.", "L03.119", "Cellulitis of the left leg", ["L03.116"]),
    ("Cellulitis of the right arm.", "L03.119", "Cellulitis of the right arm", ["L03.113"]),
    ("Osteoarthritis of knee, right worse than left.", "M17.10", "Osteoarthritis of knee", ["M17.0"]),
    ("Carpal tunnel syndrome, both wrists.", "G56.00", "Carpal tunnel syndrome", ["G56.03"]),
    ("Otitis media, left ear.", "H66.90", "Otitis media", ["H66.92"]),
    ("Sciatica on the left.", "M54.30", "Sciatica", ["M54.32"]),
    ("Bilateral shoulder pain.", "M25.519", "shoulder pain", ["M25.511", "M25.512"]),  # no bilateral code
])
def test_the_side_the_note_states_picks_the_code(tabular, note, code, evidence, expected):
    out, reasons = laterality(found(note, (code, evidence), confidence=0.7), note, tabular)
    assert codes(out) == expected and reasons
    assert all(s.convention == "laterality" and s.confidence >= 0.9 for s in out)


def test_no_side_stated_keeps_the_unspecified_code_with_a_warning(tabular):
    note = "Shoulder pain for two weeks."
    out, _ = laterality(found(note, ("M25.519", "Shoulder pain")), note, tabular)
    assert codes(out) == ["M25.519"] and out[0].convention == UNSTATED and "query the provider" in out[0].reason


def test_a_code_without_sides_is_left_alone(tabular):
    note = "Conjunctivitis of the right eye."
    given = found(note, ("H10.9", "Conjunctivitis"))
    assert laterality(given, note, tabular) == (given, [])


def test_a_low_confidence_match_is_not_raised_by_its_side(tabular):
    note = "Shoulder pain, right."
    out, _ = laterality(found(note, ("M25.519", "Shoulder pain"), confidence=0.55), note, tabular)
    assert codes(out) == ["M25.511"] and out[0].confidence == 0.55


@pytest.mark.parametrize("text, side", [("right knee", "right"), ("left ear", "left"), ("both ankles", "bilateral"),
                                        ("right worse than left", "bilateral"), ("the knee", None),
                                        ("bright red", None)])
def test_stated_side(text, side):
    assert stated_side(text) == side


def test_a_note_only_code_without_its_side_travels_with_a_warning():
    from services.coding.domain.auto_accept import AutoAcceptPolicy
    from services.coding.domain.suggestions import Suggestion, reconcile

    unstated = Suggestion(code="M25.519", description="d", confidence=0.94, start=0, end=13, evidence="Shoulder pain",
                          context="affirmed", convention=UNSTATED, reason="M25.519: the note does not state the side")
    result = reconcile([], [unstated], policy=AutoAcceptPolicy(enabled=True, threshold=0.9, measured_precision=0.96))
    assert [(e.edit_id, e.severity) for e in result.edits] == [("ICD-SIDE-UNSTATED", "warning")]
    assert result.diagnoses == [("M25.519", "suggestion")]


def test_a_side_field_away_from_the_diagnosis_states_its_side(tabular):
    note = "Fx f/u at 4 wks: nondisplaced fracture of the 5th metatarsal. Side: left foot. XR: healing."
    out, _ = laterality(found(note, ("S92.356", "fracture of the 5th metatarsal")), note, tabular)
    assert codes(out) == ["S92.355"] and out[0].convention == "laterality"


@pytest.mark.parametrize("note", ["Shoulder pain for two weeks. Side: not stated.",
                                  "Shoulder pain. Side: right. Prior visit side: left."])
def test_a_side_field_without_one_side_states_none(tabular, note):
    out, _ = laterality(found(note, ("M25.519", "Shoulder pain")), note, tabular)
    assert codes(out) == ["M25.519"] and out[0].convention == UNSTATED


def test_a_side_stated_only_in_another_sentence_leaves_the_unspecified_code_to_a_coder(tabular):
    note = "Right shoulder pain x 4 mo, no trauma. MRI: full-thickness supraspinatus tear, nontraumatic."
    out, _ = laterality(found(note, ("M75.120", "supraspinatus tear")), note, tabular)
    assert codes(out) == ["M75.120"] and out[0].convention == UNSTATED and out[0].confidence < 0.9
    assert "right" in out[0].reason
    note = "Supraspinatus tear, nontraumatic. PT."  # no side anywhere: the unspecified side is the code
    assert laterality(found(note, ("M75.120", "Supraspinatus tear")), note, tabular)[0][0].confidence >= 0.9


@pytest.mark.parametrize("note, evidence, expected", [
    ("A/P: 2. CTS R - wrist splint at night.", "CTS", "G56.01"),
    ("Carpal tunnel syndrome, L - EMG moderate, release planned.", "Carpal tunnel syndrome", "G56.02"),
    ("Dx: CTS rt.", "CTS", "G56.01"),
])
def test_a_side_closing_the_entry_after_the_condition_is_its_side(tabular, note, evidence, expected):
    out, _ = laterality(found(note, ("G56.00", evidence)), note, tabular)
    assert codes(out) == [expected] and out[0].convention == "laterality"


@pytest.mark.parametrize("note", ["CTS, right hand numbness - splint.", "CTS, r/o by EMG next week."])
def test_a_side_word_that_opens_more_words_is_not_read_as_the_entrys_side(tabular, note):
    out, _ = laterality(found(note, ("G56.00", "CTS")), note, tabular)
    assert codes(out) == (["G56.01"] if "right" in note else ["G56.00"])
