"""What a joint sign written for both sides needs, whatever the sign (pain, effusion, stiffness): the words for "both
sides", the place just after them where the joint is named, and whether a joint disease the note states explains the
sign.

ICD-10-CM has no bilateral code for a joint's effusion or stiffness (M25.4-, M25.6-), so each side is its own
finding; a joint disease the note states as current explains the sign on both sides (guideline I.B.5), one only
supposed ("? gout", "r/o RA") explains nothing yet (IV.H).
"""
import re

from services.coding.domain.note_text import current

# the words for "both sides", written out and in shorthand ("B knees", "bilat wrists")
BOTH = r"(both|b|bilat|bilateral)"
# the written-out words alone: the pain of both joints is read on these, never on "B knees" or "bilat hips"
BOTH_WRITTEN_OUT = r"(both|bilateral)"
# an article or a possessive before "both" ("stiffness in the bilateral hands", "pain in her both knees")
WHOSE = r"(the |her |his |my )?"
AFTER_BOTH = r"((?<=\bboth )|(?<=\bb )|(?<=\bbilat )|(?<=\bbilateral ))"


def explained_by_current(disease: re.Pattern, note: str) -> bool:
    """A condition of `disease`'s words stated as current anywhere in the note."""
    return any(current(note, m.start(), m.end()) for m in disease.finditer(note))
