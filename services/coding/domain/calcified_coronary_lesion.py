"""A calcified coronary lesion beside the coronary atherosclerosis it is part of: I25.84 ("Coronary atherosclerosis
due to calcified coronary lesion"), which the tabular lists to be coded with I25.1- ("Code first coronary
atherosclerosis"). Only a lesion the note places in a coronary vessel: "calcified" alone also describes
granulomas, nodules and valves, and a calcium score or "coronary calcification" on a scan is the index's I25.10
("Calcification, coronary - see Arteriosclerosis, coronary") and nothing more.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import NEGATION, before
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "calcified-coronary-lesion"
CALCIFIED_LESION = "I25.84"
_VESSEL = r"(lad|lcx|rca|left main|lm|circumflex|diagonal|om\d?|obtuse marginal|ramus|coronary( artery)?)"
_CALCIFIED_LESION = re.compile(
    rf"\b(severely |heavily |moderately )?calcified (\w+ ){{0,2}}{_VESSEL} (artery )?(lesions?|stenos[ie]s|plaques?)\b|"
    rf"\b{_VESSEL} (lesions?|stenos[ie]s) (\w+ ){{0,2}}(was |is )?(severely |heavily )?calcified\b", re.IGNORECASE)


@needs(codes=("I25.1",))
def calcified_coronary_lesions(suggestions: list[Suggestion], note: str,
                               tabular) -> tuple[list[Suggestion], list[str]]:
    # a cheap literal first: the pattern scans from every vessel's name, and most coronary notes say no "calcified"
    if "calcified" not in note.lower() or any(s.code == CALCIFIED_LESION for s in suggestions) \
            or not tabular.is_billable(CALCIFIED_LESION):
        return suggestions, []
    lesion = next((m for m in _CALCIFIED_LESION.finditer(note) if not NEGATION.search(before(note, m.start()))), None)
    if lesion is None:
        return suggestions, []
    reason = f"{lesion.group(0)}: {CALCIFIED_LESION}, coronary atherosclerosis due to a calcified coronary lesion"
    return [*suggestions, from_rule(CALCIFIED_LESION, lesion, tabular, NAME, reason)], [reason]
