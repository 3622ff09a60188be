"""The cue searches `note_text` skips where a sentence lacks the words they need answer as the plain searches do, and
so do the readings built on them, at every mention of many notes."""
import csv
import re

import pytest

from services.coding.domain import note_text
from services.coding.domain.note_context import WordGated
from services.coding.domain.note_text import (DOUBTED_AFTER, FAMILY, HISTORY, NEGATION, QUALIFIED_DOUBTED_AFTER,
                                              UNCERTAIN_BEFORE, current, current_sign,
                                              current_under_history_heading, doubted_after, negated_before,
                                              prevented, sentence_end, sentence_start, uncertain,
                                              uncertain_beside_a_doubt)
from services.coding.evaluate_suggestions import DEVELOPMENT_SET

pytestmark = pytest.mark.unit

# notes that hold each gate's words, in any case, beyond ASCII ("\u017f" is a long s, which re.IGNORECASE reads as
# "s"; "\u212a" the Kelvin sign, read as "k"), and at a sentence's edges
EDGE_NOTES = [
    "", "No fever. H/O asthma; FHx of diabetes in mother.", "Hiſtory of gout. Mother with DM.",
    "Possible pneumonia vs bronchitis? R/O PE.", "Pneumonia 2022, completed levofloxacin; fully resolved. Asthma as a \u212aid, none since.",
    "pre-op evaluation for L TKA (primary OA). Eval for OA.", "Gout - historical. GERD (hx). Concussion 2021 - remote",
    "Denies CP; SOB; palpitations. NO HX OF HTN.", "CXR ruled out pneumonia; excluded PE.",
    "Gout - ruled out. ADHD, combined type - ruled out. Lupus workup neg. Kidney stones 10 years ago. Pneumonia treated last month, now resolved.",
]

# each gate and the plain pattern it searches (the gates hold their pattern privately: named here as built)
GATED = [(note_text._NEGATION_CUES, NEGATION), (note_text._DOUBT_BEFORE, UNCERTAIN_BEFORE),
         (note_text._HISTORY_CUES, HISTORY), (note_text._RELATIVES, FAMILY),
         (note_text._PAST_AFTER_CUES, note_text._PAST_AFTER), (note_text._PAST_WORDS, note_text._PAST_WORD)]


def _notes(count: int) -> list[str]:
    with open(DEVELOPMENT_SET, newline="") as source:
        return EDGE_NOTES + [row["note"] for row in csv.DictReader(source)][:count]


def _texts_read(note: str):
    """Every text a gate is given on the note: the words before each position to its sentence's start, those after
    it to the sentence's end, and the sentences themselves (with and across semicolons)."""
    for position in range(len(note) + 1):
        first, last = sentence_start(note, position), sentence_end(note, position)
        yield note[first:position]
        yield note[position:last]
        yield note[first:last]
        yield note[first:sentence_end(note, position, across_semicolons=True)]


def _spans(match: re.Match | None):
    return None if match is None else (match.span(), match.groups())


def test_each_gate_finds_what_its_pattern_finds_in_every_text_read():
    for note in _notes(200):
        for text in set(_texts_read(note)):
            for gated, pattern in GATED:
                assert _spans(gated.search(text)) == _spans(pattern.search(text)), (pattern.pattern[:30], text)
                assert [_spans(found) for found in gated.finditer(text)] == \
                    [_spans(found) for found in pattern.finditer(text)], (pattern.pattern[:30], text)
            assert doubted_after(text) == bool(DOUBTED_AFTER.search(text) or QUALIFIED_DOUBTED_AFTER.search(text)), text


def test_a_gate_searches_a_text_beyond_ascii_even_without_its_words():
    gated = WordGated(re.compile(r"\bhistory\b", re.IGNORECASE))
    assert gated.search("Hiſtory of gout") is not None  # "ſ" read as "s", which str.lower leaves as it is
    assert gated.search("h/o gout") is None


def _readings(note: str, start: int, end: int) -> tuple:
    return (current(note, start, end), current(note, start, end, dated=HISTORY.search), current_sign(note, start, end),
            uncertain(note, start, end), uncertain_beside_a_doubt(note, start, end), negated_before(note, start),
            prevented(note, start, end), current_under_history_heading(note, start, end))


def _mentions(note: str):
    """Each word of the note, and each two words together, as a mention."""
    words = [found.span() for found in re.finditer(r"\w+", note)]
    yield from words
    yield from ((first[0], second[1]) for first, second in zip(words, words[1:]))


def test_the_readings_answer_as_with_plain_searches_at_every_mention(monkeypatch):
    notes = _notes(150)
    gated = {note: [_readings(note, start, end) for start, end in _mentions(note)] for note in notes}
    for name in ("_NEGATION_CUES", "_DOUBT_BEFORE", "_HISTORY_CUES", "_RELATIVES", "_PAST_AFTER_CUES", "_PAST_WORDS"):
        plain = getattr(note_text, name)._pattern
        monkeypatch.setattr(note_text, name, plain)
    for note in notes:
        plain = [_readings(note, start, end) for start, end in _mentions(note)]
        assert gated[note] == plain, note[:60]
