"""An injury's late effect, for the 7th character S (guideline I.C.19.a: "S", sequela, is for a condition that
arises as a direct result of an injury, coded first, with the injury's code and S beside it). A note states it
in so many words ("a late effect of a tibial plateau fracture", "sequelae of the concussion"), or names an
after-effect of an injury ("post-concussion syndrome", "post-traumatic headaches", "posttraumatic arthritis")
with the injury placed months or years before the visit ("4 months after a concussion", "fractured in 2019"):
the injury is then no longer in treatment, and its code describes the cause of the present condition."""
import re

from services.coding.domain.note_text import word_pattern
from services.coding.domain.seventh_character_sent import NO_SEQUELA

SEQUELA = ("sequela",)
_LATE_EFFECT_OF = word_pattern(r"(late effects?|sequelae?) of")
# the injury a late effect is named after, a few words on: "a late effect of a R tibial plateau fracture"
_CAUSE_BEFORE = re.compile(r"\b(late effects?|sequelae?) of\s+(an? |the |his |her |multiple |old |prior |remote )*"
                           r"(\S+ ){0,3}$", re.IGNORECASE)
# an injury's own after-effects, not "post-traumatic stress disorder" (a reaction to an event, not an injury's);
# "chronic pain due to trauma" is the index's own words for G89.21, and a deficit called residual is one left behind
# (not "no residual deficits": a recovery)
_AFTER_EFFECT = word_pattern(r"post-?concuss\w*|post-?traumatic(?! stress)|pain due to trauma|"
                             r"(?<!no )(?<!without )(?<!w/o )residual (numbness|weakness|pain|stiffness|tingling|"
                             r"paresthesias?|deficits?|headaches?)")
_MONTHS_BEFORE = word_pattern(r"(\d+|a few|several|two|three|four|five|six|eight|nine|ten|twelve) "
                              r"(months?|mos?|years?|yrs?) (after|ago|since|post|following)|in (19|20)\d\d")


def names_a_late_effect(text: str) -> bool:
    """The text names a condition as a late effect in so many words ("a late effect of", "sequela of"), not
    denied ("no sequelae"): the condition is the residual, coded first (guideline I.B.10)."""
    return _LATE_EFFECT_OF.search(NO_SEQUELA.sub(" ", text)) is not None


def sequela_code(code: str) -> bool:
    """An injury code with the 7th character S: the injury it names is over by definition, its late effect is not."""
    return code[:1] in ("S", "T") and len(code.replace(".", "")) == 7 and code.endswith("S")


def named_as_cause(text_before: str) -> bool:
    """The injury written next is the cause of a late effect the note names, whatever its date or its healing
    says: the sequela's injury code (7th character S) is read from it."""
    return _CAUSE_BEFORE.search(text_before) is not None


# the injury a present condition dates from or is put down to, a few words on: "stiff shoulder since a L proximal
# humerus fracture", "knee pain after a patella fracture", "headaches since a concussion"
_CAUSE_WORD_BEFORE = re.compile(r"\b(since|after|following|due to|caused by|secondary to|result(ing)? (of|from))\s+"
                                r"(an? |the |his |her |multiple |old |prior |remote )*(\S+ ){0,3}$", re.IGNORECASE)


def dated_from_by_a_late_effect(note: str, text_before: str) -> bool:
    """The injury written next is the one a present condition dates from, in a note that names that condition as
    the injury's late effect: the injury is the sequela's cause however its date or its healing reads."""
    return _CAUSE_WORD_BEFORE.search(text_before) is not None and injury_sequela(note) is not None


def injury_sequela(note: str) -> tuple[str, ...] | None:
    """The 7th character meaning "sequela" when the note names a present condition as an injury's late effect."""
    if _LATE_EFFECT_OF.search(note) or (_AFTER_EFFECT.search(note) and _MONTHS_BEFORE.search(note)):
        return SEQUELA
    return None
