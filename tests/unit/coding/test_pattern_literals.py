"""The prefilter that skips finding patterns: the words it requires, and that it never skips a pattern that
matches (the suggester's output must not change)."""
import csv
import re
from pathlib import Path

import pytest

from services.coding.domain.documented_findings import FINDINGS
from services.coding.domain.pattern_literals import (SCANNED_FROM, Prefilter, lowered_note, may_match, possible_indexes,
                                                     required_literals)

pytestmark = pytest.mark.unit

DEVELOPMENT = Path(__file__).resolve().parent / "data" / "development_notes.csv"


@pytest.mark.parametrize("pattern, expected", [
    (r"\bgout\b", ({"gout"},)),
    (r"\b(heart failure|chf)\b", ({"heart failure", "chf"},)),
    (r"(?<!diaper )\bRash\b", ({"rash"},)),  # a look-behind requires nothing; case is folded
    (r"knee (oa|arthritis)s?", ({"knee "}, {"oa", "arthritis"})),
    (r"light-?headed", ({"headed"}, {"light"})),
    (r"[a-z]+ pain", ({" pain"},)),
    (r"(fx)?\d+", ()),  # nothing a match must hold
    (r"\u017fore", ({"ore"},)),  # beyond ASCII: a letter that re.IGNORECASE may fold onto an ASCII one
    # a set every branch requires is required beside the branches' union: the site as well as the pain word
    (r"\b((hands?) (pain|ache)|(pain|ache) in (the )?(hands?))\b",
     ({"ache", "hand", "pain"}, {"ache", "pain"}, {"hand"})),
    # the parser reads "(eye|ear)" as "e" then "ye" or "ar": the alternation's set, in both branches
    (r"(eye|ear) pain|pain in the (eye|ear)", ({" pain", "pain in the "}, {"ye", "ar"})),
    (r"\b(ear pain|otalgia)\b", ({"ear pain", "otalgia"},)),  # nothing every branch holds
])
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern, re.IGNORECASE)) == tuple(frozenset(s) for s in expected)


def test_a_note_without_the_words_skips_the_pattern_and_one_with_them_keeps_it():
    gout, asthma = re.compile(r"\bgout\b", re.IGNORECASE), re.compile(r"\basthma\b", re.IGNORECASE)
    prefilter = Prefilter([gout, asthma])
    assert prefilter.possible("Acute GOUT flare, right great toe.") == {gout}


def test_a_note_beyond_ascii_runs_every_pattern():
    gout = re.compile(r"\bgout\b", re.IGNORECASE)
    assert Prefilter([gout]).possible("Caf\u00e9 visit, no complaints.") == {gout}


class _CountedPattern:
    """A pattern as the prefilter reads it (its text and flags), counting the times it is hashed."""
    hashed = 0

    def __init__(self, text: str):
        self.pattern, self.flags = text, re.IGNORECASE

    def __hash__(self):
        _CountedPattern.hashed += 1
        return hash(self.pattern)

    def __eq__(self, other):
        return isinstance(other, _CountedPattern) and other.pattern == self.pattern


def test_a_note_is_read_without_hashing_a_pattern():
    gout, asthma = _CountedPattern(r"\bgout\b"), _CountedPattern(r"\basthma\b")
    prefilter = Prefilter([gout, asthma])
    _CountedPattern.hashed = 0
    possible = prefilter.possible("Acute gout flare.")
    assert (gout in possible, asthma in possible, bool(possible), len(possible)) == (True, False, True, 1)
    assert _CountedPattern.hashed == 0
    assert prefilter.possible("Caf\u00e9 visit, gout.") == {gout, asthma}  # beyond ASCII: every pattern


def test_an_equal_pattern_the_prefilter_was_not_given_is_found_as_in_a_set():
    gout, same_text = _CountedPattern(r"\bgout\b"), _CountedPattern(r"\bgout\b")
    prefilter = Prefilter([gout, same_text])  # the second is held as the first, which it equals
    assert same_text in prefilter.possible("gout") and _CountedPattern(r"\bgout\b") in prefilter.possible("gout")
    assert _CountedPattern(r"\bgout\b") not in prefilter.possible("asthma")


