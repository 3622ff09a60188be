"""A transplant recipient's low-dose steroid, listed with the drugs that keep the graft: maintenance
immunosuppression taken for as long as the graft lives, so its long-term use (Z79.52) needs no other word of its
course ("Immunosuppression: tacrolimus, prednisone 5 mg daily"). A taper or burst for a rejection is a course of
days, which the caller's short-course check keeps out."""
import re

from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _rx

_TRANSPLANT_WORD = re.compile(r"transplant", re.IGNORECASE)  # read first: a note without it is not scanned
_TRANSPLANT = _rx(r"transplant(ed|s)?|transplantation")
_SYSTEMIC_STEROID = _rx(r"prednisone|prednisolone|methylprednisolone")
# the graft's other maintenance drugs, or the word for them, in the steroid's own sentence
_KEEPING_THE_GRAFT = _rx(r"immunosuppression|immunosuppressants?|anti-?rejection|tacrolimus|prograf|envarsus|"
                         r"cyclosporine|neoral|gengraf|mycophenolate|mycophenolic acid|cellcept|myfortic|azathioprine|"
                         r"imuran|sirolimus|rapamune|everolimus|zortress|belatacept|nulojix")


def may_name_a_transplant(note: str) -> bool:
    return _TRANSPLANT_WORD.search(note) is not None


def kept_with_the_graft(note: str, match: re.Match) -> re.Match | None:
    """The graft-keeping drug named in the sentence of the steroid at `match`, in a note about a transplant: the
    steroid's long-term cue."""
    if not (_SYSTEMIC_STEROID.fullmatch(match.group(0)) and _TRANSPLANT.search(note)):
        return None
    return _KEEPING_THE_GRAFT.search(sentence(note, match.start(), match.end()))
