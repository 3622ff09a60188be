"""A diabetes the note calls secondary is coded to its cause's category, not to type 2.

The index's default for a diabetes without a type is type 2 (E11, guideline I.C.4.a.2), but a diabetes the
provider attributes to something is not typeless: "Diabetes, due to drug or chemical" (steroid-induced,
olanzapine-induced, "diabetes due to prednisone") is E09, and "Diabetes, due to underlying condition" (secondary
diabetes, diabetes due to chronic pancreatitis, pancreatogenic or cystic fibrosis-related diabetes) is E08, whose
"code first" note names the condition. The complication the combination rules read stays: E11.65 "with
hyperglycemia" becomes E09.65. A mention that states type 1 or 2 keeps its code, and a cause the note only
supposes ("? steroid-induced") or places in the past ("steroid-induced diabetes, resolved") does not move it.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.diabetic_complications import TYPE_STATED
from services.coding.domain.note_text import uncertain
from services.coding.domain.suggestions import Suggestion, as_sibling

NAME = "diabetes-secondary-type"

_DIABETES = r"(diabetes|dm)(\s+mellitus)?"
# the drugs the tabular's E09 is most often written with; a class or a "-induced" prefix covers the rest
_DRUG = (r"(drugs?|medications?|chemicals?|(gluco|cortico)?steroids?|glucocorticoids?|prednis\w+|dexamethasone|"
         r"hydrocortisone|antipsychotics?|olanzapine|clozapine|quetiapine|risperidone|tacrolimus|cyclosporine|"
         r"thiazides?|checkpoint inhibitors?|immunotherapy|pentamidine)")
_CAUSE_CUE = r"(due to|secondary to|caused by|induced by|from|related to)"
# conditions the tabular's E08 "code first" note lists, and the index's other pancreatic and hormonal causes
_CONDITION = (r"((chronic|acute|recurrent|alcoholic|alcohol-induced|hereditary)\s+)*(pancreatitis|pancreatic\s+\w+|"
              r"cystic fibrosis|cushing\w*( syndrome| disease)?|hemochromatosis|acromegaly|malnutrition|"
              r"congenital rubella|pheochromocytoma|glucagonoma)")
_DRUG_INDUCED = re.compile(
    rf"\b(?!pregnancy|gestation)[a-z]+[- ]induced\s+{_DIABETES}\b|"
    rf"\b{_DIABETES},?\s+{_CAUSE_CUE}\s+(long-term\s+|high-dose\s+|chronic\s+)?{_DRUG}\b|"
    rf"\b{_DRUG}-(related|associated)\s+{_DIABETES}\b", re.IGNORECASE)
_UNDERLYING = re.compile(
    rf"\bsecondary\s+{_DIABETES}\b|\b(pancreatogenic|pancreatic|type\s*3c)\s+{_DIABETES}\b|"
    rf"\b(cystic fibrosis|cf)[- ]related\s+{_DIABETES}\b|\bcfrd\b|"
    rf"\b{_DIABETES},?\s+{_CAUSE_CUE}\s+(an?\s+|the\s+|his\s+|her\s+)?{_CONDITION}", re.IGNORECASE)
_PANCREAS_OUT = (r"((total|partial|distal|subtotal|completion|central)\s+)?pancreatectomy|"
                 r"whipple( procedure)?|pancreaticoduodenectomy")
_POSTPROCEDURAL = re.compile(
    rf"\bpost-?(pancreatectomy|whipple)\s+{_DIABETES}\b|"
    rf"\b{_DIABETES}\b[^.;\n]{{0,30}}?\b(post-?pancreatectomy|(after|following|since|from|due to|secondary to)\s+"
    rf"(the\s+|an?\s+|his\s+|her\s+)?({_PANCREAS_OUT}))\b", re.IGNORECASE)
# an operation still to come leaves no diabetes yet ("risk of diabetes after the planned pancreatectomy")
_TO_COME = re.compile(r"\b(planned|scheduled|upcoming|will|would|risk|if|expected|anticipated|likely|may|might|could)\b",
                      re.IGNORECASE)
POSTPROCEDURAL_HYPOINSULINEMIA = "E89.1"
_PAST_AFTER = re.compile(r"^[\s,(-]*((has|had|was|now|since|fully)\s+)*(resolved|remitted|reversed|gone)\b",
                         re.IGNORECASE)
_CATEGORIES = (("E13", _POSTPROCEDURAL, "after a pancreatectomy (postprocedural)"),
               ("E09", _DRUG_INDUCED, "due to a drug or chemical"),
               ("E08", _UNDERLYING, "due to an underlying condition"))


def _sentence_bounds(note: str, start: int, end: int) -> tuple[int, int]:
    first = max(note.rfind(mark, 0, start) for mark in ".;\n") + 1
    stops = [i for i in (note.find(mark, end) for mark in ".;\n") if i >= 0]
    return first, min(stops, default=len(note))


def secondary_cause(note: str, start: int, end: int) -> tuple[str, str, str] | None:
    """The E08/E09 category of the diabetes mention note[start:end] where its sentence attributes it to a drug or
    a condition, with the words that do; None where it states no cause, only supposes one or says it resolved."""
    first, last = _sentence_bounds(note, start, end)
    for category, pattern, what in _CATEGORIES:
        for match in pattern.finditer(note, first, last):
            cue_start, cue_end = match.start(), match.end()
            if (uncertain(note, cue_start, cue_end) or _PAST_AFTER.search(note[cue_end:cue_end + 25])
                    or TYPE_STATED.search(note[first:last])
                    or (category == "E13" and _TO_COME.search(note, first, last))):
                continue
            return category, what, match.group(0)
    return None


# a note without one of these words has no cause for the convention to read: it returns its input
_CAUSE_WORDS = re.compile(r"induced|secondary|due to|caused by|from|related|pancrea|whipple|cfrd", re.IGNORECASE)


@needs(patterns=(_CAUSE_WORDS,))
def diabetes_secondary_type(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not any(s.code.startswith(("E11", "E13")) and s.context == "affirmed" for s in suggestions):
        return suggestions, []  # only a type 2 or other code found affirmed is read: the note's words need no reading
    if not _CAUSE_WORDS.search(note):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        found = (secondary_cause(note, s.start, s.end) if s.code.startswith(("E11", "E13")) and s.context == "affirmed"
                 else None)
        code = found[0] + s.code[3:] if found and (s.code.startswith("E11") or found[0] == "E13") else None
        if code and code != s.code and tabular.is_billable(code):
            reason = f"{found[2]!r}: diabetes {found[1]}, {code} in place of type 2's {s.code}"
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                     "reason": reason})
            reasons.append(reason)
        out.append(s)
        if code and code.startswith("E13") and tabular.is_billable(code) and not any(
                o.code == POSTPROCEDURAL_HYPOINSULINEMIA for o in out):
            reason = f"{found[2]!r}: {POSTPROCEDURAL_HYPOINSULINEMIA}, postprocedural hypoinsulinemia beside {code}"
            out.append(as_sibling(s, POSTPROCEDURAL_HYPOINSULINEMIA, tabular, NAME, reason))
            reasons.append(reason)
    return out, reasons
