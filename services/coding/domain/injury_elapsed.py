"""The encounter of an injury the note dates ("10 days ago", "last week") without follow-up words, for the 7th
character (guideline I.C.19.a). Care the injury already had, written as a state ("now in a brace", "in splint",
"casted at urgent care", "seen in the ED"), makes this visit one after its active treatment: the subsequent
encounter (D). An injury of the last few days with no such care is seen now for the first time: its active
treatment (A). An injury weeks old with no care named is left to a coder: the note does not say whether anyone
treated it.

A fracture waiting for its operation ("for ORIF tomorrow", "scheduled for IM nailing") is in active treatment (A);
one "s/p" or "after" its fixation had that treatment, and a visit weeks later is after it (D)."""
import re

_DAYS_AGO = re.compile(r"\b(\d+|a few|several|two|three|four|five|six) (days?|d) ago\b", re.IGNORECASE)
_WEEKS_AGO = re.compile(r"\b((\d+|a few|several|two|three|four|five|six) (wks?|weeks?|months?|mos?) ago|"
                        r"last (week|month)|\d+ (days?|wks?|weeks?|months?|mos?) (after|post|since))\b",
                        re.IGNORECASE)
# care given before this visit: a device the patient is in, or a treatment another place gave
_EARLIER_CARE = re.compile(r"\b(in (a |the |his |her )?((short|long)[- ]arm |walking |hinged |cam )?"
                           r"(cast|splint|boot|brace|sling)|(casted|splinted|seen|treated) (in|at|by) (the |an )?"
                           r"(ED|ER|emergency|urgent care|ortho\w*)|\((seen|treated) in (the )?(ED|ER)\))",
                           re.IGNORECASE)
_OPERATION = r"(ORIF|open reduction|closed reduction|IM nail\w*|intramedullary nail\w*|(internal )?fixation|pinning|CRPP)"
_FIXED_BEFORE = re.compile(rf"\b(s/p|status post|after|post) (an? )?{_OPERATION}", re.IGNORECASE)
_AWAITING_OPERATION = re.compile(rf"\b((for|scheduled for|booked for|planned) (an? )?{_OPERATION}|{_OPERATION} "
                                 r"(is )?(planned|scheduled|booked|tomorrow|today))\b", re.IGNORECASE)

INITIAL = ("initial encounter", "initial encounter for closed fracture")
SUBSEQUENT = ("subsequent encounter", "subsequent encounter for closed fracture with routine healing",
              "subsequent encounter for fracture with routine healing")


def encounter_by_elapsed_time(note: str) -> tuple[str, ...] | None:
    """The 7th character meanings the injury's date, earlier care or awaited operation state, if they state one."""
    if _AWAITING_OPERATION.search(note) and not _FIXED_BEFORE.search(note):
        return INITIAL
    dated = _DAYS_AGO.search(note) or _WEEKS_AGO.search(note)
    if dated is None:
        return None
    if _EARLIER_CARE.search(note) or _FIXED_BEFORE.search(note):
        return SUBSEQUENT
    return INITIAL if _DAYS_AGO.search(note) else None
