"""A urinary stone the note says has passed: no longer present, so the personal history of urinary calculi.

"Kidney stone 2022, passed", "R ureteral stone - passed spontaneously last month": the calculus left the body, and
what stays is its history (Z87.442), as for "history of kidney stones". A stone its sentence says is still there,
or another one is ("passed one, a 5 mm stone remains in the L kidney"), or that has not passed yet, keeps its code.
"""
import re

from services.coding.domain.note_context import clause
from services.coding.domain.note_text import sentence_end, word_pattern
from services.coding.domain.suggestions import Suggestion

NAME = "stone-passed"
HISTORY_CODE = "Z87.442"
CONFIDENCE = 0.9  # as the index's History entry read from "history of"
REASON = "{evidence!r} has passed: no stone now, the personal history of urinary calculi {code}"
_CALCULI = ("N20", "N21")
_PASSED = re.compile(r"(?<!not )(?<!yet to )(?<!never )(?<!n't )\bpassed\b(?! (out|away)\b)", re.IGNORECASE)
_STILL_THERE = word_pattern(r"still|remains?|remaining|another|residual|retained|lodged|obstruct\w*|"
                            r"yet to pass|not (yet )?passed|has(n't| not) passed|awaiting")


def passed_stones(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """A stone still there is read to the sentence's end over semicolons: "passed one; another remains"."""
    passed = [s for s in suggestions if s.code[:3] in _CALCULI and s.context == "affirmed"
              and _PASSED.search(note[slice(*clause(note, s.start, s.end))])
              and not _STILL_THERE.search(note[s.end:sentence_end(note, s.end, across_semicolons=True)])]
    if not passed:
        return suggestions, []
    out = [s for s in suggestions if s not in passed]
    reasons = [REASON.format(evidence=s.evidence, code=HISTORY_CODE) for s in passed]
    if not any(s.code == HISTORY_CODE for s in out):
        first = passed[0]
        out.append(first.model_copy(update={
            "code": HISTORY_CODE, "description": tabular.description(HISTORY_CODE), "confidence": CONFIDENCE,
            "context": "history", "convention": NAME, "reason": reasons[0]}))
    return out, reasons
