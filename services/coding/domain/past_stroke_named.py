"""A stroke the note places in the past is the one stroke, wherever else the note names it.

A note that gives a cerebral infarction's sequela (I69.-) or its history without residual deficits (Z86.73) has
read the stroke as over; "Stroke clinic", "post-stroke f/u" or "ischemic stroke" elsewhere in it name the same
event, not a current infarction. I63 codes go beside I69 only for a new stroke during the care of an old one's
deficits (guideline I.C.9.d.3), so an infarction whose sentence names it new, acute or recurring stands; the others
go to a coder, since a Z86.73 may be a past TIA's beside a stroke the note does not date.
"""
import re

from services.coding.domain.note_text import sentence
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

NAME = "past-stroke-named-again"
_INFARCTION = "I63"
_PLACED_PAST = ("I69.3", "Z86.73")  # a cerebral infarction's sequela; its history without residual deficits
_NEW_EVENT = re.compile(r"\b(new|acute|acutely|recurrent|recurrence|another|second|evolving|today|tonight|"
                        r"this (morning|afternoon|evening)|yesterday|last night|\d+\s*(hours?|hrs?|days?) ago)\b",
                        re.IGNORECASE)


def one_past_stroke(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not any(s.code.startswith(_PLACED_PAST) for s in suggestions):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith(_INFARCTION) and not _NEW_EVENT.search(sentence(note, s.start, s.end)):
            reason = f"{s.evidence}: the stroke the note places in the past, not a current {s.code}"
            reasons.append(reason)
            s = for_a_coder(s, NAME, reason)
        out.append(s)
    return out, reasons
