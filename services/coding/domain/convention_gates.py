"""What a convention cannot act without, declared by the convention: the codes among the suggestions so far, or the
words one of its patterns cannot match without.

Every convention is called on every note, and most find nothing to do on most notes, after work of their own to
find that out. A convention that declares its needs with `@needs(...)` is not called on a note that meets none of
them, with the same result as calling it: a gate must name a condition without which the convention returns the
suggestions unchanged. Declaring is opt-in: a convention without a gate is called on every note.

A convention that acts on what the tabular says of a code (a description naming no side, a category lacking its
7th character) declares that test of a code as its gate (`coded_as`): it is read once per code and remembered, the
tabular being the same for every note.
"""
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter


def coded(codes: tuple[str, ...], suggestions: list) -> bool:
    """A suggestion's code starts with one of the prefixes."""
    # a plain loop: this runs for gated conventions on every note, where a generator costs more than the test
    for suggestion in suggestions:
        if suggestion.code.startswith(codes):
            return True
    return False


CodeTest = Callable[[str, object], bool]  # (code, tabular) -> whether the convention may act on a suggestion of it


@dataclass(frozen=True)
class Gate:
    codes: tuple[str, ...] = ()  # code prefixes: a suggestion whose code starts with one opens the gate
    patterns: tuple[re.Pattern, ...] = ()  # a note that may match one (by its required words) opens it
    coded_as: CodeTest | None = None  # a suggestion whose code passes it opens the gate

    def opens(self, suggestions: list, lowered: str | None, tabular=None) -> bool:
        """`lowered` is the note in lower case, None where it is beyond ASCII (a case-blind pattern may then match
        what str.lower does not show). Without a tabular a `coded_as` gate is open. One gate alone:
        `GatedConventions` tests them all for a note."""
        if coded(self.codes, suggestions):
            return True
        if self.patterns and (lowered is None or _words(self.patterns).possible_places(lowered)):
            return True
        return self.coded_as is not None and (tabular is None or any(self.coded_as(suggestion.code, tabular)
                                                                     for suggestion in suggestions))


@lru_cache(maxsize=None)
def _words(patterns: tuple[re.Pattern, ...]) -> Prefilter:
    return Prefilter(patterns, single_letters=True)


def needs(*, codes: Iterable[str] = (), patterns: Iterable[re.Pattern] = (), coded_as: CodeTest | None = None) \
        -> Callable:
    """Marks a convention with its gate: it acts only where a suggestion's code starts with one of `codes`, the
    note may match one of `patterns`, or a suggestion's code passes `coded_as` (a pure test of the code and the
    tabular)."""
    gate = Gate(tuple(codes), tuple(patterns), coded_as)
    if not gate.codes and not gate.patterns and gate.coded_as is None:
        raise ValueError("a gate needs codes or patterns")

    def mark(convention: Callable) -> Callable:
        convention.gate = gate
        return convention
    return mark


def any_of(patterns: Iterable[re.Pattern]) -> re.Pattern:
    """The patterns as one alternation, to declare as a gate's one pattern: its required words are one set (each
    pattern's strongest), looked for in one scan of the note, where a set for each of thirty patterns costs a
    substring test a string."""
    patterns = tuple(patterns)
    if any(pattern.flags & re.VERBOSE for pattern in patterns):
        raise ValueError("a verbose pattern reads otherwise inside an alternation")
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), re.IGNORECASE)


def any_word(words: Iterable[str]) -> re.Pattern:
    """The strings as one case-blind pattern, to declare as the gate of a convention that tests the lowered note for
    each of them itself: its required words are the strings."""
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


def called(convention: Callable, suggestions: list, lowered: str | None, tabular=None) -> bool:
    gate = getattr(convention, "gate", None)
    return gate is None or gate.opens(suggestions, lowered, tabular)


class GatedConventions:
    """The conventions in their order, each with its gate, and the words of every gate's patterns looked for in one
    scan of the note: a test of each gate's words on its own cost more than the whole scan (43 us for 33 gates on a
    two-sentence note, against 11). A gate opens where one of its patterns may match or, failing that, on its codes,
    as `Gate.opens` does."""

    def __init__(self, conventions: tuple[Callable, ...]):
        gates = [getattr(convention, "gate", None) for convention in conventions]
        self._words = Prefilter((pattern for gate in gates if gate is not None for pattern in gate.patterns),
                                single_letters=True, scan=NOTE_WORDS)
        # (convention, None, None, None) where ungated, else (convention, its patterns' places, its codes, the
        # answers of its `coded_as` test by code, None where it has none)
        self.steps = tuple(
            (convention, None, None, None) if gate is None else
            (convention, frozenset(map(self._words.place_of, gate.patterns)), gate.codes,
             None if gate.coded_as is None else CodeAnswers(gate.coded_as))
            for convention, gate in zip(conventions, gates))

    def apply(self, suggestions: list, note: str, tabular) -> list:
        """Each convention in its turn on what the ones before it left, a gated one only where its gate opens. The
        gate's test is written out in the loop rather than called: a call for each gated convention was 42 calls a
        note for a test of a set and a tuple."""
        met = self._words.possible_places(note)  # every gate's words, in one scan of the note
        for convention, places, codes, answers in self.steps:
            if places is None or not places.isdisjoint(met) or codes and coded(codes, suggestions) \
                    or answers is not None and answers.any_passes(suggestions, tabular):
                suggestions, _ = convention(suggestions, note, tabular)
        return suggestions


class CodeAnswers:
    """A `coded_as` test's answers by code for one tabular: a code is tested once, not on every note that has it
    (the test reads the tabular's description or 7th characters and searches it). Another tabular starts afresh;
    none (the dispatch's tests) opens the gate, as `Gate.opens` does."""

    def __init__(self, test: CodeTest):
        self._test, self._tabular, self._answers = test, None, {}

    def any_passes(self, suggestions: list, tabular) -> bool:
        if tabular is None:
            return True
        if tabular is not self._tabular:
            self._tabular, self._answers = tabular, {}
        answers = self._answers
        for suggestion in suggestions:
            answer = answers.get(suggestion.code)
            if answer is None:
                answer = answers[suggestion.code] = bool(self._test(suggestion.code, tabular))
            if answer:
                return True
        return False


@lru_cache(maxsize=2)
def gated(conventions: tuple[Callable, ...]) -> GatedConventions:
    """The conventions' gates, read once rather than on every note."""
    return GatedConventions(conventions)
