"""Two suggestions the tabular never codes together (an Excludes1 note between them, guideline I.A.12.a) cannot
both be billed: the note's words matched two entries for one condition ("panic attacks" F41.0 beside "panic
disorder with agoraphobia" F40.01, "breakthrough seizure" R56.9 beside the epilepsy G40.- that excludes it).

A sign or symptom (chapter 18) excluded by the other code is that condition's own manifestation and is dropped.
Otherwise the code read from the shorter words gives way to a coder (below any auto-accept threshold, with the
reason), and two read from words of one length both do: the tabular says one of them is wrong, not which.
"""
from itertools import combinations

from services.coding.domain.note_terms import UNDER_SPECIFIED_CONFIDENCE
from services.coding.domain.suggestions import Suggestion

NAME = "excluded-together"


def _yields(first: Suggestion, second: Suggestion) -> list[Suggestion]:
    """Which of an excluded pair gives way."""
    symptoms = [s for s in (first, second) if s.code.startswith("R")]
    if len(symptoms) == 1:
        return symptoms
    if first.end - first.start == second.end - second.start:
        return [first, second]
    return [min((first, second), key=lambda s: s.end - s.start)]


def excluded_together(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    billed = [s for s in suggestions if s.confidence > UNDER_SPECIFIED_CONFIDENCE]
    giving_way: dict[int, str] = {}
    for first, second in combinations(billed, 2):
        if first.code[:3] == second.code[:3] or not tabular.excludes1_pair(first.code, second.code):
            continue
        for s in _yields(first, second):
            other = second if s is first else first
            giving_way.setdefault(id(s), f"{s.code} ({s.evidence}) and {other.code} ({other.evidence}) exclude "
                                         "each other (Excludes1)")
    if not giving_way:
        return suggestions, []
    out = []
    for s in suggestions:
        reason = giving_way.get(id(s))
        if reason is None:
            out.append(s)
        elif not s.code.startswith("R"):
            out.append(s.model_copy(update={"confidence": UNDER_SPECIFIED_CONFIDENCE, "convention": NAME,
                                            "reason": reason + ": a coder chooses"}))
    return out, list(giving_way.values())
