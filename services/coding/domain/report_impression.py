"""A test report's impression over its findings: the interpretation is what is coded (guideline IV.K: for a
diagnostic test interpreted by a physician, code the diagnoses the interpretation documents). A finding listed in
the body of a Holter or an echo ("rare PVCs", "one run of atrial tachycardia", "trace mitral regurgitation") that the
impression calls insignificant ("Impression: no significant arrhythmia", "no clinically significant valvular
disease") is part of a normal study, not a condition of the patient.

Read per class of finding: the impression's words name a class ("arrhythmia", "valvular disease") and the codes
the class covers are set aside where the note names them before the impression, unless the impression itself
names them again."""
import re

from services.coding.domain.suggestions import Suggestion

NAME = "impression-set-aside"
_IMPRESSION = re.compile(r"\b(impression|interpretation|conclusions?)\s*:", re.IGNORECASE)
_NONE_SIGNIFICANT = r"\bno (clinically |hemodynamically )?(significant |important |relevant )?"
# the class an impression calls insignificant -> the categories of the findings it covers
_CLASSES = (
    (re.compile(_NONE_SIGNIFICANT + r"(cardiac )?(arrhythmias?|dysrhythmias?)\b", re.IGNORECASE),
     ("I47", "I48", "I49")),
    (re.compile(_NONE_SIGNIFICANT + r"(valvular|valve) (disease|abnormalit(y|ies)|dysfunction)\b", re.IGNORECASE),
     ("I05", "I06", "I07", "I08", "I34", "I35", "I36", "I37")),
)


def _set_aside(impression: str) -> tuple[str, ...]:
    return tuple(category for pattern, categories in _CLASSES if pattern.search(impression)
                 for category in categories)


def set_aside_by_impression(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """The suggestions without the findings the report's impression calls insignificant."""
    found = _IMPRESSION.search(note)
    if found is None:
        return suggestions
    categories = _set_aside(note[found.end():])
    if not categories:
        return suggestions
    return [s for s in suggestions if not (s.code[:3] in categories and s.end <= found.start())]
