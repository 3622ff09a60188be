"""A benign tumour the note says was removed: "Pituitary macroadenoma resected 2017, no residual", "s/p excision of
a parotid adenoma". Once excised it is no longer present, so it is the personal history of a benign neoplasm
(index: History, personal, neoplasm, benign), never the tumour's own code: of the brain Z86.011, a benign carcinoid
Z86.012, any other Z86.018 (colon polyps have their own reading in `history_z_codes`).

Not one still to be removed ("to be resected", "scheduled for excision"), partly removed ("subtotal", "residual
tumor") or come back ("recurrent", "regrowth").
"""
import re

from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion, recoded

NAME = "resected-neoplasm"
_REMOVED_AFTER = re.compile(r"^[^.;]{0,40}?\b(resected|excised|removed|(s/p|status post) (\w+ )?(resection|excision|removal|"
                            r"\w+ectomy))\b", re.IGNORECASE)
_REMOVED_BEFORE = re.compile(r"\b(s/p|status post|after|following|history of|h/o|hx of) (an? |the )?(\w+ )?"
                             r"(resection|excision|removal|\w+ectomy) (of|for) (an? |the |her |his )?[^.;]{0,40}$",
                             re.IGNORECASE)
_NOT_REMOVED = re.compile(r"\b(to be|will be|scheduled|planned|plan|awaiting|pending|referred|subtotal|partial(ly)?|"
                          r"residual (tumou?r|disease|mass)|recurren(t|ce)|regrowth|regrown|remaining)\b", re.IGNORECASE)
_NO_RESIDUAL = re.compile(r"\bno (residual|recurrence|regrowth)\b", re.IGNORECASE)


def _history_code(code: str) -> str | None:
    if code.startswith("D12"):
        return None
    if code.startswith("D33"):
        return "Z86.011"
    if code.startswith("D3A"):
        return "Z86.012"
    return "Z86.018" if "D10" <= code[:3] <= "D36" else None


def removed(note: str, start: int, end: int) -> bool:
    """The neoplasm named at note[start:end] is stated removed, and nothing in its sentence says it remains."""
    first, last = sentence_start(note, start), sentence_end(note, end)
    whole = _NO_RESIDUAL.sub("", note[first:last])
    return bool(_REMOVED_AFTER.search(note[end:last]) or _REMOVED_BEFORE.search(note[first:start])) \
        and not _NOT_REMOVED.search(whole)


def resected_benign_neoplasms(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = list(suggestions), []
    for s in suggestions:
        code = _history_code(s.code) if s.context == "affirmed" else None
        if code is None or not tabular.is_billable(code) or not removed(note, s.start, s.end):
            continue
        reason = f"{s.evidence} was removed: {code}, personal history of a benign neoplasm (not {s.code})"
        made = recoded(out, note, s, code, tabular, NAME, reason, context="history")
        if made is not None:
            out, reasons = made, [*reasons, reason]
    return out, reasons
