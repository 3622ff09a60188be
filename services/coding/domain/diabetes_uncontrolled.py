"""Diabetes the note calls "uncontrolled", coded as diabetes without complications: a question for a coder.

The index sends "Diabetes, uncontrolled" to two codes by what the word means: "meaning hyperglycemia" E1x.65,
"meaning hypoglycemia" E1x.649. Only the provider can say which (a glucose or an A1c is a value a coder may not
read as a diagnosis), and E1x.9 "without complications" is neither: billed as it stands it contradicts the note.
So the E1x.9 of a diabetes its sentence calls uncontrolled goes to a coder, who queries the provider; a
"poorly controlled" diabetes is E1x.65 by its own index entry (`diabetes_control`) and is not touched.
"""
import re

from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

NAME = "diabetes-uncontrolled"
REASON = ("{evidence!r} is called uncontrolled: the index codes that as hyperglycemia (E1x.65) or hypoglycemia "
          "(E1x.649) by what the provider means, and {code} is neither; a coder queries")
_WITHOUT_COMPLICATIONS = ("E10.9", "E11.9", "E13.9")
_WORD = r"((?<!not )(?<!never )uncontrolled|not controlled|not under control)"
# said of the diabetes itself: right after it ("T2DM, uncontrolled", "DM2 - not controlled") or right before it
# ("uncontrolled type 2 diabetes"), not of another problem of the sentence ("T2DM stable; HTN uncontrolled")
_AFTER = re.compile(r"^[^\w.;]{0,3}((?!and\b)\w+[^\w.;]{1,3}){0,2}?" + _WORD + r"\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b" + _WORD + r"[^\w.;]{1,3}$", re.IGNORECASE)


def uncontrolled_diabetes(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        if s.code in _WITHOUT_COMPLICATIONS and s.context == "affirmed" and \
                (_AFTER.search(note[s.end:s.end + 40]) or _BEFORE.search(note[max(0, s.start - 20):s.start])):
            reason = REASON.format(evidence=s.evidence, code=s.code)
            s = for_a_coder(s, NAME, reason)
            reasons.append(reason)
        out.append(s)
    return out, reasons
