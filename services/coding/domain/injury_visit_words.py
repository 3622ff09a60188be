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
    r"\bpre-?op(erative)? (labs?|CBC|clearance|evaluation)\b",
    re.IGNORECASE)
# the operation the injury waits for ("awaiting reconstruction", "arthroscopic repair scheduled", "for
# reconstruction next wk") is its treatment still to come, whatever else the visit is called
_OPERATION = r"(surgery|(arthroscopic |surgical |open )?repair|reconstruction|arthroscop\w+)"
_AWAITED_OPERATION = re.compile(
    rf"\b(awaiting|scheduled for|booked for|planned for) {_OPERATION}\b|"
    rf"\b{_OPERATION} (is )?(tomorrow|scheduled|booked|planned)\b|"
    rf"\bfor (\w+ )?{_OPERATION} (next (wk|week|month)|tomorrow)\b",
    re.IGNORECASE)
# or the repair's sutures taken out at this visit (aftercare of the injury: guideline I.C.19.a), not a removal to come
# ("suture removal in 10 days", "return for suture removal")
_HEALING_UNDER_CARE = re.compile(
    r"\b(improving|progressing|continues|continuing) (with |in )?(PT|physical therapy)\b|"
    r"\b(fracture|fx) (is )?healing\b(?! (poorly|slowly))|"
    r"(?<!return for )(?<!rtc for )(?<!back for )\b(suture|staple|stitch) removal\b(?!,? (in|on|at|next|scheduled|planned)\b)|"
    r"\b(sutures|staples|stitches) (removed|out)\b(?! (in|on|next)\b)",
    re.IGNORECASE)


def encounter_by_visit_words(note: str) -> tuple[str, ...] | None:
    """The 7th character meanings the visit's own words state, if they state exactly one encounter."""
    active = _ACTIVE_TREATMENT.search(note) or awaits_operation(note)
    healing = _HEALING_UNDER_CARE.search(note)
    if active and not healing:
        return INITIAL
    if healing and not active:
        return SUBSEQUENT
    return None


# the note says this visit is the injury's first ("first visit for it"): a follow-up heading is then another
# condition's, and the injury is in its active treatment whatever the heading says
_FIRST_VISIT_FOR_IT = re.compile(r"\bfirst (visit|eval\w*|assessment) for (it|this)\b", re.IGNORECASE)


def first_visit_for_it(note: str) -> bool:
    """Whether the note names this visit as the injury's first, which outweighs a follow-up heading."""
    return _FIRST_VISIT_FOR_IT.search(note) is not None


def awaits_operation(note: str) -> bool:
    """Whether the note names an operation the injury is still waiting for: its active treatment (A)."""
    return _AWAITED_OPERATION.search(note) is not None
