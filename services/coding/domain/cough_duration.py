"""A cough's stated duration names its subcategory: R05.1 acute, R05.2 subacute, R05.3 chronic.

The tabular splits cough by course, and a note often gives the course only as a length of time ("cough for five
weeks", "4-month history of dry cough", "cough x 10 days"). The duration bands are the ones pulmonology uses to
sort a cough: acute under three weeks, subacute three to eight weeks, chronic beyond eight. A length at a band's
edge (three weeks, eight weeks, two months) is left to the clinician's word, as is a sentence giving two lengths
that fall in different bands. The code replaces the unspecified R05.9 found on the same words; a cough the note
already calls acute, subacute or chronic keeps what the index gave it.
"""
import re
from fractions import Fraction

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence, sentence_start
from services.coding.domain.suggestions import Suggestion, to_siblings

NAME = "cough-by-duration"
UNSPECIFIED = "R05.9"
_BY_BAND = {"acute": "R05.1", "subacute": "R05.2", "chronic": "R05.3"}

_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_NUMBER = r"\d{1,3}|" + "|".join(n for n in _NUMBERS if n not in ("a", "an"))
_UNIT = r"days?|d|weeks?|wks?|w|months?|mos?|mths?"
# "for 5 weeks", "x 10 days", "over the past 3 months", "of about four months": a length after the cough
_AFTER = re.compile(rf"(?:\bfor|\bx|×|\bover|\bof|\bpast|\blast|\blasting)\s*(?:the\s+)?(?:(?:past|last|about|approximately|"
                    rf"around|nearly|almost|over)\s+)?(?P<n>{_NUMBER})\s*-?\s*(?P<unit>{_UNIT})\b", re.IGNORECASE)
# "a 4-month history of cough", "3 months of dry cough", "five-week cough": a length before it
_BEFORE = re.compile(rf"\b(?P<n>{_NUMBER})\s*-?\s*(?P<unit>{_UNIT})(?:\s+(?:history\s+)?of\b|-?\s*(?:old\s+)?"
                     rf"(?=(?:\w+\s+)?cough))", re.IGNORECASE)
# a length read after the cough belongs to it only near it and before any treatment ("cough; azithromycin x 5 days")
_NEAR = 45
_TREATMENT = re.compile(r"\b(mg|mcg|tabs?|course|started|start|prescribed|given|rx|treated|trial)\b|"
                        r"(mycin|cillin|cycline|floxacin|sone|lone)\b", re.IGNORECASE)
_COURSE_WORD = re.compile(r"\b(acute|subacute|chronic|persistent|refractory)\b", re.IGNORECASE)
_COUGH = re.compile(r"\bcough", re.IGNORECASE)


def _weeks(number: str, unit: str) -> Fraction:
    n = Fraction(int(number)) if number.isdigit() else Fraction(_NUMBERS[number.lower()])
    unit = unit.lower()
    if unit.startswith("d"):
        return n / 7
    if unit.startswith("w"):
        return n
    return n * Fraction(13, 3)  # a month as 4 1/3 weeks; two months (8 2/3) is held at the edge below


def band(number: str, unit: str) -> str | None:
    """The course a stated length puts a cough in, or None at a band's edge."""
    if unit.lower().startswith("m") and number.lower() in ("2", "two"):
        return None
    weeks = _weeks(number, unit)
    if weeks in (3, 8) or weeks == 0:
        return None
    return "acute" if weeks < 3 else "subacute" if weeks < 8 else "chronic"


def stated_course(note: str, start: int, end: int) -> str | None:
    """The one course the lengths of the cough's sentence give (after the cough, or before it naming it)."""
    sentence_begins = sentence_start(note, start)
    text = sentence(note, start, end)
    cough_at = start - sentence_begins
    lengths = [m for m in _AFTER.finditer(text)
               if cough_at <= m.start() <= cough_at + _NEAR and not _TREATMENT.search(text[cough_at:m.start()])]
    lengths += [m for m in _BEFORE.finditer(text) if m.end() <= cough_at + 1 and _COUGH.search(text, m.end())]
    bands = {band(m.group("n"), m.group("unit")) for m in lengths}
    return bands.pop() if len(bands) == 1 else None


@needs(codes=(UNSPECIFIED,))
def cough_by_duration(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    def sibling_for(s: Suggestion) -> tuple[str, str] | None:
        if s.code != UNSPECIFIED or not _COUGH.search(s.evidence):
            return None
        if _COURSE_WORD.search(sentence(note, s.start, s.end)):
            return None
        course = stated_course(note, s.start, s.end)
        code = _BY_BAND.get(course)
        if code is None or not tabular.is_billable(code):
            return None
        return code, f"a cough of the stated length is {course}: {code}"
    return to_siblings(suggestions, sibling_for, tabular, NAME)
