"""History of falling (Z91.81): falls the note gives as the patient's history or risk ("history of falls", "two
falls in the past year", "has fallen twice this year", "fell twice more this year"), which tell the payer why fall
prevention is part of the care. Only the wordings of a history (over a year, "history of"): recent falls under
work-up ("falls x 2 this week", "two falls in the past month") are the repeated falls themselves (R29.6). Not for
falls denied or a relative's.
"""
import re

from services.coding.domain.note_text import FAMILY, negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "fall-history"
# every wording above holds "fall" or "fell": most notes hold neither, and one search skips the rest
_FALL_WORD = re.compile(r"fall|fell", re.IGNORECASE)
_FALLS = _rx(r"(history of|h/o|hx( of)?) (recurrent |repeated |multiple |frequent )?falls|"
             r"((two|three|four|several|multiple|\d) falls|falls (x|times) ?\d) (in|over|during) the (past|last) "
             r"(year|12 months)|"
             r"(two|three|several|multiple|\d) falls this year|"
             r"((has )?fallen|fell) (twice|\w+ times|several times|repeatedly)( more| again)? "
             r"(this|in the past|over the past|in the last) year")


def fall_history(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if _FALL_WORD.search(note) is None or any(s.code == "Z91.81" for s in suggestions):
        return suggestions, []
    match = next((m for m in _FALLS.finditer(note) if not negated_before(note, m.start())
                  and not FAMILY.search(sentence(note, m.start(), m.end()))), None)
    if match is None or not tabular.is_billable("Z91.81"):
        return suggestions, []
    reason = f"{match.group(0)}: Z91.81, history of falling"
    return [*suggestions, from_rule("Z91.81", match, tabular, NAME, reason)], [reason]
