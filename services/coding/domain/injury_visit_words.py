"""The encounter of an injury as the visit's own words state it, where neither follow-up words nor the injury's
date do (guideline I.C.19.a). The injury's active treatment (A): the visit is in the emergency department or an
urgent care (the note's heading says so: "ED note.", "Urgent care:"), a specialist's consult (evaluation by a new
physician), or the injury waits for its operation ("awaiting reconstruction", "surgery tomorrow", pre-op labs).
Its routine healing (D): the injury is healing under the care it had ("improving with PT", "fracture healing").
A note with words of both is left to a coder.
"""
import re

from services.coding.domain.injury_elapsed import INITIAL, SUBSEQUENT

# the heading of the note names where or how the visit happens
_HEADING = r"(^|\n)\s*"
_ACTIVE_TREATMENT = re.compile(
    rf"{_HEADING}(ED|ER|emergency (department|room)|urgent care)( (provider )?(note|visit))?\s*[:.\-]|"
    rf"{_HEADING}([\w-]+ ){{0,2}}consult(ation)?\b|"
    r"\bfirst (visit|eval\w*|assessment) (for it|for this|here|with us)\b|"
    r"\b(awaiting|scheduled for|booked for|planned for) (surgery|surgical repair|repair|reconstruction|"
    r"arthroscop\w+)\b|\b(surgery|surgical repair|reconstruction) (is )?(tomorrow|scheduled|booked|planned)\b|"
    r"\bpre-?op(erative)? (labs?|CBC|clearance|evaluation)\b",
    re.IGNORECASE)
_HEALING_UNDER_CARE = re.compile(
    r"\b(improving|progressing|continues|continuing) (with |in )?(PT|physical therapy)\b|"
    r"\b(fracture|fx) (is )?healing\b(?! (poorly|slowly))",
    re.IGNORECASE)


def encounter_by_visit_words(note: str) -> tuple[str, ...] | None:
    """The 7th character meanings the visit's own words state, if they state exactly one encounter."""
    active, healing = _ACTIVE_TREATMENT.search(note), _HEALING_UNDER_CARE.search(note)
    if active and not healing:
        return INITIAL
    if healing and not active:
        return SUBSEQUENT
    return None
