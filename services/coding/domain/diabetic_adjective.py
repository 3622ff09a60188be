"""Diabetes named by its complication's adjective: "diabetic peripheral polyneuropathy", "diabetic retinopathy",
"diabetic CKD" document the diabetes as well as the complication (ICD-10-CM index: "Polyneuropathy, diabetic -
see E08-E13 with .42"). Where the note codes no current diabetes otherwise (its mention is under a history
heading, "Hx T2DM x15y", or absent), the diabetes is added with the type the note states, else type 2 (guideline
I.C.4.a.2: E11 is the default when the type is not documented), and `diabetes_combination` then makes the
combination code from it. Not for a denied, uncertain, past or relative's complication.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_context import mention_scope
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence, uncertain
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "diabetic-adjective"
# the complications diabetes_combination pairs: polyneuropathy (.42), retinopathy (.319), chronic kidney disease (.22),
# nephropathy (.21)
_NAMED = re.compile(r"\bdiabetic\s+((peripheral|sensory|distal|symmetric|sensorimotor)\s+){0,3}polyneuropath\w*|"
                    r"\bdiabetic\s+retinopathy\b|\bdiabetic\s+(chronic kidney disease|ckd|nephropathy)\b", re.IGNORECASE)
_TYPE_1 = re.compile(r"\btype (1|i|one) diabetes\b", re.IGNORECASE)


# the patient called "a type 1 (2) diabetic": the noun states the diabetes and its type, which no index term meets
_TYPED_DIABETIC = re.compile(r"\btype\s*-?\s*((?P<one>1|i|one)|2|ii|two)\s+diabetic\b", re.IGNORECASE)


@needs(patterns=(_TYPED_DIABETIC, _NAMED))
def diabetes_named_by_complication(suggestions: list[Suggestion], note: str,
                                   tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code[:3] in ("E08", "E09", "E10", "E11", "E13") and s.context == "affirmed" for s in suggestions):
        return suggestions, []
    typed = next((m for m in _TYPED_DIABETIC.finditer(note) if _patients_now(note, m)), None)
    if typed is not None:
        code = "E10.9" if typed.group("one") else "E11.9"
        reason = f"{typed.group(0)} documents the diabetes and its type: {code}, for the combination code"
        return [*suggestions, from_rule(code, typed, tabular, NAME, reason)], [reason]
    match = next((m for m in _NAMED.finditer(note) if _patients_now(note, m)), None)
    if match is None:
        return suggestions, []
    code = "E10.9" if _TYPE_1.search(note) else "E11.9"
    reason = (f"{match.group(0)} documents the diabetes: {code} (type 2 when the note states no type), "
              "for the combination code")
    return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [reason]


def _patients_now(note: str, match: re.Match) -> bool:
    """Said of the patient, now: not a relative ("her mother, a type 2 diabetic", "mom w/ diabetic CKD"), denied,
    doubted or past."""
    return mention_scope(note, match.start(), match.end()) is None and not uncertain(note, match.start(), match.end()) \
        and not FAMILY.search(sentence(note, match.start(), match.end())) \
        and not NEGATION.search(before(note, match.start())[-25:])
