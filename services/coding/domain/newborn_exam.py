"""A newborn's health check is coded by the age the note gives: under 8 days old Z00.110, 8 to 28 days old Z00.111
(the tabular's Z00.11-, whose "Use additional code" takes the findings beside it). The index's words alone ("newborn
weight check", an inclusion term of Z00.111) do not say the age, and a child under 29 days is no routine child exam
(Z00.12- excludes it).
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "newborn-exam-by-age"
_VISIT = _rx(r"newborn (visit|exam(ination)?|check(-?up)?|weight check|health check|f/u|follow-?up)|"
             r"(first|1st) (office |clinic )?visit after (discharge|birth)|weight check|well[- ]baby (visit|check)|"
             r"well[- ]child (visit|check|exam)")
# the age as clinics write it: "4 days old", "4-day-old", "4 d/o", "DOL 4", "2 wk old"
_AGE = _rx(r"(?P<days>\d{1,2})[- ]?(days?|d)[- ]old|(?P<dslash>\d{1,2}) ?d/o|dol ?#?(?P<dol>\d{1,2})|"
           r"(?P<weeks>[1-4])[- ]?(wks?|weeks?)[- ]old")
_REPLACED = ("Z00.11", "Z00.12")


def _age_in_days(note: str) -> int | None:
    m = _AGE.search(note)
    if m is None:
        return None
    days = m.group("days") or m.group("dslash") or m.group("dol")
    return int(days) if days else 7 * int(m.group("weeks"))


@needs(patterns=(_VISIT,))
def newborn_exam_by_age(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    visit, days = _VISIT.search(note), _age_in_days(note)
    if visit is None or days is None or days > 28:
        return suggestions, []
    code = "Z00.110" if days < 8 else "Z00.111"
    reason = f"{visit.group(0)}: {code}, a newborn's health check at {days} days old"
    kept = [s for s in suggestions if not s.code.startswith(_REPLACED)]
    return [*kept, from_rule(code, visit, tabular, NAME, reason)], [reason]
