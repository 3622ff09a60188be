"""Two screenings the index gives their own subjects, read by the words and scales clinics name them with:
- a cognitive screen ("cognitive screening", "memory screen", "screening for dementia") is "Screening, neurological
  condition" (Z13.858), at a visit of its own; at a routine or Medicare wellness exam the cognitive check is part
  of the exam, not coded apart;
- a maternal depression screen, by the Edinburgh scale or as postpartum or perinatal depression screening, is
  Z13.32, not the general depression screen (Z13.31).
A screen whose result is positive, or a visit that codes the condition screened for, is the condition's encounter.
"""
import re

from services.coding.domain.encounter_z_codes import DONE_BEFORE
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.screened_condition_known import conditions_screened
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "named-screening"
_SCREEN = r"screen(s|ed|ing)?"
COGNITIVE = _rx(rf"(cognitive|memory|dementia) {_SCREEN}|{_SCREEN} (for|of) (cognitive (impairment|decline)|"
                rf"dementia|memory( loss)?|cognition)")
MATERNAL_DEPRESSION = _rx(rf"edinburgh (postnatal |postpartum )?depression scale|epds|"
                          rf"(postpartum|postnatal|perinatal|maternal) depression {_SCREEN}|"
                          rf"{_SCREEN} for (postpartum|postnatal|perinatal|maternal) depression")
_ROUTINE_EXAM = "Z00.0"  # the adult routine and Medicare wellness exam
_POSITIVE = _rx(r"positive|abnormal|impaired|fail(ed)?")
_REQUIRED = {COGNITIVE: required_literals(COGNITIVE), MATERNAL_DEPRESSION: required_literals(MATERNAL_DEPRESSION)}
_NOT_DONE = _rx(r"declined|refused|deferred|due( for)?|overdue|not done|scheduled|will schedule|next visit")


def named_screenings(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made = []
    for words, code, what in ((COGNITIVE, "Z13.858", "screening for a neurological condition (cognition)"),
                              (MATERNAL_DEPRESSION, "Z13.32", "screening for maternal depression")):
        if not may_match(_REQUIRED[words], note):
            continue  # no scan of a note without the screen's words
        if any(s.code.startswith(conditions_screened(code)) and s.context == "affirmed" for s in suggestions):
            continue
        if code == "Z13.858" and any(s.code.startswith(_ROUTINE_EXAM) for s in suggestions):
            continue
        match = next((m for m in words.finditer(note) if _done(note, m)), None)
        if match is not None and tabular.is_billable(code):
            made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {what}"))
    if not made:
        return suggestions, []
    maternal = any(m.code == "Z13.32" for m in made)
    kept = [s for s in suggestions if not (maternal and s.code == "Z13.31") and s.code not in {m.code for m in made}]
    return [*kept, *made], [m.reason for m in made]


def _done(note: str, match: re.Match) -> bool:
    said = sentence(note, match.start(), match.end())
    return not (negated_before(note, match.start()) or _NOT_DONE.search(said) or DONE_BEFORE.search(said)
                or _POSITIVE.search(said))
