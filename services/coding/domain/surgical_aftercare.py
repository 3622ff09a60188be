"""A post-operative visit after an operation on a body system is that system's surgical aftercare, Z48.81-
("Aftercare, following surgery (for) (on), digestive system", guideline I.C.21.c.7): the operation is over and the
visit checks the recovery from it. The visit says so ("post-op visit", "postoperative check", "here for her
post-op") and names an operation of the table in a sentence that places it done, not to come. Aftercare of an
injury (ORIF, nailing) is the injury code's subsequent encounter and of a joint replacement Z47.1: neither is in
the table, so neither is read here."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "surgical-aftercare"
# (the operation's words, the code, the system the index's Aftercare entry names)
OPERATIONS = (
    (_rx(r"(lap(aroscopic)? |open |robotic )?(cholecystectomy|appendectomy|(hemi)?colectomy|herniorrhaphy|"
         r"hernia repair|bowel resection|gastrectomy|whipple)"), "Z48.815", "digestive system"),
    (_rx(r"cabg( x ?\d)?|coronary (artery )?bypass graft(ing)?|(aortic|mitral) valve replacement|s?avr|mvr|"
         r"carotid endarterectomy"), "Z48.812", "circulatory system"),
    (_rx(r"(vats |thoracoscopic )?((lung |pulmonary )?wedge resection|lobectomy|segmentectomy|pneumonectomy)"),
     "Z48.813", "respiratory system"),
    (_rx(r"(radical |robotic )?(prostatectomy|nephrectomy|hysterectomy|cystectomy)"), "Z48.816",
     "genitourinary system"),
    (_rx(r"craniotomy|carpal tunnel release"), "Z48.811", "nervous system"),
)
# or in the clinic's shorthand ("PO visit"), named after the operation ("Post-CABG visit"), or the assessment's
# own word ("Aftercare s/p CABG")
_POST_OP_VISIT_WORDS = (r"post-?op(erative)? (visit|check|follow-?up|appointment|wound check)", r"po (visit|check)",
                        r"post-?(cabg|avr|mvr) (visit|check)", r"aftercare (s/p|after|following)",
                        r"(here|seen|presents) for (a |his |her )?post-?op(erative)?")
_POST_OP_VISIT = _rx("|".join(_POST_OP_VISIT_WORDS))
# each way alone, for the gate: the words one of them needs ("post" with "op", "aftercare"), where the whole
# alternation needs only one of its ways' words ("follow", "check", " for ") and opened on most notes
_POST_OP_VISITS = tuple(map(_rx, _POST_OP_VISIT_WORDS))
_TO_COME = _rx(r"planned|scheduled|referr\w*|candidate for|consider\w*|recommended|awaiting|pre-?op(erative)?|"
               r"will (undergo|have)|to (undergo|have)")


def is_post_op_visit(note: str) -> bool:
    return _POST_OP_VISIT.search(note) is not None


@needs(patterns=_POST_OP_VISITS)
def surgical_aftercare(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    visit = _POST_OP_VISIT.search(note)
    if visit is None:
        return suggestions, []
    for pattern, code, system in OPERATIONS:
        match = next((m for m in pattern.finditer(note) if _done(note, m)), None)
        if match is None or any(s.code == code for s in suggestions) or not tabular.is_billable(code):
            continue
        reason = f"{visit.group(0)} after {match.group(0)}: {code} (aftercare following surgery on the {system})"
        return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [reason]
    return suggestions, []


def _done(note: str, match: re.Match) -> bool:
    whole = sentence(note, match.start(), match.end())
    return not _TO_COME.search(whole) and not FAMILY.search(whole)