def test_a_tables_items_are_read_by_their_patterns_places_in_the_tables_order():
    gout, asthma = re.compile(r"\bgout\b", re.IGNORECASE), re.compile(r"\basthma\b", re.IGNORECASE)
    re.purge()  # else the module's cache answers the same object
    gout_again = re.compile(r"\bgout\b", re.IGNORECASE)
    assert gout_again == gout and gout_again is not gout
    gate = re.compile(r"\bflare\b", re.IGNORECASE)  # given to the prefilter, no item's pattern
    table = [asthma, gout, asthma, gout_again]  # equal patterns, two objects: one place
    prefilter = Prefilter([*table, gate])
    by_place = prefilter.indexes_by_place(table)
    assert possible_indexes(prefilter.possible_places("Gout flare, asthma stable."), by_place) == [0, 1, 2, 3]
    assert possible_indexes(prefilter.possible_places("Gout flare."), by_place) == [1, 3]
    assert possible_indexes(prefilter.possible_places("A flare."), by_place) == []
    assert possible_indexes(prefilter.possible_places("Caf\u00e9, a flare."), by_place) == [0, 1, 2, 3]


def test_the_findings_read_by_place_are_those_the_set_of_patterns_keeps_on_the_development_notes():
    from services.coding.domain.documented_findings import _FINDINGS_OF, _PREFILTER
    patterns = {p for f in FINDINGS for p in (f.pattern, f.gate) if p is not None}
    by_set = Prefilter(patterns)
    with DEVELOPMENT.open(newline="") as source:
        notes = [row["note"] for row, _ in zip(csv.DictReader(source), range(500))]
    differing = [note[:40] for note in notes for possible in [by_set.possible(note)]
                 if possible_indexes(_PREFILTER.possible_places(note), _FINDINGS_OF)
                 != [i for i, finding in enumerate(FINDINGS) if finding.pattern in possible]]
    assert differing == []


def test_membership_by_place_answers_as_the_set_does_on_the_development_notes():
    patterns = {p for f in FINDINGS for p in (f.pattern, f.gate) if p is not None}
    prefilter = Prefilter(patterns)
    with DEVELOPMENT.open(newline="") as source:
        notes = [row["note"] for row, _ in zip(csv.DictReader(source), range(300))]
    differing = [(p.pattern[:40], note[:40]) for note in notes for possible in [prefilter.possible(note)]
                 for p in patterns if (p in possible) != frozenset.__contains__(possible, p)]
    assert differing == []


@pytest.mark.parametrize("fold", [str, str.upper, str.lower])
def test_every_finding_pattern_that_matches_a_development_note_is_kept(fold):
    patterns = {p for f in FINDINGS for p in (f.pattern, f.gate) if p is not None}
    prefilter = Prefilter(patterns)
    with DEVELOPMENT.open(newline="") as source:
        notes = [fold(row["note"]) for row in csv.DictReader(source)]
    skipped = [(p.pattern[:40], note[:40]) for note in notes for p in patterns - prefilter.possible(note)
               if p.search(note)]
    assert skipped == []


@pytest.mark.parametrize("pattern, note, expected", [
    (r"\b(birth control|contraceptive) pills?\b", "Refilled her Birth Control pill today.", True),
    (r"\b(birth control|contraceptive) pills?\b", "Knee pain after a fall, no imaging.", False),
    (r"\bmemory screen(ing)?\b", "Memory loss reported by daughter.", False),  # one word of two is not enough
    (r"\bstroke\b", "Left-sided weakness since the \u017ftroke", True),  # beyond ASCII: always a candidate
])
def test_a_rule_may_match_only_a_note_holding_every_required_word(pattern, note, expected):
    assert may_match(required_literals(re.compile(pattern, re.IGNORECASE)), note) is expected


def test_a_note_is_lowered_once_for_the_rules_that_test_it_and_none_beyond_ascii():
    note = "Dual-Chamber PACEMAKER checked."
    assert lowered_note(note) == "dual-chamber pacemaker checked."
    assert lowered_note(note) is lowered_note(note)
    assert lowered_note("Caf\u00e9 visit") is None and may_match(({"pacemaker"},), "Caf\u00e9 visit")


def test_a_long_list_of_names_is_found_in_one_scan_as_the_substring_tests_find_it():
    names = frozenset(f"drugname{number}" for number in range(150)) | {"statin", "statins", "insulin pump"}
    assert len(names) >= SCANNED_FROM
    notes = ["Follow-up, on atorvastatin 40 mg.", "Uses an insulin pump.", "Takes drugname7 daily.",
             "Takes drugname daily.", "Insulin started today.", ""]
    for note in notes:
        assert may_match((names,), note) is any(name in note.lower() for name in names)
    assert may_match((names, frozenset({"daily"})), "Takes drugname149.") is False
