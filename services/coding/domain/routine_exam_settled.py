"""A routine exam whose findings were left open is settled once every other convention has read the note.

The exam is held for a coder (`encounter_z_codes`) when the note names a condition without saying whether it is a
new abnormal finding. Two readings settle it (guideline I.C.21.c.13):
- a weight diagnosis stated with the body mass index measured at the exam (obesity, BMI 34) is what the exam found:
  "with abnormal findings" (Z00.01 adult, Z00.121 child), beside the diagnosis and its BMI code;
- a condition that held it but is no longer coded at the end (the disease a vaccine is named for, a word another
  rule read as something else) or is coded only below the threshold is no finding: with nothing left but the
  conditions the note presents as known and managed, the exam is "without abnormal findings".
"""
from services.coding.domain.encounter_z_codes import NAME as EXAM_RULE
from services.coding.domain.encounter_z_codes import stated_normal
from services.coding.domain.known_conditions import presented_as_known
from services.coding.domain.note_terms import CONFIDENCE, UNDER_SPECIFIED_CONFIDENCE
from services.coding.domain.routine_exam_findings import WITH_FINDINGS
from services.coding.domain.suggestions import Suggestion

WEIGHT_FINDING = "routine-exam-weight-finding"
NO_FINDING_LEFT = "routine-exam-no-finding-left"
_SURE = CONFIDENCE["default"]
_EXAM_CONFIDENCE = 0.94  # as the exam whose note states it normal or abnormal
_WEIGHT_DIAGNOSES = ("E66",)


def settle_routine_exam(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    exam = next((s for s in suggestions if s.code in WITH_FINDINGS), None)
    if exam is None or stated_normal(note):
        return suggestions, []
    weight = _weight_with_bmi(suggestions)
    if weight is not None and tabular.is_billable(WITH_FINDINGS[exam.code]):
        code = WITH_FINDINGS[exam.code]
        reason = (f"{exam.evidence}: {code}, routine exam with abnormal findings (the weight diagnosis "
                  f"{weight.code}, {weight.evidence!r}, with the BMI measured at it)")
        return _replaced(suggestions, exam, code, WEIGHT_FINDING, reason, tabular), [reason]
    if _held(exam) and not _open_findings(suggestions, note):
        reason = (f"{exam.evidence}: {exam.code}, routine exam without abnormal findings (every condition coded is "
                  f"one the note presents as known and managed)")
        return _replaced(suggestions, exam, exam.code, NO_FINDING_LEFT, reason, tabular), [reason]
    return suggestions, []


def _weight_with_bmi(suggestions: list[Suggestion]) -> Suggestion | None:
    if not any(s.code.startswith("Z68") and s.confidence >= _SURE for s in suggestions):
        return None
    return next((s for s in suggestions if s.code.startswith(_WEIGHT_DIAGNOSES) and s.context == "affirmed"
                 and s.confidence >= _SURE), None)


def _held(exam: Suggestion) -> bool:
    return exam.convention == EXAM_RULE and exam.confidence <= UNDER_SPECIFIED_CONFIDENCE


def _open_findings(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    return [s for s in suggestions if s.context == "affirmed" and not s.code.startswith("Z")
            and s.confidence >= _SURE and not presented_as_known(note, s)]


def _replaced(suggestions: list[Suggestion], exam: Suggestion, code: str, rule: str, reason: str,
              tabular) -> list[Suggestion]:
    made = exam.model_copy(update={"code": code, "description": tabular.description(code),
                                   "confidence": max(exam.confidence, _EXAM_CONFIDENCE),
                                   "convention": rule, "reason": reason})
    return [made if s is exam else s for s in suggestions]
