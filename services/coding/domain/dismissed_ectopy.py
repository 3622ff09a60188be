"""Premature beats a monitor's or an ECG's findings list, which the reading physician's impression then dismisses
("Findings: ... rare PVCs ... Impression: no significant arrhythmia"): an abnormal finding is coded only where the
provider calls it clinically significant (guidelines III.B, IV.K), and the impression is where the report says so.
The beats go to a coder, below the auto-accept threshold; an impression that names them ("frequent PVCs, no
sustained arrhythmia") keeps them.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "ectopy-dismissed-by-impression"
_PREMATURE_BEATS = ("I49.1", "I49.3", "I49.4")
_DISMISSING_IMPRESSION = re.compile(
    r"\b(impression|interpretation|conclusions?|summary)\s*:\s*[^.;\n]*?\bno\b(\s+[\w-]+){0,3}?\s+"
    r"(arrhythmias?|dysrhythmias?|arrhythmic events?)\b", re.IGNORECASE)
_BEATS_NAMED = re.compile(r"\b(premature|ectopy|ectopic|pvcs?|pacs?|apcs?|vpcs?|extrasystoles?|bigeminy|trigeminy)\b",
                          re.IGNORECASE)


@needs(patterns=(_DISMISSING_IMPRESSION,))
def ectopy_dismissed_by_impression(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion],
                                                                                             list[str]]:
    impression = _DISMISSING_IMPRESSION.search(note)
    if impression is None:
        return suggestions, []
    stated = sentence(note, impression.start(), impression.end())
    if _BEATS_NAMED.search(stated):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith(_PREMATURE_BEATS) and s.context == "affirmed" and s.start < impression.start():
            reason = f"{s.evidence}: {s.code} listed in the findings, the impression finds no arrhythmia"
            out.append(for_a_coder(s, NAME, reason))
            reasons.append(reason)
        else:
            out.append(s)
    return out, reasons
