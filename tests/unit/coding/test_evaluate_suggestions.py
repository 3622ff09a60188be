"""The labelled note set (development and held-out parts) and the evaluator's scoring, without the suggester."""
from collections import Counter

import pytest

from services.coding.domain.codes import icd_compact
from services.coding.domain.suggestions import Suggestion
from services.coding.evaluate_suggestions import (
    CONVENTIONS, DEVELOPMENT_SET, HELDOUT_SET, SPECIALTIES, UNTAGGED, breakdown, evaluate, outcomes,
    read_labeled, report_json, report_lines,
)

pytestmark = pytest.mark.unit

COLUMNS = ["id", "specialty", "conventions", "note", "expected", "ruled_out"]
PARTS = {"development": read_labeled(DEVELOPMENT_SET), "held-out": read_labeled(HELDOUT_SET)}
ALL_ROWS = [row for rows in PARTS.values() for row in rows]


@pytest.fixture(scope="module")
def fy2026(reference):
    return next(code_set for code_set in reference.icd10 if code_set.edition.fiscal_year == 2026)


def test_every_expected_and_ruled_out_code_is_billable_in_the_fy2026_tabular(fy2026):
    not_billable = [f"{row['id']}:{code}" for row in ALL_ROWS
                    for code in (row["expected"] + " " + row["ruled_out"]).split() if not fy2026.is_billable(code)]
    assert not_billable == []


def test_a_note_never_expects_a_code_it_rules_out_nor_two_codes_the_tabular_excludes_together(fy2026):
    for row in ALL_ROWS:
        expected = [icd_compact(c) for c in row["expected"].split()]
        assert not set(expected) & {icd_compact(c) for c in row["ruled_out"].split()}, row["id"]
        pairs = [(a, b) for i, a in enumerate(expected) for b in expected[i + 1:] if fy2026.excludes1_pair(a, b)]
        assert pairs == [], row["id"]


def test_columns_tags_and_ids():
    for path in (DEVELOPMENT_SET, HELDOUT_SET):
        assert list(read_labeled(path)[0]) == COLUMNS
    assert all(row["specialty"] in SPECIALTIES for row in ALL_ROWS)
    unknown = {tag for row in ALL_ROWS for tag in row["conventions"].split()} - set(CONVENTIONS)
    assert unknown == set()
    duplicated = [id_ for id_, count in Counter(row["id"] for row in ALL_ROWS).items() if count > 1]
    assert duplicated == []
    assert all(row["note"].strip() for row in ALL_ROWS)


def test_the_set_covers_every_specialty_in_both_parts_and_the_held_out_part_is_large_enough():
    assert len(ALL_ROWS) >= 250 and len(PARTS["held-out"]) >= 120
    for rows in PARTS.values():
        assert {row["specialty"] for row in rows} == set(SPECIALTIES)
    held_out_tags = {tag for row in PARTS["held-out"] for tag in row["conventions"].split()}
    assert held_out_tags == set(CONVENTIONS)


def _suggester(table: dict[str, list[tuple[str, float]]]):
    def suggest(note: str) -> list[Suggestion]:
        return [Suggestion(code=code, description="", confidence=confidence, start=0, end=1, evidence=note[:1],
                           context="affirmed") for code, confidence in table.get(note, [])]
    return suggest


ROWS = [
    {"id": "a", "specialty": "cardiology", "conventions": "negation", "note": "HTN, denies chest pain.",
     "expected": "I10", "ruled_out": "R07.9"},
    {"id": "b", "specialty": "primary_care", "conventions": "family negation", "note": "FH of DM. No vomiting.",
     "expected": "Z83.3 R11.0", "ruled_out": "E11.9 R11.10"},
    {"id": "c", "specialty": "primary_care", "conventions": "", "note": "Asthma.", "expected": "J45.909",
     "ruled_out": ""},
]
SUGGEST = _suggester({
    "HTN, denies chest pain.": [("I10", 0.95), ("R07.89", 0.93)],  # another code of a denied symptom's category
    "FH of DM. No vomiting.": [("Z83.3", 0.95), ("R11.0", 0.92), ("E11.65", 0.5)],  # E11.65 stays below
    "Asthma.": [("J45.909", 0.8)],
})


def test_a_ruled_out_condition_is_any_unexpected_code_of_its_category_reaching_the_threshold():
    found = outcomes(ROWS, SUGGEST, threshold=0.9)
    assert [sorted(note.ruled_out_coded) for note in found] == [["R0789"], [], []]
    # R11.0 shares R11 with the ruled-out R11.10 but is expected: not a failure
    assert sorted(outcomes(ROWS, SUGGEST, threshold=0.4)[1].ruled_out_coded) == ["E1165"]


def test_precision_and_recall_at_the_threshold_with_wrong_missed_and_ruled_out_codes():
    result = evaluate(ROWS, SUGGEST, threshold=0.9)
    assert (result.notes, result.true_positives, result.suggested, result.expected) == (3, 3, 4, 4)
    assert result.wrong == ["a:R0789"] and result.misses == ["c:J45909"] and result.ruled_out_suggested == ["a:R0789"]
    assert result.precision == 0.75 and result.recall == 0.75


def test_each_specialty_and_each_convention_tag_is_scored_on_its_own_notes():
    part = breakdown(outcomes(ROWS, SUGGEST, threshold=0.9))
    assert list(part["by_specialty"]) == ["primary_care", "cardiology"]
    assert part["by_specialty"]["cardiology"].precision == 0.5
    assert part["by_specialty"]["primary_care"].recall == 2 / 3
    assert list(part["by_convention"]) == ["negation", "family", UNTAGGED]
    assert part["by_convention"]["negation"].notes == 2 and part["by_convention"]["family"].notes == 1
    assert part["by_convention"][UNTAGGED].misses == ["c:J45909"]


def test_the_report_names_every_figure_and_code_in_text_and_json():
    part = breakdown(outcomes(ROWS, SUGGEST, threshold=0.9))
    text = "\n".join(report_lines("held-out", part, 0.9))
    assert "precision 0.750 (3/4), recall 0.750 (3/4), ruled-out conditions coded 1" in text
    assert "ruled out but coded: a:R0789" in text and "missed: c:J45909" in text
    document = report_json({"held-out": part}, {"held-out": "heldout_notes.csv"}, 0.9)
    held_out = document["parts"]["held-out"]
    assert held_out["overall"]["precision"] == 0.75 and held_out["overall"]["ruled_out_suggested"] == ["a:R0789"]
    assert held_out["by_specialty"]["cardiology"]["wrong"] == ["a:R0789"]
    assert document["targets"]["precision"] == 0.95
