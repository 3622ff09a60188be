"""Exposure to environmental tobacco smoke: the smoke of others the patient breathes is a status Z code of its own.

The respiratory chapter asks for it beside asthma, COPD or any lung disease ("use additional code to identify
exposure to environmental tobacco smoke", index "Exposure, tobacco smoke (second-hand)" Z77.22, inclusion terms
"second hand tobacco smoke" and "passive smoking"). A note says it in those words or by naming who smokes where the
patient lives ("both parents smoke in the house", "her husband smokes indoors"). The code excludes the patient's own
tobacco use or dependence (Excludes1 F17.-, Z72.0), so a smoker's note gets none; nor does a denied exposure ("no
smokers at home", "no secondhand smoke"). Breathed at work ("second-hand smoke at the bar where she works",
"passive smoking at his workplace") it is the occupational exposure, Z57.31, which the tabular keeps apart from
Z77.22 (Excludes2).
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule, to_siblings

NAME = "tobacco-smoke-exposure"
CODE = "Z77.22"
AT_WORK_CODE = "Z57.31"

_NAMED = _rx(r"second[- ]?hand (tobacco )?smoke|passive smok(ing|e)|environmental tobacco smoke|ets exposure|"
             r"(tobacco |cigarette )?smoke exposure (at home|in the (home|house|household))")
HOUSEHOLD = (r"parents?|mother|father|mom|dad|husband|wife|spouse|partner|boyfriend|girlfriend|roommates?|"
              r"grandparents?|grandmother|grandfather|caregivers?|household members?|family members?|"
              r"(every|some)one (else )?at home|others at home")
_WHERE = r"indoors|inside|in the (house|home|apartment|car)|at home|around (him|her|them|the (child|patient))"
_HOUSEHOLD_SMOKES = re.compile(rf"\b({HOUSEHOLD})\b[^.;\n]{{0,20}}?\bsmokes?\b[^.;\n]{{0,20}}?\b({_WHERE})\b",
                               re.IGNORECASE)
AT_WORK = _rx(r"at work|at (his|her|their) (work|job|workplace)|(in|at) the workplace|workplace|on the job|"
              r"occupational(ly)?|co-?workers?|where (he|she|they) works?|works? (as|in|at)")
_SMOKER_AT_HOME = _rx(r"smokers? (in|at) (the )?(home|house|household)|(smoking|smoky) (home|household)")
_NONE = _rx(r"no|denies|without|nobody|none|non-?smoking")
_OWN_TOBACCO = ("F17", "Z72.0")


@needs(codes=(CODE,), patterns=(_NAMED, _HOUSEHOLD_SMOKES, _SMOKER_AT_HOME))
def smoke_exposure(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code.startswith(_OWN_TOBACCO) and s.context == "affirmed" for s in suggestions):
        return suggestions, []
    if any(s.code == CODE for s in suggestions):
        return _at_work(suggestions, note, tabular)
    if any(s.code == AT_WORK_CODE for s in suggestions) or not tabular.is_billable(CODE):
        return suggestions, []
    match = next((m for pattern in (_NAMED, _HOUSEHOLD_SMOKES, _SMOKER_AT_HOME) for m in pattern.finditer(note)
                  if _stated(note, m)), None)
    if match is None:
        return suggestions, []
    made = from_rule(CODE, match, tabular, NAME,
                     f"{match.group(0)}: {CODE}, exposure to environmental tobacco smoke")
    suggestions, reasons = _at_work([*suggestions, made], note, tabular)
    return suggestions, reasons or [made.reason]


def _at_work(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """The exposure whose sentence places it at work is the occupational one."""
    def sibling_for(s: Suggestion) -> tuple[str, str] | None:
        if s.code != CODE or not tabular.is_billable(AT_WORK_CODE):
            return None
        if not AT_WORK.search(sentence(note, s.start, s.end)):
            return None
        return AT_WORK_CODE, f"{s.evidence} at work: {AT_WORK_CODE}, occupational exposure to tobacco smoke"
    return to_siblings(suggestions, sibling_for, tabular, NAME)


def _stated(note: str, match: re.Match) -> bool:
    """Not denied: no negation before it in its sentence, and no "no"/"nobody" opening the words it matched."""
    said = sentence(note, match.start(), match.end())
    opening = note[match.start():match.start() + 12]
    return not (negated_before(note, match.start()) or _NONE.match(opening)
                or re.search(r"\b(quit|stopped|former(ly)?|used to)\b", said, re.IGNORECASE))
