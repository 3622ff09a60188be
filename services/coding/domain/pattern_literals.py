"""The words a regular expression cannot match without, read from its parsed form.

The suggester runs over a hundred finding patterns on every note, and most notes hold the words of a few.
A pattern with a required word absent from the note cannot match it, and looking for a word costs a fraction
of a regex scan: patterns are skipped on that test alone, with the same result as running them.
"""
import re
from re import _constants as sre  # the parser's opcodes
from re import _parser

Required = tuple[frozenset[str], ...]  # every match holds one string of each set (lower case)


def required_literals(pattern: re.Pattern) -> Required:
    """Sets of strings, every match of the pattern holding one string of each set (compared after str.lower);
    empty where nothing is required that a substring test can see (a class, a repetition that may be empty)."""
    return tuple(sorted(set(_sequence(_parser.parse(pattern.pattern, pattern.flags))),
                        key=lambda strings: (-min(map(len, strings)), sorted(strings))))


class Prefilter:
    """The patterns that may match a note, found by substring tests of their required words."""

    def __init__(self, patterns):
        self._required = {pattern: required_literals(pattern) for pattern in patterns}
        self._literals = frozenset(s for required in self._required.values() for strings in required
                                   for s in strings)

    def possible(self, note: str) -> frozenset[re.Pattern] | set[re.Pattern]:
        """Every pattern that can match the note (some that cannot may be among them). A note with characters
        beyond ASCII gets all: re.IGNORECASE folds them otherwise than str.lower ("\\u017f" matches "s")."""
        if not note.isascii():
            return frozenset(self._required)
        lowered = note.lower()
        present = {s for s in self._literals if s in lowered}
        return {pattern for pattern, required in self._required.items()
                if all(not strings.isdisjoint(present) for strings in required)}


def _sequence(items) -> list[frozenset[str]]:
    """The required sets of a sequence: its runs of literal characters and its required sub-items."""
    found, run = [], []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and av < 128:  # beyond ASCII, a pattern's letter may match an ASCII one ("\u212a")
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, None):  # a look-around or boundary requires no characters
            found.extend(_item(op, av))
    return found


def _item(op, av) -> list[frozenset[str]]:
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:  # one of the branches: each must give a set, and the union is required
        branches = [_sequence(branch) for branch in av[1]]
        if not all(branches):
            return []
        return [frozenset().union(*(max(b, key=lambda strings: min(map(len, strings))) for b in branches))]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    return []
