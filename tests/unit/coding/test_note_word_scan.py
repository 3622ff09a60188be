"""One scan of the note for the words of every prefilter that reads the whole note: each prefilter answers the
places its own scan would (the suggester's output must not change)."""
import csv
import re
from pathlib import Path

import pytest

from services.coding.domain import (artificial_openings, documented_findings, history_entries, lab_values,
                                    note_context, social_determinants, status_z_codes)
from services.coding.domain.convention_gates import gated
from services.coding.domain.conventions import CONVENTIONS
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter, WordScan, lowered_note, required_literals

pytestmark = pytest.mark.unit

DEVELOPMENT = Path(__file__).resolve().parent / "data" / "development_notes.csv"


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def test_a_word_that_is_anothers_prefix_is_found_by_each_prefilter_of_a_shared_scan():
    scan = WordScan()
    pain, painful = _rx(r"\bpain\b"), _rx(r"\bpainful (swelling|joints?)\b")
    short, long = Prefilter([pain], scan=scan), Prefilter([painful], scan=scan)
    note = "Painful swelling of the left knee."
    assert short.possible(note) == {pain}  # the scan finds "painful ", the longest word there; "pain" is its prefix
    assert long.possible(note) == {painful}
    assert short.possible("Swelling, no tenderness.") == set() == long.possible("Swelling, no tenderness.")
    assert long.possible("Pain in the knee.") == set() and short.possible("Pain in the knee.") == {pain}


def test_the_kept_words_serve_the_same_note_object_and_an_equal_text_is_scanned_again():
    scan = WordScan()
    gout = _rx(r"\bgout\b")
    gate = Prefilter([gout], scan=scan)
    note = "".join(["Gout ", "flare."])
    assert gate.possible(note) == {gout}
    kept = scan._last
    assert gate.possible(note) == {gout} and scan._last is kept  # the prefilters that follow on this note
    again = "".join(["Gout ", "flare."])  # the same text as another object: another encounter's note
    assert again == note and again is not note
    assert gate.possible(again) == {gout} and scan._last is not kept and scan._last[0] is again


def test_a_prefilter_joining_after_the_first_note_reads_the_new_words():
    scan = WordScan()
    gout = _rx(r"\bgout\b")
    first = Prefilter([gout], scan=scan)
    assert first.possible("Gout flare.") == {gout}
    asthma = _rx(r"\basthma\b")
    later = Prefilter([asthma], scan=scan)
    assert later.possible("Gout flare, asthma stable.") == {asthma}
    assert first.possible("Gout flare, asthma stable.") == {gout}


def test_a_note_beyond_ascii_leaves_every_pattern_of_a_shared_scan():
    scan = WordScan()
    gout = _rx(r"\bgout\b")
    assert Prefilter([gout], scan=scan).possible("Caf\u00e9 au lait spots.") == {gout}


def _note_prefilters() -> dict[str, tuple[Prefilter, bool]]:
    """Every prefilter that joins the note's scan, with whether it keeps single letters."""
    return {"documented findings": (documented_findings._PREFILTER, False),
            "history entries": (history_entries._PREFILTER, False),
            "status z codes": (status_z_codes._PREFILTER, False),
            "social determinants": (social_determinants._PREFILTER, False),
            "artificial openings": (artificial_openings._PREFILTER, False),
            "scope cues": (note_context._cue_prefilter()[0], False),
            "convention gates": (gated(CONVENTIONS)._words, True),
            "lab values' names": (lab_values._NAME_WORDS, True)}


def test_every_prefilter_of_the_note_scan_answers_as_its_own_scan_on_the_development_notes():
    with DEVELOPMENT.open(newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)]
    prefilters = _note_prefilters()
    assert all(prefilter._scan is NOTE_WORDS for prefilter, _ in prefilters.values())
    alone = {name: Prefilter(prefilter._given, single_letters=single) for name, (prefilter, single) in
             prefilters.items()}
    met = 0
    for note in notes:
        for name, (prefilter, _) in prefilters.items():
            places = prefilter.possible_places(note)
            assert places == alone[name].possible_places(note), (name, note[:60])
            met += bool(places)
    assert 0 < met < len(notes) * len(prefilters)


def _longest_at_each_position(words: frozenset[str], lowered: str) -> frozenset[str]:
    """The scan's answer read plainly: at each position, the longest of the words the note holds from there."""
    by_start: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_start.setdefault(word[0], []).append(word)
    return frozenset(next(word for word in by_start[character] if lowered.startswith(word, i))
                     for i, character in enumerate(lowered)
                     if any(lowered.startswith(word, i) for word in by_start.get(character, ())))


def test_the_note_scan_finds_the_longest_word_at_each_position_on_the_development_notes():
    with DEVELOPMENT.open(newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)][:400]
    _note_prefilters()  # every prefilter of the note joined
    lowered = [text for text in map(lowered_note, notes) if text is not None]
    assert all(NOTE_WORDS.found(note, note) == _longest_at_each_position(NOTE_WORDS.words, note) for note in lowered)
    words = frozenset({"ab", "abc", "b", "]", "-", "^", " x"})  # a prefix, one letter, a class's own characters
    scan = WordScan()
    scan.join(words)
    note = "abc-]^ab x"
    assert scan.found(note, note) == _longest_at_each_position(words, note) == {"abc", "b", "-", "]", "^", "ab", " x"}
    assert WordScan().found("any note", "any note") == frozenset()


def _named_by_substrings(note: str, required: list) -> set[int]:
    """The analytes whose name's every required string is a substring of the note, each tested on its own."""
    lowered = lowered_note(note)
    if lowered is None:
        return set(range(len(lab_values.ANALYTES)))
    return {place for place, sets in enumerate(required)
            if all(any(string in lowered for string in strings) for strings in sets)}


def test_the_lab_values_named_are_those_whose_strings_the_note_holds_on_the_development_notes():
    assert len({analyte.words for analyte in lab_values.ANALYTES}) == len(lab_values.ANALYTES)  # a place an analyte
    with DEVELOPMENT.open(newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)][:1500]
    required = [required_literals(_rx(rf"\b({analyte.words})\b")) for analyte in lab_values.ANALYTES]
    named = 0
    for note in [*notes, "Hgb 9.1 (L), caf\u00e9."]:
        assert set(lab_values._named(note)) == _named_by_substrings(note, required), note[:60]
        named += bool(lab_values._named(note))
    assert named > 0
