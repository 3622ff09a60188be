"""Sleep deprivation named as what brought a seizure on ("one breakthrough GTC after sleep deprivation", "a seizure
after a night of sleep deprivation before exams") is told to explain that one event, not as a way of living the visit
deals with: whether it is a lifestyle problem to code (Z72.820) is a coder's call, so the code goes below the
auto-accept threshold. Sleep deprivation stated as the patient's pattern ("sleeps 4-5 h a night - sleep
deprivation") keeps its code.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "seizure-trigger"
SLEEP_DEPRIVATION = "Z72.820"
# the words that make it the cause of an event written before it: "after (a night of) sleep deprivation"
_BROUGHT_ON_BY = re.compile(r"\b(after|following|triggered by|provoked by|brought on by|in the setting of)\s+"
                            r"((a|one|two|several|a few) (night|nights|days?) of\s+)?$", re.IGNORECASE)
_SEIZURE = re.compile(r"\b(seizures?|sz|gtcs?|gtc seizures?|convulsions?|breakthrough)\b", re.IGNORECASE)


def brought_on_a_seizure(note: str, s: Suggestion) -> bool:
    """Sleep deprivation at note[s.start:s.end] follows "after" in a sentence about a seizure."""
    said = sentence(note, s.start, s.end)
    return bool(_BROUGHT_ON_BY.search(note[max(0, s.start - 40):s.start]) and _SEIZURE.search(said))


@needs(codes=(SLEEP_DEPRIVATION,))
def seizure_trigger(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        if s.code == SLEEP_DEPRIVATION and brought_on_a_seizure(note, s):
            reason = f"{s.evidence}: what brought a seizure on, not a lifestyle problem the note states"
            out.append(for_a_coder(s, NAME, reason))
            reasons.append(reason)
        else:
            out.append(s)
    return out, reasons
