"""The CKD stage a kidney disease's manifestation asks to be coded first.

Anemia in chronic kidney disease (D63.1) carries "code first underlying chronic kidney disease (CKD) (N18.-)": a
note that names the anemia with its stage ("anemia of CKD, stage 4", "anemia in chronic kidney disease stage 3b")
documents the CKD and its stage, which the anemia's own words took into its term, so no N18.- code was found on
them. The stage its sentence states is added (run before the hypertension combination, which then presumes the
hypertension linked to that CKD: I12.-). No stage stated: a coder.
"""
from services.coding.domain.diabetic_complications import _STAGE, _stage_code
from services.coding.domain.note_text import sentence_end
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "code-first-partner"

# manifestation -> the category its tabular "code first" note names (checked in FY2026)
_CODE_FIRST_CKD = ("D63.1",)


def ckd_stage_of_manifestation(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code.startswith("N18") for s in suggestions):
        return suggestions, []
    manifestation = next((s for s in suggestions if s.code in _CODE_FIRST_CKD and s.context == "affirmed"), None)
    match = _STAGE.search(note, manifestation.start, sentence_end(note, manifestation.end)) if manifestation else None
    code = _stage_code(match) if match else None
    if code is None or not tabular.is_billable(code):
        return suggestions, []
    reason = f"{match.group(0)}: {code}, the chronic kidney disease {manifestation.code} asks to be coded first"
    return [from_rule(code, match, tabular, NAME, reason), *suggestions], [reason]
