"""A cancer an operation took out, named by the operation: "right upper lobectomy 2021 for stage IB
adenocarcinoma", "left pneumonectomy in 2012 for squamous cell lung cancer, no recurrence". The operation says the
organ (a lobectomy is of a lung, a prostatectomy of the prostate), so a cancer written by its histology alone has
its site; and a primary malignancy excised, with no treatment directed at it now and no evidence of it left, is
personal history (guideline I.C.2.d; index: History, personal, malignant neoplasm, by site), not the C code.

The operation must be over (a year, "s/p", "after", a past-history heading, "no recurrence", surveillance) and
nothing in its sentence may keep the cancer current: treatment under way or to come, a recurrence, metastases,
residual disease, an operation still planned, or a relative's.
"""
import re

from services.coding.domain.note_text import FAMILY, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping

NAME = "resected-cancer"
# (the operation's words, the organ's personal history code, the index's site)
OPERATIONS = (
    (r"(\w+ )?lobectomy|pneumonectomy|segmentectomy|wedge resection", "Z85.118", "bronchus and lung"),
    (r"(\w+ )?(hemi)?colectomy", "Z85.038", "large intestine"),
    (r"(\w+ )?prostatectomy", "Z85.46", "prostate"),
    (r"(\w+ )?nephrectomy", "Z85.528", "kidney"),
    (r"(\w+ )?mastectomy", "Z85.3", "breast"),
    (r"(\w+ )?thyroidectomy", "Z85.850", "thyroid"),
    (r"(\w+ )?gastrectomy", "Z85.028", "stomach"),
    (r"(\w+ )?cystectomy", "Z85.51", "bladder"),
)
_CANCER = (r"(cancer|carcinoma|adenocarcinoma|malignancy|ca|nsclc|non-small[- ]cell (lung )?(cancer|carcinoma))"
           r"(?!\s*(screening|risk))")
_RESECTED = tuple((re.compile(rf"\b({operation})\b( (in )?(19|20)\d\d)?[^.;\n]{{0,8}}?\bfor (an? )?([\w-]+ ){{0,4}}?"
                              rf"{_CANCER}\b", re.IGNORECASE), code, site) for operation, code, site in OPERATIONS)
_WORDS = ("lobectomy", "pneumonectomy", "segmentectomy", "wedge resection", "colectomy", "prostatectomy",
          "nephrectomy", "mastectomy", "thyroidectomy", "gastrectomy", "cystectomy")
_DONE = _rx(r"s/p|status post|after|following|underwent|had|history|hx|h/o|psh|past surgical history|prior|previous|"
            r"remote|(19|20)\d\d|ago|no (evidence of )?(recurrence|disease)|ned|surveillance|cured")
_STILL_THERE = _rx(r"undergoing|receiving|currently|ongoing|starting|to start|will (start|begin|receive|undergo)|"
                   r"planned|plan|scheduled|awaiting|pending|referr\w*|candidate|consider\w*|recommended|"
                   r"on (chemo\w*|radiation|tamoxifen|letrozole|anastrozole|exemestane|leuprolide|enzalutamide|"
                   r"abiraterone|bicalutamide)|cycle \d+|recurrent|metasta\w*|residual|positive margins?|"
                   r"active|adjuvant (\w+ ){0,2}(now|in progress|next)")
_NO_RECURRENCE = _rx(r"no (evidence of )?(recurrence|residual( disease| tumou?r)?|metastas[ie]s|metastatic disease)")


def resected_cancers(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    lowered = note.lower()
    if not any(word in lowered for word in _WORDS):
        return suggestions, []
    out, reasons = list(suggestions), []
    for pattern, code, site in _RESECTED:
        for match in pattern.finditer(note):
            if any(s.code == code for s in out) or not tabular.is_billable(code) or not _over(note, match):
                continue
            cancers = [s for s in overlapping(out, match.start(), match.end()) if _is_neoplasm(s.code)]
            reason = (f"{match.group(0)}: {code}, personal history of a malignant neoplasm of the {site}, excised"
                      + (f" (not {', '.join(s.code for s in cancers)})" if cancers else ""))
            made = from_rule(code, match, tabular, NAME, reason, context="history")
            out, reasons = [*(s for s in out if s not in cancers), made], [*reasons, reason]
    return out, reasons


def _is_neoplasm(code: str) -> bool:
    """The cancer's own code, or the uncertain-behaviour one a histology alone may find, on the same words."""
    return code.startswith(("C", "D37", "D38", "D39", "D40", "D41", "D44", "D48", "D49"))


def _over(note: str, match: re.Match) -> bool:
    """The operation is done and its sentence leaves nothing of the cancer current."""
    whole = sentence(note, match.start(), match.end())
    return bool(_DONE.search(whole)) and not _STILL_THERE.search(_NO_RECURRENCE.sub("", whole)) \
        and not FAMILY.search(whole)
