"""An injury's late effect, for the 7th character S (guideline I.C.19.a: "S", sequela, is for a condition that
arises as a direct result of an injury, coded first, with the injury's code and S beside it). A note states it
in so many words ("a late effect of a tibial plateau fracture", "sequelae of the concussion"), or names an
after-effect of an injury ("post-concussion syndrome", "post-traumatic headaches", "posttraumatic arthritis")
with the injury placed months or years before the visit ("4 months after a concussion", "fractured in 2019"):
the injury is then no longer in treatment, and its code describes the cause of the present condition."""
from services.coding.domain.note_text import word_pattern

SEQUELA = ("sequela",)
_LATE_EFFECT_OF = word_pattern(r"(late effects?|sequelae?) of")
# an injury's own after-effects, not "post-traumatic stress disorder" (a reaction to an event, not an injury's)
_AFTER_EFFECT = word_pattern(r"post-?concuss\w*|post-?traumatic(?! stress)")
_MONTHS_BEFORE = word_pattern(r"(\d+|a few|several|two|three|four|five|six|eight|nine|ten|twelve) "
                              r"(months?|mos?|years?|yrs?) (after|ago|since|post|following)|in (19|20)\d\d")


def injury_sequela(note: str) -> tuple[str, ...] | None:
    """The 7th character meaning "sequela" when the note names a present condition as an injury's late effect."""
    if _LATE_EFFECT_OF.search(note) or (_AFTER_EFFECT.search(note) and _MONTHS_BEFORE.search(note)):
        return SEQUELA
    return None
