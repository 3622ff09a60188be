"""A raised blood-pressure reading the note says is not hypertension: R03.0, the reading without the diagnosis.

"BP 152/96, no prior dx of HTN", "blood pressure elevated today without a diagnosis of hypertension", "no history of
hypertension" (never diagnosed): the index's
"Elevated, blood pressure, reading (incidental) (isolated) (nonspecific), no diagnosis of hypertension" is R03.0.
The sentence (from its last full stop, over semicolons) must carry both the reading (high in numbers, 130 systolic or
80 diastolic and over, or called high or elevated) and the statement that hypertension is not diagnosed; a hypertension the note affirms anywhere keeps I10.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion

NAME = "elevated-reading"
CODE = "R03.0"
REASON = "{evidence!r} with no diagnosis of hypertension: an elevated blood-pressure reading"
_HYPERTENSIVE = ("I10", "I11", "I12", "I13", "I15", "I16")
_HYPERTENSION = r"(hypertension|htn)"
_NOT_DIAGNOSED = re.compile(
    rf"\b(no|without)( a| any)?( prior| known| previous| formal| established)? "
    rf"((dx|diagnosis) of {_HYPERTENSION}|{_HYPERTENSION} (dx|diagnosis))\b"
    rf"|\bnot (yet |previously )?(diagnosed with|dx'?d with) {_HYPERTENSION}\b"
    # never diagnosed, in the words of a history: "no history of hypertension", "no known hx of HTN"
    rf"|\bno( known| prior| previous)? (history|hx) of {_HYPERTENSION}\b", re.IGNORECASE)
_READING = re.compile(r"\b(bp|blood pressure)\b(?P<words>[^0-9]{0,20})(?P<sys>\d{2,3})\s*/\s*(?P<dia>\d{2,3})\b"
                      r"|\b(bp|blood pressure)\b( (is|was|reading|readings))?( (today|again))? "
                      r"(?P<said>elevated|high|raised)\b"
                      r"|\b(elevated|high|raised) (bp|blood pressure)\b", re.IGNORECASE)


def _raised(reading: re.Match) -> bool:
    if reading.group("sys") is None:
        return True
    return int(reading.group("sys")) >= 130 or int(reading.group("dia")) >= 80


@needs(patterns=(_NOT_DIAGNOSED,))
def elevated_readings(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code == CODE or (s.code[:3] in _HYPERTENSIVE and s.context == "affirmed") for s in suggestions):
        return suggestions, []
    for stated in _NOT_DIAGNOSED.finditer(note):
        start, end = sentence_start(note, stated.start(), across_semicolons=True), sentence_end(note, stated.end())
        reading = next((r for r in _READING.finditer(note, start, end) if _raised(r)), None)
        if reading is None:
            continue
        reason = REASON.format(evidence=reading.group(0))
        return suggestions + [Suggestion(
            code=CODE, description=tabular.description(CODE), confidence=RULE_CONFIDENCE, start=reading.start(),
            end=reading.end(), evidence=reading.group(0), context="affirmed", convention=NAME, reason=reason)], [reason]
    return suggestions, []
