""""Falling" that is no fall: the index's "Falling" (R29.6, repeated falls) found on "difficulty falling asleep" or
"trouble falling and staying asleep" is sleep onset, and on "grades falling" or "scores falling" a measure going
down; either is dropped, whatever sentence it stands in."""
import re

from services.coding.domain.suggestions import Suggestion

_ASLEEP_AFTER = re.compile(r"\s+(and staying |or staying |and remaining )?(back )?asleep\b", re.IGNORECASE)
# the measure "falling" is said of, just before it
_MEASURE_BEFORE = re.compile(r"\b(grades|marks|scores?|school performance|performance)\s+(are |were |have been )?$",
                             re.IGNORECASE)


def _no_fall(note: str, s: Suggestion) -> str | None:
    if s.code != "R29.6" or not s.evidence.lower().endswith("falling"):
        return None
    if _ASLEEP_AFTER.match(note, s.end):
        return f"{s.evidence} asleep: sleep onset, not repeated falls R29.6"
    if _MEASURE_BEFORE.search(note[max(0, s.start - 40):s.start]):
        return f"{s.evidence}: a measure going down, not repeated falls R29.6"
    return None


def falling_asleep(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    reasons = {id(s): _no_fall(note, s) for s in suggestions}
    return [s for s in suggestions if reasons[id(s)] is None], [r for r in reasons.values() if r]
