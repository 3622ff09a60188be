"""A joint's effusion or swelling on both sides ("bilateral knee effusions", "B knee effusions", "swelling of both
knees", "effusions in both knees") is two codes, the right joint's and the left's: ICD-10-CM has no bilateral code
for "Effusion, joint" (M25.4-), and the index sends "Swelling, joint" there by joint and side.

One finding makes one code, so each side is its own finding on its own words: the right on the word before the
joint ("bilateral", "both") or on "effusion"/"swelling", the left on the joint named. Both ankles swollen are the
edema the index files under "Edema, localized" (R60.0), not two effusions, unless the words say "effusion". A joint
disease the note states as current (arthritis, gout, a fracture, a ligament's tear) is the effusion's explanation
and takes both sides (guideline I.B.5); one only supposed ("? gout", "r/o RA") explains nothing yet (IV.H). A denial
or a doubt before the words is read by `documented_findings` as for every finding.
"""
import re

from services.coding.domain.both_sides import AFTER_BOTH as _AFTER_BOTH, BOTH as _BOTH, explained_by_current
from services.coding.domain.note_text import word_pattern as _word

_JOINT_CODES = {"shoulder": "M25.41", "elbow": "M25.42", "wrist": "M25.43", "hip": "M25.45", "knee": "M25.46",
                "ankle": "M25.47"}
_JOINTS = "shoulder|elbow|wrist|hip|knee|ankle"
_SWOLLEN_JOINTS = "shoulder|elbow|wrist|hip|knee"  # both ankles swollen: edema
_EFFUSION = r"(joint )?effusions?"
_JOINT_DISEASE = _word(r"arthritis|osteoarthritis|oa|ra|arthrosis|arthropathy|gout|pseudogout|synovitis|"
                       r"fractures?|fx|sprains?|tears?|torn|ligaments?|acl|meniscal|meniscus|dislocations?|sequela|"
                       r"contusions?|bursitis|hemarthrosis|cellulitis|lupus|sle")


def _unexplained(note: str) -> bool:
    return not explained_by_current(_JOINT_DISEASE, note)


def _side(digit: str, side: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        joint = match.group("joint").lower()
        if not _unexplained(note):
            return None
        return _JOINT_CODES[joint] + digit, f"effusion of both {joint}s: the {side} side's code"
    return resolve


_SIGN_BEFORE = re.compile(rf"\b(effusions?|swelling),? (of|in) (the )?{_BOTH} $", re.IGNORECASE)


def _left_after_sign(match: re.Match, note: str) -> tuple[str, str] | None:
    """The left side's code on the joints named after "effusion of both" or "swelling of both"."""
    sign = _SIGN_BEFORE.search(note, max(0, match.start() - 40), match.start())
    if sign is None or (sign.group(1).lower() == "swelling" and match.group("joint").lower() == "ankle"):
        return None
    return _side("2", "left")(match, note)


# every word the rows need, searched once before them
BOTH_SIDES_EFFUSION_WORDS = re.compile(rf"\b{_BOTH} ({_JOINTS})s? {_EFFUSION}\b|\b(swelling|effusions?),? (of|in) "
                                       rf"(the )?{_BOTH} ({_JOINTS})s\b", re.IGNORECASE)
# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
BOTH_SIDES_EFFUSION_FINDINGS = (
    # "bilateral knee effusions": the right on "bilateral", the left on "knee"
    (re.compile(rf"\b{_BOTH}(?= (?P<joint>{_JOINTS})s? {_EFFUSION}\b)", re.IGNORECASE), ("M25", "R60"),
     _side("1", "right")),
    (re.compile(rf"{_AFTER_BOTH}(?P<joint>{_JOINTS})(?=s? {_EFFUSION}\b)", re.IGNORECASE), ("M25", "R60"),
     _side("2", "left")),
    # "swelling of both knees", "effusions in both knees": the right on the sign's word, the left on the joints
    (re.compile(rf"\b(effusions?|swelling(?=,? (of|in) (the )?{_BOTH} ({_SWOLLEN_JOINTS})s\b))"
                rf"(?=,? (of|in) (the )?{_BOTH} (?P<joint>{_JOINTS})s\b)", re.IGNORECASE), ("M25", "R60"),
     _side("1", "right")),
    (re.compile(rf"{_AFTER_BOTH}(?P<joint>{_JOINTS})s\b", re.IGNORECASE), ("M25", "R60"), _left_after_sign),
)
