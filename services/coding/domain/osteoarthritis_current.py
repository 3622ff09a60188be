"""An osteoarthritis whose entry goes on to a treatment already given ("R knee OA - s/p steroid inj 3 wks ago,
improved") is the joint's disease today: an injection or a course of therapy eases it and leaves it (guideline
I.C.13; `chronic_conditions.NEVER_OVER`), so the dated clause after it dates the treatment, not the disease.
Everything before the mention (a "history of", a relative's, a denial) is read as for any condition.
"""
import re

from services.coding.domain.note_text import current, current_without

# the clause after the mention that names a treatment of the joint ("- s/p steroid inj", ", injected 2023",
# "- after PT x 6 wks"), up to the sentence's end; not an arthroplasty, which does take the joint away
_TREATMENT_CLAUSE = re.compile(
    r"[ \t]*[-\u2013\u2014,;:][ \t]*(?:s/p|status post|after|had|got|received)?[ \t]*[^.;\n]{0,40}?"
    r"\b(?:inj|injs|injection|injections|injected|steroid|cortisone|kenalog|visco\w*|hyaluronic|gel shots?|prp|"
    r"pt|physical therapy)\b(?![^.;\n]*\b(?:arthroplasty|replacement|tka|tha|tkr|thr)\b)[^.;\n]*",
    re.IGNORECASE)


def osteoarthritis_current(note: str, start: int, end: int) -> bool:
    """Current, or current once the clause after it that names a treatment already given is set aside."""
    if current(note, start, end):
        return True
    clause = _TREATMENT_CLAUSE.match(note, end)
    if clause is None:
        return False
    return current_without(note, start, end, clause.start(), clause.end())
