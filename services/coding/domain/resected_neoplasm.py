"""A benign tumour the note says was removed: "Pituitary macroadenoma resected 2017, no residual", "s/p excision of
a parotid adenoma". Once excised it is no longer present, so it is the personal history of a benign neoplasm
(index: History, personal, neoplasm, benign), never the tumour's own code: of the brain Z86.011, a benign carcinoid
Z86.012, any other Z86.018 (colon polyps have their own reading in `history_z_codes`).

The operation is read before the tumour ("s/p transsphenoidal resection of") or after it ("resected 2017", "s/p
excision"); without "s/p" only where a year dates it.

Not one still to be removed ("to be resected", "scheduled for excision"), partly removed ("subtotal", "residual
tumor") or come back ("recurrent", "regrowth").

A history cue before the tumour ("Hx of pituitary adenoma s/p transsphenoidal resection") keeps its code out before
this reading sees it, so the benign tumours met removed in the clinics (a pituitary adenoma, an adrenal or a
parathyroid adenoma, an osteochondroma, a lung hamartoma; none of them in the brain) are also read by their words.
A relative's or a denied one is not, nor one removed days or weeks ago (the visit is the operation's aftercare).
"""
import re

from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence, sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion, from_rule, recoded, replacing

NAME = "resected-neoplasm"
_REMOVED_AFTER = re.compile(r"^[^.;]{0,40}?\b(resected|excised|removed|(s/p|status post) (\w+ ){0,2}(resection|"
                            r"excision|removal|\w+ectomy))\b", re.IGNORECASE)
_REMOVED_BEFORE = re.compile(r"\b(s/p|status post|after|following|history of|h/o|hx of) (an? |the )?(\w+ ){0,2}"
                             r"(resection|excision|removal|\w+ectomy) (of|for) (an? |the |her |his )?[^.;]{0,40}$",
                             re.IGNORECASE)
# without "s/p" the operation is still the tumour's past where a year dates it, as the item next to the tumour
# ("Prolactinoma, transsphenoidal resection 2019") or naming it ("resection of pituitary adenoma 2021"); undated, such
# words may be the plan
_DATED_PROCEDURE_AFTER = re.compile(r"^,? (\w+ ){0,2}(resection|excision|removal|\w+ectomy),? (in )?(19|20)\d\d\b",
                                    re.IGNORECASE)
_PROCEDURE_OF_BEFORE = re.compile(r"\b(resection|excision|removal|\w+ectomy) of (an? |the |her |his )?$",
                                  re.IGNORECASE)
_DATED_AFTER = re.compile(r"^,? (in )?(19|20)\d\d\b")
_NOT_REMOVED = re.compile(r"\b(to be|will be|scheduled|planned|plan|awaiting|pending|referred|subtotal|partial(ly)?|"
                          r"residual (tumou?r|disease|mass)|recurren(t|ce)|regrowth|regrown|remaining)\b", re.IGNORECASE)
_NO_RESIDUAL = re.compile(r"\b(no|without) (residual|recurrence|regrowth)\b", re.IGNORECASE)
# benign tumours outside the brain, by their words: History, personal, neoplasm, benign Z86.018
_NAMED_BENIGN = re.compile(r"\b(pituitary (macro|micro)?adenoma|prolactinoma|adrenal (cortical )?adenoma|"
                           r"parathyroid adenoma|osteochondroma|(pulmonary |lung )?hamartoma)\b", re.IGNORECASE)
_NAMED_BENIGN_WORDS = required_literals(_NAMED_BENIGN)  # a note without one is not scanned
OTHER_BENIGN_HISTORY = "Z86.018"
# removed days or weeks ago: the visit is the operation's aftercare (Z48.-), not yet a history of the tumour
_RECENTLY_REMOVED = re.compile(r"\b(\d+|a few|few|two|three|four|five|six) (days?|d|wks?|weeks?) (after|ago|post)|"
                               r"\bpost-?op(erative)?\b|\bpo (visit|check)\b", re.IGNORECASE)


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
    return bool(_REMOVED_AFTER.search(note[end:last]) or _REMOVED_BEFORE.search(note[first:start])
                or _DATED_PROCEDURE_AFTER.search(note[end:last])
                or (_PROCEDURE_OF_BEFORE.search(note[first:start]) and _DATED_AFTER.search(note[end:last]))) \
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
    return _named_benign_removed(out, note, tabular, reasons)


def _named_benign_removed(suggestions: list[Suggestion], note: str, tabular,
                          reasons: list[str]) -> tuple[list[Suggestion], list[str]]:
    if not may_match(_NAMED_BENIGN_WORDS, note):
        return suggestions, reasons
    out = suggestions
    for match in _NAMED_BENIGN.finditer(note):
        if NEGATION.search(before(note, match.start())) or FAMILY.search(sentence(note, match.start(), match.end())) \
                or not removed(note, match.start(), match.end()) \
                or _RECENTLY_REMOVED.search(sentence(note, match.start(), match.end())):
            continue
        reason = f"{match.group(0)} was removed: {OTHER_BENIGN_HISTORY}, personal history of a benign neoplasm"
        made = replacing(out, from_rule(OTHER_BENIGN_HISTORY, match, tabular, NAME, reason, context="history"))
        if made is not None:
            out, reasons = made, [*reasons, reason]
    return out, reasons
