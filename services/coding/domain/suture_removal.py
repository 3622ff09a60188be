"""A visit to take out sutures or staples is Z48.02, encounter for removal of sutures (index: "Removal, sutures";
guideline I.C.21.c.7, aftercare). Not where the visit is another aftercare that holds it (a joint replacement's
Z47.1, a system's Z48.81-), nor an injury's: the aftercare of a repaired laceration or a fixed fracture is the
injury's code with its subsequent-encounter 7th character, never an aftercare Z code."""
from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import NEGATION, before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "suture-removal"
CODE = "Z48.02"
_REMOVAL = _rx(r"(suture|staple|stitch) removal|removal of (the |his |her )?(sutures|staples|stitches)|"
               r"(sutures|staples|stitches) (out|removed)")
# a removal to come ("suture removal in 10 days", "return for staple removal") is not this visit's
_TO_COME = _rx(r"in \d+ (days?|d|wks?|weeks?)|return\w* for|scheduled|will|plan(ned)?|next (week|visit)")
# aftercare codes that already say the visit's purpose, and an injury's codes (S, T)
_OTHER_AFTERCARE = ("Z47", "Z48.81", "Z48.3", "S", "T")
_INJURY = _rx(r"lacerations?|wounds? repaired|injur\w*|fractures?|fx|bites?|trauma\w*")


@needs(patterns=(_REMOVAL,))
def suture_removal(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    match = next((m for m in _REMOVAL.finditer(note) if _this_visits(note, m)), None)
    if match is None or not tabular.is_billable(CODE) or any(s.code.startswith((CODE, *_OTHER_AFTERCARE))
                                                                 for s in suggestions):
        return suggestions, []
    reason = f"{match.group(0)}: {CODE}, encounter for removal of sutures"
    return [*suggestions, from_rule(CODE, match, tabular, NAME, reason)], [reason]


def _this_visits(note: str, match) -> bool:
    """Done at this visit, after an operation rather than a repaired injury (a healed fracture's history aside)."""
    said = sentence(note, match.start(), match.end())
    injured = [m for m in _INJURY.finditer(note) if "healed" not in sentence(note, m.start(), m.end()).lower()]
    return not (NEGATION.search(before(note, match.start())) or _TO_COME.search(said) or injured)
