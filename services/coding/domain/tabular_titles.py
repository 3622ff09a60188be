"""A code's own tabular title printed in the note: EHR problem lists, orders and claims print diagnoses in the
tabular's words ("Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or
unspecified chronic kidney disease"), and a coder reads such a title as exactly its code. The term index reads at
most a few words at a time, so a long title is misread from the words inside it ("stage 4") or missed.

Titles are matched word for word as the term keys are (case, punctuation, "of/the/a/an", plurals and possessives
folded); words in parentheses or square brackets are nonessential on both sides ("Body mass index [BMI] 40.0-44.9,
adult", "Essential (primary) hypertension"); a trailing "unspecified" may be written "NOS". Left off, it would
leave a plain term that other readings make more specific from the rest of the note ("COPD" with an exacerbation
noted elsewhere), so a title read without it would undo them. A title is
compared only where the note holds its first three words in a row (one dictionary look-up a word).
"""
import re
from collections import defaultdict
from dataclasses import dataclass

from services.coding.domain.note_terms import PARENTHESES, STOPWORDS, _fold

TABULAR_TITLE = "tabular-title"
TABULAR_TITLE_REASON = "the note prints the code's own tabular title, read whole as that code"
TITLE_CONFIDENCE = 0.97
# shorter titles are terms of the index already, read there with the same words
MIN_TITLE_WORDS = 4
_OPENING = MIN_TITLE_WORDS - 1
_NOTE_WORD = re.compile(r"[a-z0-9]+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)
# a title does not run over a sentence's or a list item's end ("40.0-44.9" keeps its decimal points)
_ITEM_END = re.compile(r"[.;:]\s|\n")


@dataclass(frozen=True)
class TitleFound:
    code: str
    title: str
    start: int
    end: int


def title_words(text: str) -> tuple[str, ...]:
    """The words a title is matched by, without its nonessential parentheses and brackets."""
    return tuple(word for word, _, _ in note_words(PARENTHESES.sub(" ", text)))


def note_words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) in the text, parentheses and brackets blanked as nonessential."""
    blanked = _blank(_POSSESSIVE, _blank(PARENTHESES, text))
    if blanked.isascii():  # lowered whole, its offsets unchanged
        return [(_fold(word), m.start(), m.end()) for m in _NOTE_WORD.finditer(blanked.lower())
                if (word := m.group()) not in STOPWORDS]
    return [(_fold(m.group().lower()), m.start(), m.end()) for m in _NOTE_WORD.finditer(blanked)
            if m.group().lower() not in STOPWORDS]


def _blank(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


class TabularTitles:
    """The billable codes' titles of at least MIN_TITLE_WORDS words, keyed by their opening words: a note is
    looked up once a word, and compared with a title only where it holds the title's first words."""

    def __init__(self, titles: list[tuple[str, str]]):
        keyed: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
        for code, title in titles:
            words = title_words(title)
            if len(words) < MIN_TITLE_WORDS:
                continue
            keyed[words].add((code, title))
            if words[-1] == "unspecified":
                keyed[words[:-1] + ("nos",)].add((code, title))
        # a wording two titles share (after the brackets are dropped) names neither for certain
        self._titles = {words: next(iter(codes)) for words, codes in keyed.items() if len(codes) == 1}
        # each opening's titles by length, longest first: the note's words of that length are one set look-up
        by_length: dict[tuple[str, ...], dict[int, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
        for words in self._titles:
            by_length[words[:_OPENING]][len(words)].add(words)
        self._by_opening = {opening: tuple((length, frozenset(titles)) for length, titles in sorted(
            lengths.items(), reverse=True)) for opening, lengths in by_length.items()}
        self._first_words = frozenset(words[0] for words in self._by_opening)  # a word no title opens with: skipped

    def __len__(self) -> int:
        return len(self._titles)

    def find(self, text: str) -> list[TitleFound]:
        """The titles printed in the text, longest first where they overlap, left to right."""
        found_words = note_words(text)
        sequence = tuple(word for word, _, _ in found_words)
        found, i = [], 0
        while i <= len(sequence) - _OPENING:
            if sequence[i] not in self._first_words:
                i += 1
                continue
            match = next((words for length, titles in self._by_opening.get(sequence[i:i + _OPENING], ())
                          if (words := sequence[i:i + length]) in titles
                          and not _ITEM_END.search(text, found_words[i][1], found_words[i + length - 1][2])),
                         None)
            if match is None:
                i += 1
                continue
            code, title = self._titles[match]
            found.append(TitleFound(code, title, found_words[i][1], found_words[i + len(match) - 1][2]))
            i += len(match)
        return found
