"""A diabetes whose type is the form's answer printed after it: "Diabetes: Yes, type 1", "Diabetes mellitus - type
1", "Diabetes? Yes (type 1, pump)".

Flowsheets and intake forms print the condition as a label and its answer after it. The index meets the label's
word alone, "diabetes", whose default is type 2 (guideline I.C.4.a.2); but the answer states the type of that same
diabetes, so a type 1 answer makes the code type 1's (E11.9 -> E10.9) before the combinations read it, and so
every untyped mention of the diabetes in the note ("Diabetes flowsheet"). A type written further off, not as the
label's answer, or a type 2 stated anywhere, is left to the type found elsewhere (`diabetes_type_elsewhere`).
"""
import re

from services.coding.domain.diabetic_complications import TYPE_STATED
from services.coding.domain.suggestions import Suggestion

NAME = "diabetes-type-answered"
# the label's colon, question mark or dash, an optional "yes", then type 1 (not a type 1 MI or block)
_TYPE_1_ANSWER = re.compile(r"[ \t]*(?:mellitus[ \t]*)?(?::|\?|[ \t]-+|[ \t]?[–—])[ \t]*"
                            r"(?:yes\b[ \t]*[,(-]?[ \t]*)?\(?[ \t]*(?:type[ \t]*-?[ \t]*(?:1|i|one)|t1dm?)\b"
                            r"(?![ \t]*(?:mi|myocardial|av|block)\b)", re.IGNORECASE)
# a type 2 stated anywhere leaves the reading to a coder (`diabetes_type_elsewhere`)
_TYPE_2 = re.compile(r"\b(type\s*-?\s*(2|ii|two)|t2dm?|dm\s?-?(2|ii)|niddm)\b"
                     r"(?!\s*(mi|myocardial|second|2nd|av|block)\b)", re.IGNORECASE)


def diabetes_type_answered(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not any(s.code.startswith("E11") for s in suggestions):
        return suggestions, []
    untyped = [s for s in suggestions if s.code.startswith("E11") and s.context == "affirmed"
               and not TYPE_STATED.search(s.evidence)]
    answered = next((m for s in untyped if (m := _TYPE_1_ANSWER.match(note, s.end))), None)
    if answered is None or _TYPE_2.search(note):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        code = "E10" + s.code[3:] if s in untyped else None
        if code and tabular.is_billable(code):
            reason = f"{s.evidence!r}: the form answers {answered.group(0).strip(' :?-')!r}, {code} in place of " \
                     f"type 2's {s.code}"
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                     "reason": reason})
            reasons.append(reason)
        out.append(s)
    return out, reasons
