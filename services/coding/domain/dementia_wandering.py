"""Wandering in dementia (Z91.83): the tabular's "use additional code, if applicable, to identify wandering in
dementia" at F01-F03 makes wandering a code of its own beside the dementia, not one of the behavioural
disturbances its fifth and sixth characters name (agitation, psychosis, mood, anxiety, other behaviour), so
`dementia_in_disease` leaves it out of them. Read where a dementia is coded and the note says the patient
wanders, not where the wandering is denied or a relative's.
"""
import re

from services.coding.domain.note_text import FAMILY, before, negated_before, sentence
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "dementia-wandering"
WANDERING = "Z91.83"
_DEMENTIA = ("F01", "F02", "F03")
_WANDERS = re.compile(r"\b(wandering|wanders|wandered|wanders off|elopement)\b", re.IGNORECASE)
# "staff deny aggression or wandering": the plural verb NEGATION does not hold
_DENY = re.compile(r"\b(deny|denies|denied)\b", re.IGNORECASE)


def dementia_wandering(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not any(s.code.startswith(_DEMENTIA) for s in suggestions) or any(s.code == WANDERING for s in suggestions):
        return suggestions, []
    match = next((m for m in _WANDERS.finditer(note) if not negated_before(note, m.start())
                  and not _DENY.search(before(note, m.start()))
                  and not FAMILY.search(sentence(note, m.start(), m.end()))), None)
    if match is None or not tabular.is_billable(WANDERING):
        return suggestions, []
    reason = f"{match.group(0)}: {WANDERING}, wandering in a dementia coded beside it (use additional code)"
    return [*suggestions, from_rule(WANDERING, match, tabular, NAME, reason)], [reason]
