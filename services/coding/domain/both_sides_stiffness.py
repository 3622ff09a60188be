"""A joint's stiffness on both sides ("morning stiffness in both knees", "stiffness of both hands", "AM stiffness B
hands > 1 h", "stiffness bilateral wrists") is two codes,
the right joint's and the left's: ICD-10-CM has no bilateral code for "Stiffness of joint, NEC" (M25.6-), and the
index sends "Stiff, joint" there by joint and side.

One finding makes one code, so each side is its own finding on its own words: the right on "stiffness", the left
on the joints named after "both". A joint disease the note states as current (arthritis, gout, a polymyalgia, a
fracture) is the stiffness's explanation and takes both sides, unless the stiffness's sentence names it as an
injury's late effect; a denial or a doubt before the words is read by `documented_findings` as for every finding.
"""
import re

from services.coding.domain.both_sides import AFTER_BOTH, BOTH as _BOTH, WHOSE as _WHOSE, explained_by_current
from services.coding.domain.injury_sequela import names_a_late_effect
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _word

_JOINT_CODES = {"shoulders": "M25.61", "elbows": "M25.62", "wrists": "M25.63", "hands": "M25.64", "hips": "M25.65",
                "knees": "M25.66", "ankles": "M25.67"}
_JOINTS = "|".join(_JOINT_CODES)
_STIFFNESS = rf"stiff(ness)?,? ((of|in) )?{_WHOSE}"
_JOINT_DISEASE = _word(r"arthritis|osteoarthritis|oa|ra|arthrosis|capsulitis|frozen shoulders?|contractures?|"
                       r"ankylosis|polymyalgia|pmr|spondylitis|gout|effusions?|fractures?|fx|dislocations?|sequela")
_STIFFNESS_BEFORE = re.compile(rf"\b{_STIFFNESS}{_BOTH} $", re.IGNORECASE)


def _unexplained(match: re.Match, note: str) -> bool:
    """No joint disease the note states as current explains the stiffness ("RA on methotrexate; morning stiffness
    of both hands"); one only supposed ("r/o RA", "concern for PMR") explains nothing yet."""
    if names_a_late_effect(sentence(note, match.start(), match.end())):
        return True
    return not explained_by_current(_JOINT_DISEASE, note)


def _right(match: re.Match, note: str) -> tuple[str, str] | None:
    joints = match.group("joints").lower()
    if not _unexplained(match, note):
        return None
    return _JOINT_CODES[joints] + "1", f"stiffness of both {joints}: the right side's code"


def _left(match: re.Match, note: str) -> tuple[str, str] | None:
    joints = match.group("joints").lower()
    if _STIFFNESS_BEFORE.search(note, max(0, match.start() - 40), match.start()) is None:
        return None
    if not _unexplained(match, note):
        return None
    return _JOINT_CODES[joints] + "2", f"stiffness of both {joints}: the left side's code"


# every word the rows need, searched once before them
BOTH_SIDES_STIFFNESS_WORDS = re.compile(rf"\b{_STIFFNESS}{_BOTH} ", re.IGNORECASE)
# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
BOTH_SIDES_STIFFNESS_FINDINGS = (
    (re.compile(rf"\bstiff(ness)?(?=,? ((of|in) )?{_WHOSE}{_BOTH} (?P<joints>{_JOINTS})\b)",
                re.IGNORECASE), ("M25",), _right),
    (re.compile(rf"{AFTER_BOTH}(?P<joints>{_JOINTS})\b", re.IGNORECASE),
     ("M25",), _left),
)
