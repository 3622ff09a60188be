"""Valve regurgitation an echo grades as trace, trivial or physiologic ("trace physiologic mitral regurgitation",
"trivial TR"): a leak most normal valves show, which the reader reports as no disease. An abnormal finding is coded
only where the provider calls it clinically significant (guidelines III.B, IV.K), and a grade below mild says it
is not; the code goes to a coder, below the auto-accept threshold. "Mild" or worse keeps the code.
"""
import re

from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

NAME = "physiologic-regurgitation"
# nonrheumatic and rheumatic insufficiency of each valve
_REGURGITATION = ("I34.0", "I35.1", "I36.1", "I37.1", "I05.1", "I06.1", "I07.1")
_NORMAL_GRADE = r"(trace|trivial|physiologic(al)?)"
# the grade before the leak in its own clause ("trace physiologic mitral regurgitation", "trivial TR")
_GRADE_BEFORE = re.compile(r"\b" + _NORMAL_GRADE + r"\b[\w\s-]{0,25}$", re.IGNORECASE)
# or right after it ("mitral regurgitation, trace", "TR (physiologic)")
_GRADE_AFTER = re.compile(r"^[\s,:(-]*" + _NORMAL_GRADE + r"\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;,\n:]")


def _clause_before(note: str, start: int) -> str:
    ends = [m.end() for m in _CLAUSE_END.finditer(note, max(0, start - 60), start)]
    return note[(ends[-1] if ends else max(0, start - 60)):start]


def graded_normal(note: str, start: int, end: int) -> bool:
    """The regurgitation at note[start:end] is graded below mild, before it in its clause or right after it."""
    return bool(_GRADE_BEFORE.search(_clause_before(note, start)) or _GRADE_AFTER.match(note[end:end + 20]))


def physiologic_regurgitation(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion],
                                                                                         list[str]]:
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith(_REGURGITATION) and s.context == "affirmed" and graded_normal(note, s.start, s.end):
            reason = f"{s.evidence}: {s.code} graded below mild, a normal valve's leak rather than a disease"
            out.append(for_a_coder(s, NAME, reason))
            reasons.append(reason)
        else:
            out.append(s)
    return out, reasons
