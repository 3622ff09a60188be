"""What a joint sign written for both sides needs, whatever the sign: the words for "both sides", the place just
after them where the joint is named, and whether a joint disease the note states explains the sign.

ICD-10-CM has no bilateral code for a joint's effusion or stiffness (M25.4-, M25.6-), so each side is its own
finding; a joint disease the note states as current explains the sign on both sides (guideline I.B.5), one only
supposed ("? gout", "r/o RA") explains nothing yet (IV.H).
"""
import re

from services.coding.domain.note_text import current

BOTH = r"(both|b|bilat|bilateral)"
AFTER_BOTH = r"((?<=\bboth )|(?<=\bb )|(?<=\bbilat )|(?<=\bbilateral ))"


def explained_by_current(disease: re.Pattern, note: str) -> bool:
    """A condition of `disease`'s words stated as current anywhere in the note."""
    return any(current(note, m.start(), m.end()) for m in disease.finditer(note))
