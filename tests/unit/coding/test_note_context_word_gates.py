"""The scope rules' cue searches skipped where a span lacks the words they need, and the clause read on from the
last stop, answer as the plain searches and the scan from the note's start do, at every mention of many notes."""
import csv
import re

import pytest

from services.coding.domain import note_context
from services.coding.domain.note_context import (RULES, SCREENING, _CLAUSE_END, _cue_gates, _next_clause_end, clause,
                                                 mention_scope, screened)
from services.coding.evaluate_suggestions import DEVELOPMENT_SET
from services.coding.domain.pattern_literals import lowered_note

pytestmark = pytest.mark.unit

# each kind of clause end near a mention, cues in capitals, and text beyond ASCII ("\u017f" a long s, which
# re.IGNORECASE reads as "s"; "\u212a" the Kelvin sign, read as "k")
EDGE_NOTES = [
    "", "gout", "Hx of stroke? No. Palpitations - ?SVT. Cough? none", "Denies CP, but has SOB however mild; chills!",
    "Mother with DM, she has HTN, diagnosis asthma, also gout", "MOTHER HAS BREAST CANCER. FHX OF GOUT IN BOTH PARENTS.",
    "Lung ca ſcreening: 6 mm nodule. Screening for colon cancer. PHQ-9 0. \u212aidney stones 10 years ago.",
    "Pneumonia 2022, completed levofloxacin; fully resolved. Risk of stroke. Was told she had bipolar disorder.",
    "subacute thyroiditis in 2023; TFTs normalised. Cellulitis, treated with IV cefazolin, course completed 10/14.",
    "Gout - ruled out.\nAsthma considered, methacholine negative. Counseled on sleep deprivation. Since her MI",
    "Lives with his wife, who has MS. Depression in her husband.", "Mood: PHQ-9 0. GAD7 score of 0. Audit-C negative.", "butter, however,   he  whereas? no\tbut?x ,\n. ;",
]


def _notes(count: int) -> list[str]:
    with open(DEVELOPMENT_SET, newline="") as source:
        return EDGE_NOTES + [row["note"] for row in csv.DictReader(source)][:count]


def _mentions(note: str):
    """Each word of the note, and each two words together, as a mention."""
    words = [found.span() for found in re.finditer(r"\w+", note)]
    yield from words
    yield from ((first[0], second[1]) for first, second in zip(words, words[1:]))


def _clause_from_the_start(text: str, start: int, end: int) -> tuple[int, int]:
    before = [found.end() for found in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _spans(match: re.Match | None):
    return None if match is None else (match.span(), match.groups())


def _spans_read(note: str, start: int, end: int, reach: int, next_clause: bool):
    """The spans `mention_scope` and `screened` give a rule's gates at the mention."""
    first, last = clause(note, start, end)
    reach_end = _next_clause_end(note, last) if next_clause else last
    yield from ((first, start), (end, min(reach_end, end + reach)), (first, last))
    yield max(first, note.rfind(":", first, start) + 1), start


def test_the_clause_is_the_one_a_scan_from_the_start_finds_at_every_position():
    for note in _notes(300):
        for start in range(len(note) + 1):
            assert clause(note, start, start) == _clause_from_the_start(note, start, start), (note[:60], start)


def test_each_rule_gate_finds_what_its_pattern_finds_in_every_span_read():
    for note in _notes(120):
        lowered = lowered_note(note)
        spans = {span for rule in RULES for start, end in _mentions(note)
                 for span in _spans_read(note, start, end, rule.reach, rule.next_clause)}
        for rule in RULES:
            for gate, cue in zip(_cue_gates(rule), (rule.before, rule.after, rule.anywhere)):
                if cue is None:
                    continue
                for first, last in spans:
                    assert _spans(gate.search_span(note, first, last, lowered)) == \
                        _spans(cue.search(note[first:last])), (rule.name, note[first:last])


def _readings(note: str) -> list:
    return [(mention_scope(note, start, end), screened(note, start, end)) for start, end in _mentions(note)]


def test_the_scopes_and_screenings_answer_as_with_plain_searches_at_every_mention(monkeypatch):
    notes = _notes(150)
    gated = {note: _readings(note) for note in notes}
    monkeypatch.setattr(note_context, "_cue_gates", lambda rule: tuple(
        None if cue is None else note_context._Plain(cue) for cue in (rule.before, rule.after, rule.anywhere)))
    for note in notes:
        assert gated[note] == _readings(note), note[:60]


def test_a_rule_gate_searches_a_note_beyond_ascii_even_without_its_words():
    note = "Lung ca \u017fcreening"
    before, _, _ = _cue_gates(SCREENING)
    assert lowered_note(note) is None
    assert before.search_span(note, 0, len(note), None) is not None
    assert screened("Lung ca \u017fcreening for colon cancer", 22, 34)


def test_a_clause_remembered_for_one_note_is_not_given_for_another_at_the_same_place():
    first, second = "Asthma, no wheeze today.", "Asthma; no wheeze today."
    assert clause(first, 8, 10) == (0, 23)
    assert clause(second, 8, 10) == (7, 23)
    assert clause(first, 8, 10) == (0, 23)


def test_the_cues_searched_without_a_gate_are_those_named_and_each_names_a_rule_cue():
    plain = {(rule.name, slot) for rule in RULES
             for slot, gate in zip(("before", "after", "anywhere"), _cue_gates(rule))
             if isinstance(gate, note_context._Plain)}
    assert plain == note_context._SEARCHED_PLAINLY
