"""A joint's pain on both sides in the words clinics write ("pain in both shoulders", "both knees ache", "aching
and stiffness in both shoulders", "knees hurt bilaterally"): the index's "Pain, joint" (M25.5-) by joint, and a
hand's or a foot's pain (M79.64-, M79.67-), have no bilateral code, so the finding is the unspecified side's code
and `laterality` makes it the right code and the left from the sentence's "both".

A denial or a doubt before the words is read by `documented_findings` as for every sign; a joint disease coded for
the same joint and side takes the pain (`same_site_signs`, `integral_symptoms`), as for one side's pain.
"""
import re

from services.coding.domain.both_sides import BOTH_WRITTEN_OUT as _BOTH, WHOSE as _WHOSE
from services.coding.domain.note_text import word_pattern as _word

# the unspecified side's code by the joints' plural
_UNSIDED_CODES = {"shoulders": "M25.519", "elbows": "M25.529", "wrists": "M25.539", "hips": "M25.559",
                  "knees": "M25.569", "ankles": "M25.579", "hands": "M79.643", "feet": "M79.673"}
_JOINTS = "|".join(_UNSIDED_CODES)
_ACHE = r"(ache|aching|hurt|hurting|hurts|(are )?(painful|sore))"


def _both_sides_pain(match: re.Match, note: str) -> tuple[str, str]:
    joints = match.group("joints").lower()
    return _UNSIDED_CODES[joints], f"pain of both {joints}: each side's code"


# every word the rows need, searched once before them
BOTH_SIDES_PAIN_WORDS = _word(r"both|bilateral|bilaterally")
# (words, codes the term index may have found on them, resolve(match, note) -> (code, why)); the aching of "aching
# and stiffness in both shoulders" is read on its own word, the stiffness's rows having the joints' words
BOTH_SIDES_PAIN_FINDINGS = (
    (_word(rf"pain (in|of|at) {_WHOSE}{_BOTH} (?P<joints>{_JOINTS})"), ("M25", "M79", "R52"), _both_sides_pain),
    (_word(rf"{_BOTH} (?P<joints>{_JOINTS}) {_ACHE}"), ("M25", "M79", "R52"), _both_sides_pain),
    (_word(rf"(?P<joints>{_JOINTS}) {_ACHE} bilaterally"), ("M25", "M79", "R52"), _both_sides_pain),
    (_word(rf"(aching|achiness|achy|soreness)(?=(,? and stiffness)? (in|of) {_WHOSE}{_BOTH} (?P<joints>{_JOINTS})\b)"),
     ("M25", "M79", "R52"), _both_sides_pain),
)
