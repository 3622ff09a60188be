"""A routine exam at which a sign or an abnormal result is found is an exam "with abnormal findings" (Z00.01 adult,
Z00.121 child; guidelines I.C.21.c.13: code the findings beside it).

The codes of chapter 18 (R00-R99) are signs, symptoms and abnormal findings, not established conditions, so one
the note affirms at the exam ("BP 146/92 ... no history of hypertension", R03.0; "fasting glucose 112", R73.01) is a
finding of this exam, as is a breast lump (N63, the index's "Lump, breast": a finding, not a diagnosis). Read after
every other rule, since the signs are made late (the raised reading among them).
An exam the note states is "with abnormal findings" is one. A note that states the exam normal in so many words keeps
the code it says; a chronic condition alone does not
make an exam abnormal, nor does a sign held below a rule's confidence or one read in the past or a relative.
"""
from services.coding.domain.encounter_z_codes import stated_normal
from services.coding.domain.note_text import negated_before, word_pattern
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.suggestions import Suggestion

NAME = "routine-exam-with-findings"
WITH_FINDINGS = {"Z00.00": "Z00.01", "Z00.129": "Z00.121", "Z01.419": "Z01.411"}
_SURE = CONFIDENCE["default"]  # a finding stated as surely as an index term
_FINDINGS = ("R", "N63")
STATED_ABNORMAL = word_pattern(r"with abnormal findings?")


def routine_exam_with_findings(suggestions: list[Suggestion], note: str,
                               tabular) -> tuple[list[Suggestion], list[str]]:
    exam = next((s for s in suggestions if s.code in WITH_FINDINGS), None)
    if exam is None or stated_normal(note):
        return suggestions, []
    finding = next((s for s in suggestions if s.code.startswith(_FINDINGS) and s.context == "affirmed"
                    and s.confidence >= _SURE), None)
    stated = next((m for m in STATED_ABNORMAL.finditer(note) if not negated_before(note, m.start())), None)
    code = WITH_FINDINGS[exam.code]
    if (finding is None and stated is None) or not tabular.is_billable(code):
        return suggestions, []
    found = f"{finding.code}, {finding.evidence!r}" if finding is not None else f"stated {stated.group(0)!r}"
    reason = f"{exam.evidence}: {code}, routine exam with abnormal findings ({found})"
    made = exam.model_copy(update={"code": code, "description": tabular.description(code),
                                   "confidence": max(exam.confidence, finding.confidence if finding else _SURE, _SURE),
                                   "convention": NAME, "reason": reason})
    return [made if s is exam else s for s in suggestions], [reason]
