"""One condition named twice, once bare and once with its complication ("known moderate persistent asthma ...
A: moderate persistent asthma with acute exacerbation"): the tabular's "uncomplicated" code says the complication
is absent, so beside the same condition's complicated code it contradicts the note and gives way (guideline I.B.2,
the highest specificity documented; one condition, one code).

Read from the tabular's own words: a code described "<condition>, uncomplicated" is dropped beside an affirmed code
of its subcategory whose description opens with the same <condition> ("Moderate persistent asthma with (acute)
exacerbation", "Alcohol dependence, in remission"). Two conditions never share a subcategory's stem, so a second
condition is never lost. A complicated code named only in text copied forward from an earlier
note ("[Copied forward from 08/2025] Asthma exacerbation") speaks of that visit, not of today's."""
import re

from services.coding.domain.note_revisions import COPIED_NAME, copied_forward
from services.coding.domain.suggestions import Suggestion

NAME = "complicated-condition"
_UNCOMPLICATED = re.compile(r"^(?P<stem>.+), uncomplicated$", re.IGNORECASE)
_SUBCATEGORY = 5  # "J45.4": moderate persistent asthma


def _complicated_owner(bare: Suggestion, affirmed: list[Suggestion]) -> Suggestion | None:
    stated = _UNCOMPLICATED.match(bare.description or "")
    if stated is None:
        return None
    stem = stated.group("stem").lower()
    return next((s for s in affirmed if s.code != bare.code and s.code[:_SUBCATEGORY] == bare.code[:_SUBCATEGORY]
                 and s.description.lower().startswith(stem) and not _UNCOMPLICATED.match(s.description)), None)


def complicated_condition(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    affirmed = [s for s in suggestions if s.context == "affirmed"]
    todays = [s for s in copied_forward(affirmed, note) if s.convention != COPIED_NAME]
    dropped, reasons = [], []
    for s in affirmed:
        owner = _complicated_owner(s, todays)
        if owner is not None:
            dropped.append(s)
            reasons.append(f"{s.evidence}: {s.code} says uncomplicated, the note codes the same condition with its "
                           f"complication as {owner.code}; {owner.code} stands")
    return [s for s in suggestions if s not in dropped], reasons
