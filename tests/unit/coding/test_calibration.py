"""The calibration report: which evidence produced each suggestion, and each kind's precision on labelled notes."""
import pytest

from services.coding.calibration import (
    Attributed,
    attribute,
    chance_of_as_many_wrong,
    evidence_kind,
    per_kind,
    report_lines,
    with_confidence,
)
from services.coding.domain.suggestions import Suggestion

pytestmark = pytest.mark.unit


def suggestion(code: str, confidence: float, *, context: str = "affirmed", convention: str | None = None):
    return Suggestion(code=code, description=code, confidence=confidence, start=0, end=1, evidence="x",
                      context=context, convention=convention)


NOTES = {
    "t2dm htn": [suggestion("E11.9", 0.97), suggestion("I10", 0.94), suggestion("I10", 0.6)],
    "ckd htn": [suggestion("I10", 0.94), suggestion("N18.31", 0.94, convention="ckd-stage")],
    "h/o mi": [suggestion("I21.9", 0.97), suggestion("I25.2", 0.85, context="history")],
}
ROWS = [{"id": "a", "note": "t2dm htn", "expected": "E11.9 I10", "ruled_out": ""},
        {"id": "b", "note": "ckd htn", "expected": "I12.9 N18.31", "ruled_out": ""},
        {"id": "c", "note": "h/o mi", "expected": "I25.2", "ruled_out": "I21.9"}]


def test_the_kind_is_the_convention_or_else_the_context_of_the_term():
    assert evidence_kind(suggestion("N18.31", 0.94, convention="ckd-stage")) == "ckd-stage"
    assert evidence_kind(suggestion("I25.2", 0.85, context="history")) == "history-term"
    assert with_confidence(suggestion("I10", 0.94)) == "affirmed-term@0.94"


def test_each_code_counts_once_under_its_most_confident_suggestion_and_is_judged_against_the_labels():
    found = attribute(ROWS, NOTES.__getitem__)
    assert found == [Attributed("a", "E119", "affirmed-term", 0.97, True, False),
                     Attributed("a", "I10", "affirmed-term", 0.94, True, False),
                     Attributed("b", "I10", "affirmed-term", 0.94, False, False),
                     Attributed("b", "N1831", "ckd-stage", 0.94, True, False),
                     Attributed("c", "I219", "affirmed-term", 0.97, False, True),
                     Attributed("c", "I252", "history-term", 0.85, True, False)]


def test_precision_per_kind_overall_and_at_the_threshold():
    table = {k.kind: k for k in per_kind(attribute(ROWS, NOTES.__getitem__), 0.9)}
    term, history = table["affirmed-term"], table["history-term"]
    assert (term.suggestions, term.correct, term.accepted, term.accepted_correct) == (4, 2, 4, 2)
    assert term.accepted_precision == 0.5 and term.confidences == (0.97, 0.94)
    assert (history.accepted, history.accepted_precision, history.precision) == (0, None, 1.0)


def test_split_by_confidence_the_term_kinds_separate():
    kinds = {k.kind for k in per_kind(attribute(ROWS, NOTES.__getitem__, with_confidence), 0.9)}
    assert {"affirmed-term@0.97", "affirmed-term@0.94", "ckd-stage@0.94"} <= kinds


def test_one_miss_in_fifteen_is_chance_three_in_thirteen_is_not():
    assert chance_of_as_many_wrong(0, 20) == pytest.approx(1.0)
    assert chance_of_as_many_wrong(1, 15) > 0.5
    assert chance_of_as_many_wrong(3, 13) < 0.05


def decisions(correct: int, n: int) -> str:
    found = [Attributed(str(i), f"C{i}", "k", 0.95, i < correct, False) for i in range(n)]
    return per_kind(found, 0.9)[0].decision


def test_a_kind_is_lowered_only_when_below_target_beyond_chance():
    assert decisions(10, 13) == "lower"
    assert decisions(14, 15) == "keep (too few to tell)"
    assert decisions(19, 20) == "keep"


def test_the_report_lists_every_suggestion_with_its_verdict_and_the_table():
    lines = report_lines(attribute(ROWS, NOTES.__getitem__), 0.9, listing=True)
    assert any(line.startswith("c") and "I219" in line and line.endswith("RULED OUT") for line in lines)
    assert any(line.startswith("affirmed-term ") and "0.500 (2/4)" in line and "lower" in line for line in lines)


def test_the_held_out_notes_are_refused_before_anything_is_read(monkeypatch):
    from services.coding import calibration
    from services.coding.evaluate_suggestions import HELDOUT_SET

    monkeypatch.setattr("sys.argv", ["calibration", str(HELDOUT_SET)])
    monkeypatch.setattr(calibration, "read_labeled", lambda path: pytest.fail("the held-out file was read"))
    with pytest.raises(SystemExit):
        calibration.main()


def test_each_missed_code_is_classed_by_why_it_was_not_coded():
    from services.coding.calibration import classify_misses, miss_lines
    from services.coding.domain.note_context import SkippedMention

    reads = {"a": ([suggestion("R07.89", 0.85, convention="symptom-beside-diagnosis")], []),
             "b": ([suggestion("F43.10", 0.92)], []),
             "c": ([], [SkippedMention("K90.0", 0, 6, "celiac", "negated")]),
             "d": ([suggestion("E11.9", 0.97)], []),
             "e": ([], [])}
    rows = [{"id": "1", "note": "a", "expected": "R07.89"}, {"id": "2", "note": "b", "expected": "F43.12"},
            {"id": "3", "note": "c", "expected": "K90.0"}, {"id": "4", "note": "d", "expected": "E11.9 Z79.84"},
            {"id": "5", "note": "e", "expected": "R91.1"}]
    misses = classify_misses(rows, reads.__getitem__, 0.9)
    assert [(m.code, m.cause, m.detail) for m in misses] == [
        ("R0789", "a", "symptom-beside-diagnosis@0.85"), ("F4312", "b", "affirmed-term F4310@0.92"),
        ("K900", "e", "negated"), ("Z7984", "d", "Z79"), ("R911", "c", "")]  # as the evaluation writes codes
    lines = miss_lines(misses)
    assert lines[0] == "5 codes missed" and "(c) its words met no index term: 1" in lines
