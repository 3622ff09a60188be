"""A congenital malformation its sentence says was repaired or corrected ("VSD repaired at 6 months", "s/p PDA
ligation", "cleft lip repaired in infancy") is no longer current: guideline I.C.17 codes a corrected malformation as
its personal history, Z87.7- by the body system (the heart's Z87.74, the limbs' Z87.768, ...). A repair planned,
awaited or left with a residual defect keeps the malformation's Q code. Named under a history heading or after
"h/o" ("PMH: VSD repaired in infancy", "history of repaired TOF"), the repaired malformation is that history too,
where the context rules would otherwise find no history code for a Q code and drop it.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion

NAME = "corrected-malformation"
_REPAIR = _rx(r"repaired|repair|corrected|correction|closed|closure|ligated|ligation|excised|released")
# "repaired at 6 months", "s/p VSD repair", "after PDA ligation", "TOF s/p complete repair": the repair done
REPAIR_DONE_AFTER = re.compile(r"^[\s,(-]*(s/p |status post )?(surgically |successfully |was |were |fully )*"
                               r"(repaired|corrected|closed|ligated|excised|released)\b|"
                               r"^[\s,(-]*(s/p |status post )?(complete |full |total )?(surgical |primary |device |"
                               r"transcatheter )?(repair|correction|closure|ligation)\b"
                               r"(?! (is |was )?(planned|scheduled|pending|recommended|needed|deferred))",
                               re.IGNORECASE)
_DONE_BEFORE = re.compile(r"\b(s/p|status post|after|post|repaired|corrected)\s+([\w-]+\s+){0,2}$", re.IGNORECASE)
_STILL_THERE = _rx(r"(?<!no )residual|(?<!no )recurren\w*|persist\w*|re-?repair|awaiting|planned|scheduled|"
                   r"will need|needs|to be (repaired|closed)")
# the malformation's Q block -> its history code
_HISTORY_BY_BLOCK = (("Q00", "Q07", "Z87.728"), ("Q10", "Q15", "Z87.720"), ("Q16", "Q17", "Z87.721"),
                     ("Q18", "Q18", "Z87.790"), ("Q20", "Q28", "Z87.74"), ("Q30", "Q34", "Z87.75"),
                     ("Q35", "Q37", "Z87.730"), ("Q38", "Q45", "Z87.738"), ("Q50", "Q53", "Z87.718"),
                     ("Q54", "Q54", "Z87.710"), ("Q55", "Q64", "Z87.718"), ("Q65", "Q79", "Z87.768"))


def _history_code(code: str) -> str | None:
    return next((history for low, high, history in _HISTORY_BY_BLOCK if low <= code[:3] <= high), None)


def repaired_malformation(code: str, note: str, start: int, end: int) -> bool:
    """A malformation with a history code of its own, named with its repair done."""
    return code[0] == "Q" and _history_code(code) is not None and repaired(note, start, end)


def repaired(note: str, start: int, end: int) -> bool:
    """The malformation at note[start:end] is named with its repair done, and nothing in its sentence keeps it."""
    text = note[sentence_start(note, start):sentence_end(note, end)]
    done = REPAIR_DONE_AFTER.search(note[end:end + 40]) or _DONE_BEFORE.search(note[max(0, start - 30):start])
    return bool(done) and not _STILL_THERE.search(text)


@needs(codes=("Q",))
def corrected_malformations(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        history = _history_code(s.code) if s.code[0] == "Q" and s.context in ("affirmed", "history") else None
        if history is not None and repaired(note, s.start, s.end):
            reason = f"{s.evidence}: {history}, a {tabular.description(s.code).lower()} repaired (guideline I.C.17)"
            if any(o.code == history for o in out):
                reasons.append(reason)
                continue
            s = s.model_copy(update={"code": history, "description": tabular.description(history),
                                     "context": "history", "convention": NAME, "reason": reason})
            reasons.append(reason)
        out.append(s)
    return out, reasons
