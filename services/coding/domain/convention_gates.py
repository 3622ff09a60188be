"""What a convention cannot act without, declared by the convention: the codes among the suggestions so far, or the
words one of its patterns cannot match without.

Every convention is called on every note, and most find nothing to do on most notes, after work of their own to
find that out. A convention that declares its needs with `@needs(...)` is not called on a note that meets none of
them, with the same result as calling it: a gate must name a condition without which the convention returns the
suggestions unchanged. Declaring is opt-in: a convention without a gate is called on every note.
"""
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from services.coding.domain.pattern_literals import Required, any_may_match, lowered_note, required_literals


@dataclass(frozen=True)
class Gate:
    codes: tuple[str, ...] = ()  # code prefixes: a suggestion whose code starts with one opens the gate
    words: tuple[Required, ...] = ()  # the required strings of patterns: a note that may match one opens it

    def opens(self, suggestions: list, lowered: str | None) -> bool:
        """`lowered` is the note in lower case, None where it is beyond ASCII (a case-blind pattern may then match
        what str.lower does not show)."""
        # plain loops: this runs for every gated convention on every note, where generators cost more than the test
        codes = self.codes
        if codes:
            for suggestion in suggestions:
                if suggestion.code.startswith(codes):
                    return True
        return any_may_match(self.words, lowered)


def needs(*, codes: Iterable[str] = (), patterns: Iterable[re.Pattern] = ()) -> Callable:
    """Marks a convention with its gate: it acts only where a suggestion's code starts with one of `codes` or the
    note may match one of `patterns`."""
    gate = Gate(tuple(codes), tuple(required_literals(pattern) for pattern in patterns))
    if not gate.codes and not gate.words:
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


def called(convention: Callable, suggestions: list, lowered: str | None) -> bool:
    gate = getattr(convention, "gate", None)
    return gate is None or gate.opens(suggestions, lowered)


@lru_cache(maxsize=2)
def gated(conventions: tuple[Callable, ...]) -> tuple[tuple[Callable, Gate | None], ...]:
    """Each convention with its gate (None: called on every note), read once rather than on every note."""
    return tuple((convention, getattr(convention, "gate", None)) for convention in conventions)
