"""A combination code's "without" member where the note names the complication it leaves out ("migraine with
aura, last attack 4 days unbroken, status migrainosus"): guideline I.B.9 asks for the combination code that fully
identifies the conditions, so the "without <complication>" code gives way to its "with <complication>" sibling.

Read from the tabular's own titles: the sibling is the code of the same subcategory whose title is this one's with
"without <complication>" turned into "with <complication>" ("Migraine with aura, not intractable, without status
migrainosus" -> "... with status migrainosus"), so no pair is listed by hand. The complication must be written,
current and affirmed, in the sentence that names the condition; "no status migrainosus" keeps the "without" code."""
import re

from services.coding.domain.note_text import affirmed_now, sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion, to_siblings

NAME = "named-complication"
# the complications a coder reads from their own words in the note; each is its title's phrase
_COMPLICATIONS = ("status migrainosus", "status epilepticus")
_WITHOUT = re.compile(r"\bwithout (" + "|".join(_COMPLICATIONS) + r")\b", re.IGNORECASE)
_LAST_CHARACTERS = "0123456789"


def _affirmed_in(note: str, first: int, last: int, complication: str) -> bool:
    for found in re.finditer(r"\b" + re.escape(complication) + r"\b", note[first:last], re.IGNORECASE):
        start, end = first + found.start(), first + found.end()
        if affirmed_now(note, start, end):
            return True
    return False


def _with_sibling(code: str, description: str, tabular) -> str | None:
    wanted = _WITHOUT.sub(lambda m: "with " + m.group(1), description, count=1).lower()
    for last in _LAST_CHARACTERS:
        sibling = code[:-1] + last
        if sibling != code and tabular.is_billable(sibling) and tabular.description(sibling).lower() == wanted:
            return sibling
    return None


def named_complication(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    def sibling_for(s: Suggestion) -> tuple[str, str] | None:
        stated = _WITHOUT.search(s.description or "") if s.context == "affirmed" else None
        if stated is None:
            return None
        complication = stated.group(1).lower()
        first = sentence_start(note, s.start, across_semicolons=True)
        last = sentence_end(note, s.end, across_semicolons=True)
        sibling = _with_sibling(s.code, s.description, tabular)
        if sibling is None or not _affirmed_in(note, first, last, complication):
            return None
        return sibling, f"{s.code} says without {complication}, the note names it: {sibling}"
    return to_siblings(suggestions, sibling_for, tabular, NAME)
