"""Radioactive iodine given in the past is the personal history of irradiation, Z92.3.

I-131 ablation of a thyroid cancer's remnant or of a Graves thyroid is therapeutic radiation: the index's
"History, personal, irradiation" and the tabular's Z92.3 ("Personal history of exposure to therapeutic radiation")
name it, whatever condition it was given for, and it bears on the patient's later care as an external beam does.
Only a dose the note says was given ("s/p RAI", "after radioiodine", "treated with RAI in 2015", "RAI ablation
2021", "RAI given"); not one discussed, planned, offered or declined, nor the uptake scan that uses a tracer dose to
image the gland.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "radioiodine-history"
CODE = "Z92.3"
_RADIOIODINE = _rx(r"radioactive iodine|radioiodine|rai|i-?131")
# the words of its sentence that place the dose in the past
_GIVEN = _rx(r"s/p|status post|post|after|following|hx|history of|h/o|given|received|treated|underwent|had|"
             r"post-?ablative|(19|20)\d\d|\d+ (years?|yrs?) ago")
_NOT_GIVEN = _rx(r"discuss\w*|consider\w*|plan\w*|scheduled|schedule|will|candidate|offered|option\w*|if|"
                 r"recommend\w*|refer\w*|declin\w*|refus\w*|due|pending|pre-?rai|before rai|uptake|raiu|scan|"
                 r"counsel\w*")


@needs(patterns=(_RADIOIODINE,))
def radioiodine_given(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code == CODE for s in suggestions) or not tabular.is_billable(CODE):
        return suggestions, []
    match = next((m for m in _RADIOIODINE.finditer(note) if _given_in_the_past(note, m)), None)
    if match is None:
        return suggestions, []
    reason = f"{match.group(0)} given in the past: {CODE}, personal history of irradiation (therapeutic radiation)"
    return [*suggestions, from_rule(CODE, match, tabular, NAME, reason, context="history")], [reason]


# the dose the note books for a later day; beside it, a plain "after RAI" elsewhere is that dose's sequel to come
_BOOKED = _rx(r"scheduled|planned|pending|booked")
_ONLY_AFTER = _rx(r"after|following|post")


def _given_in_the_past(note: str, match: re.Match) -> bool:
    text = sentence(note, match.start(), match.end())
    return bool(_GIVEN.search(text)) and not _NOT_GIVEN.search(text) and not FAMILY.search(text) \
        and not NEGATION.search(before(note, match.start())[-25:]) and not _a_booked_dose_to_come(note, text)


def _a_booked_dose_to_come(note: str, text: str) -> bool:
    """"Levothyroxine after RAI" in a note that books the RAI for next week ("RAI ablation scheduled next week")."""
    told_only_as_after = all(_ONLY_AFTER.fullmatch(m.group(0)) for m in _GIVEN.finditer(text))
    return told_only_as_after and any(_BOOKED.search(sentence(note, m.start(), m.end()))
                                      for m in _RADIOIODINE.finditer(note))
