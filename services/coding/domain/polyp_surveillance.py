"""A surveillance colonoscopy this visit orders or does, after colon polyps were removed, is a follow-up
examination after completed treatment: Z09, beside the polyps' personal history code (Z86.010-) that says what it
follows (guideline I.C.21.c.8; the polypectomy was the treatment). One only due, referred or planned for later is
not this visit's reason ("surveillance scope due 2027"), and after a colon cancer the visit is Z08, not read here."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule
from services.coding.domain.treatment_ended import in_the_opening

NAME = "polyp-surveillance"
CODE = "Z09"
_SURVEILLANCE = _rx(r"surveillance (colonoscopy|scope)|(colonoscopy|scope),? (for )?surveillance")
_LATER = _rx(r"due|refer\w*|schedul\w*|will|plan(ned)?|next|in \d+ (mo|months?|yrs?|years?)|recommend\w*")


@needs(codes=("Z86.010",))
def polyp_surveillance(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    match = next((m for m in _SURVEILLANCE.finditer(note) if _this_visits(note, m)), None)
    if match is None or not any(s.code.startswith("Z86.010") for s in suggestions) or any(
            s.code.startswith(("Z08", "Z09", "Z85")) for s in suggestions) or not tabular.is_billable(CODE):
        return suggestions, []
    reason = f"{match.group(0)}: {CODE}, follow-up examination after the polyps' removal"
    return [from_rule(CODE, match, tabular, NAME, reason), *suggestions], [reason]


def _this_visits(note: str, match: re.Match) -> bool:
    """The colonoscopy the note opens with (the order, the procedure), not one it plans."""
    return in_the_opening(note, match.start()) and not _LATER.search(sentence(note, match.start(), match.end()))
