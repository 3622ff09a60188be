"""Misspelt clinical words read as the index word they were meant to be ("hypertention", "osteoporossis").

Dictated and typed notes misspell long medical words by one letter far more often than they write a different
long word one letter away from one. A word of the note that the tabular never writes, at least MIN_LENGTH
letters long, is read as the one word of the indexed terms a single edit (a letter added, dropped, changed, or two
swapped) away from it; with no such word, or several, it is left as written. Short words are never touched: one
letter apart they are often two real words ("ileum"/"ilium"). Nor is a word's first or last letter: there one
letter makes another real word or an inflection, not a typing slip ("afebrile"/"febrile", "paternal"/"maternal",
"repleted"/"depleted", "declined"/"decline", "continue"/"continua").
"""
import re
from collections import defaultdict
from typing import Iterable

from services.coding.domain.note_terms import key

MIN_LENGTH = 8
# correctly spelt clinical words the tabular never writes that lie one edit from an index word: "resection" is not
# a misspelt "rejection", "regained" (full range) not a misspelt "retained", "skipping" (doses) not "slipping"
ALSO_KNOWN = frozenset({"resection", "resections", "regained", "skipping"})
_LONG_WORD = re.compile(r"\b[A-Za-z]{%d,}\b" % MIN_LENGTH)


class Respeller:
    """vocabulary: the words a misspelling may be read as (the index's terms); known: other correctly spelt words
    (the whole tabular's), never read as anything else."""

    def __init__(self, vocabulary: Iterable[str], known: Iterable[str] = ()):
        self._vocabulary = frozenset(vocabulary)
        self._known = self._vocabulary | frozenset(known) | ALSO_KNOWN
        by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self._vocabulary:
            if len(word) >= MIN_LENGTH - 1 and word.isalpha():
                for variant in _deletions(word):
                    by_deletion[variant].add(word)
        self._by_deletion = {k: frozenset(v) for k, v in by_deletion.items()}
        self._cache: dict[str, str] = {}
        self._meant: dict[str, str | None] = {}

    def meant(self, word: str) -> str | None:
        """The index word a note's word (lower case) misspells, folded as the index keys words ("infections" is
        the index's "infection", no misspelling), else None; remembered, as the same words recur note after note."""
        if word not in self._meant:
            folded = key(word)
            corrected = self.correct_key(folded)
            self._meant[word] = corrected if corrected != folded else None
        return self._meant[word]

    def correct_key(self, text_key: str) -> str:
        """correct() for each word of a token's key (a token may hold two: "type-2"); the common case, a short
        or known word, returns at once: this runs on every token of every note."""
        if len(text_key) < MIN_LENGTH or text_key in self._known:
            return text_key
        if " " in text_key:
            return " ".join(self.correct(w) for w in text_key.split(" "))
        return self.correct(text_key)

    def correct(self, word: str) -> str:
        """The index word the note's word misspells by one edit, else the word as written."""
        if len(word) < MIN_LENGTH or word in self._known or not word.isalpha():
            return word
        if word not in self._cache:
            candidates = set(self._by_deletion.get(word, ()))  # a letter dropped
            for variant in _deletions(word):  # a letter added, changed or two swapped
                candidates.update(c for c in self._by_deletion.get(variant, ()) if _one_edit(word, c))
                if variant in self._vocabulary:
                    candidates.add(variant)
            candidates = {c for c in candidates if c[0] == word[0] and c[-1] == word[-1]}
            self._cache[word] = next(iter(candidates)) if len(candidates) == 1 else word
        return self._cache[word]


def misspellings(text: str, respeller: Respeller) -> list[tuple[int, int, str]]:
    """(start, end, word) for each misspelt word of the text, the word written in the note's case, so that every
    reading of the note (the rule findings' patterns as well as the term index) meets the word it was meant to be:
    "primary osteoarthiritis R knee" is the knee's osteoarthritis, "community acquired pnuemonia" a pneumonia."""
    found = []
    for match in _LONG_WORD.finditer(text):
        written = match.group(0)
        meant = respeller.meant(written.lower())
        if meant is not None:
            found.append((match.start(), match.end(), _in_case_of(written, meant)))
    return found


def _in_case_of(written: str, word: str) -> str:
    if written.isupper():
        return word.upper()
    return word.capitalize() if written[0].isupper() else word


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(word: str, other: str) -> bool:
    """Same length: one letter changed or two neighbours swapped (a shared deletion alone also admits others)."""
    if len(word) != len(other):
        return abs(len(word) - len(other)) == 1
    diff = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]])
