"""A diabetes named without its type in a note that says elsewhere it is type 1: a question for a coder.

The index's default for "diabetes" with no type is type 2 (E11.-, guideline I.C.4.a.2), which is right only when
the record states no type. A heading or an answer apart from the word ("Diabetes education visit ... Type? A: type
1") states it, but not on the mention the code was found on; billed as E11.- the code contradicts the note. So an
untyped E11.- in a note that states type 1 and never type 2 goes to a coder.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.diabetic_complications import TYPE_STATED
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

NAME = "diabetes-type-elsewhere"
REASON = "{evidence!r} states no type and the note says type 1 elsewhere: {code} is type 2's; a coder chooses"
# type 1 or 2 said of a diabetes, not of another "type 1" (a type 1 MI, a type 2 second-degree block)
_TYPE_1 = re.compile(r"\b(type\s*-?\s*(1|i|one)|t1dm?|dm\s?-?(1|i)|iddm)\b(?!\s*(mi|myocardial|hypersensitivity|"
                     r"second|2nd|av|block|error|nf|neurofibromatosis|collagen|hemangioma))", re.IGNORECASE)
_TYPE_2 = re.compile(r"\b(type\s*-?\s*(2|ii|two)|t2dm?|dm\s?-?(2|ii)|niddm)\b(?!\s*(mi|myocardial|second|2nd|av|"
                     r"block|error))", re.IGNORECASE)


@needs(codes=("E11",))
def diabetes_type_elsewhere(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _TYPE_1.search(note) or _TYPE_2.search(note):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith("E11") and s.context == "affirmed" and not TYPE_STATED.search(s.evidence):
            reason = REASON.format(evidence=s.evidence, code=s.code)
            s = for_a_coder(s, NAME, reason)
            reasons.append(reason)
        out.append(s)
    return out, reasons
