"""A nerve entrapment its operation released, the note saying it is gone: "R carpal tunnel syndrome s/p R carpal
tunnel release 2022, asymptomatic since", "L cubital tunnel syndrome, s/p ulnar nerve transposition 2019, resolved",
"left carpal tunnel release 2019, no symptoms since", "s/p R carpal tunnel release 3 months ago; numbness resolved".

The release ends the compression: with the symptoms gone, the syndrome no longer exists and is not treated, which is
the nervous system's personal history (Z86.69; guideline I.C.21.c.4). The operation must be done (after "s/p", or
dated by a year or a time ago) and the end said after it, in its sentence or the clause after a ";". Not an operation
planned or discussed, nor one the same words say did not end it (symptoms still there, back, or worse), nor the
other side's syndrome named in a sentence of its own.
"""
import re

from services.coding.domain.clot_course import sentence_and_next_clause

_OPERATION = r"(release|decompression|transposition|neurolysis)"
_PAST_TIME = r"((19|20)\d\d|\d+ (days?|wks?|weeks?|mos?|months?|yrs?|years?) ago|last (year|yr))"
# the operation done: "s/p (R) ... release", or the release dated after it ("release 2019", "release 3 months ago")
_DONE = re.compile(r"\b(s/p|status post)( \w+){0,4} " + _OPERATION + r"\b|\b" + _OPERATION + r",? (in )?"
                   + _PAST_TIME, re.IGNORECASE)
_GONE = re.compile(r"(?<!\bnot )\b(resolved|asymptomatic|symptom[- ]free|no symptoms|no (residual )?numbness|"
                   r"no recurrence|(fully )?recovered|full recovery)\b", re.IGNORECASE)
_NOT_OVER = re.compile(r"\b(planned|plan|scheduled|schedule|pending|recommended|discussed|consider\w*|referr\w*|"
                       r"candidate|recurrent|recurred|recurrence|returned|persist\w*|still|worse|worsening|again|"
                       r"revision|partial\w*|partly|incomplete\w*)\b", re.IGNORECASE)
_NO_RECURRENCE = re.compile(r"\bno (evidence of )?recurrence\b", re.IGNORECASE)


def released_and_over(note: str, start: int, end: int) -> bool:
    """The entrapment at note[start:end] was released by an operation done, and its end is said after it."""
    first, last = sentence_and_next_clause(note, start, end)
    done = next((m for m in _DONE.finditer(note, first, last) if m.end() > end), None)
    return done is not None and bool(_GONE.search(note, done.end(), last)) \
        and not _NOT_OVER.search(_NO_RECURRENCE.sub("", note[first:last]))
