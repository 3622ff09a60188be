"""A drug the note names only as part of what is over: the patient is off it, finished a course of it, it was
stopped ("metformin stopped", "warfarin discontinued 2023"), or the patient took it when a past event happened
("Hx of GI bleed 2021 on warfarin, resolved"). Such a drug is no current therapy, so it
takes no long-term drug therapy code (Z79.-, ICD-10-CM guidelines I.C.21.c.3), whatever else its sentence says.
"""
import re

from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx

# the words right before the drug that put the patient off it: "off hydrocortisone since 2024", "off all opioids",
# "no longer on", "completed 5 years of alendronate", "a drug holiday from"
_OFF_BEFORE = re.compile(r"\b(off( of)?( all)?|no longer (on|taking)|(completed|finished) (\w+ ){0,3}of|"
                         r"drug holiday from)\s*$", re.IGNORECASE)
_HOLIDAY = _rx(r"drug holiday")
# the drug in the past tense, with its end in the same clause: "was on warfarin x 3 mo for LV thrombus, off since",
# "previously on prednisone, tapered off"; not "was on metformin, now on insulin and metformin" (no end of its own)
_WAS_ON_BEFORE = re.compile(r"\b(was|were|had been|previously|formerly) (on|taking|treated with)\s*$", re.IGNORECASE)
_ITS_END = _rx(r"off( since)?|stopped|discontinued|d/c'?d|completed|finished|tapered off|resolved|no longer")
# a clause that opens on a past event and ends it: "Hx of GI bleed 2021 on warfarin, resolved"
_HISTORY_OPENING = re.compile(r"^\W*(hx|h/o|history|had)\b", re.IGNORECASE)
_ENDED = _rx(r"resolved|healed|recovered")
_CLAUSE_END = re.compile(r"[;\n]")
# the stop written right after the drug, as lists and plans write it as often as "off" before it; not a stop of
# something else in the next item ("atorvastatin, stopped smoking")
_STOPPED_RIGHT_AFTER = re.compile(r"[^\w.;,]{0,3}(?:(?:was|were|has been|have been|since|then|now|later) )?"
                                  r"(?:stopped|discontinued|d/c'?d|dc'?d|ceased|held|withdrawn|tapered off)\b"
                                  r"(?!\s+\w+ing\b)", re.IGNORECASE)
# or after the course it ran, set off by a comma ("methimazole x 18 mo, stopped 2020", "lithium for 5 yrs,
# discontinued"): an end, where a hold after a course may be a pause around a procedure
_STOPPED_AFTER_ITS_COURSE = re.compile(r"[ \t]+(?:x|for)[ \t]*\d+[ \t]*(?:days?|d|wks?|weeks?|mos?|months?|yrs?|years?)"
                                       r"[ \t]*,[ \t]*(?:then |later )?(?:stopped|discontinued|d/c'?d|dc'?d|ceased)\b"
                                       r"(?!\s+\w+ing\b)", re.IGNORECASE)


def _clause(note: str, start: int, end: int) -> tuple[str, str]:
    """The clause around note[start:end] (its sentence, cut at a semicolon): the words before and after it."""
    first, last = sentence_start(note, start), sentence_end(note, end)
    first = max((m.end() for m in _CLAUSE_END.finditer(note, first, start)), default=first)
    stop = _CLAUSE_END.search(note, end, last)
    return note[first:start], note[end:stop.start() if stop else last]


def stopped_right_after(note: str, end: int) -> bool:
    """The words right after a drug's name (ending at note[end]) say it was stopped."""
    return bool(_STOPPED_RIGHT_AFTER.match(note, end, end + 40)
                or _STOPPED_AFTER_ITS_COURSE.match(note, end, end + 40))


# the drug stopped at this visit where the note names it again ("AF on amiodarone 200 mg. ... amiodarone stopped",
# "hold digoxin"): not a pause around a procedure ("warfarin held 5 days before the colonoscopy"), of a few doses, until
# or if something happens, nor a hold the note advises or rules out ("told to hold", "no need to hold ASA"); "stop X"
# before a name is most often a switch within the class ("stop glipizide, start sitagliptin"), so it is not read
_HOLD_BEFORE = re.compile(r"(?<!\bto )\bhold\s+(the\s+)?$", re.IGNORECASE)
PAUSE_CUES = (r"before|prior to|around|until|if|when|unless|peri-?op\w*|pre-?op\w*|for (the )?(procedure|surgery)|"
              r"(the )?(am|morning|day|night) of|"
              r"(x ?|for )?\d+ ?(doses?|days?|d|h|hrs?|hours?)")
_A_PAUSE = re.compile(r"[^.;\n]{0,40}?\b(" + PAUSE_CUES + r")\b", re.IGNORECASE)


_ANY_STOP_OR_HOLD = re.compile(r"stopped|discontinued|d/c|dc'?d|ceased|held|hold|withdrawn|tapered off", re.IGNORECASE)


def stopped_elsewhere(note: str, match: re.Match) -> bool:
    """Another mention of the drug's name in the note stops or holds it for good."""
    if not _ANY_STOP_OR_HOLD.search(note):
        return False
    name = re.compile(rf"\b{re.escape(match.group(0))}\b", re.IGNORECASE)
    for other in name.finditer(note):
        if other.start() != match.start() and (stopped_right_after(note, other.end()) or _HOLD_BEFORE.search(
                note[max(0, other.start() - 20):other.start()])) and not _A_PAUSE.match(note, other.end()):
            return True
    return False


def named_as_past_use(note: str, match: re.Match) -> bool:
    """The drug at `match` is one the patient took before, or one this visit stops, not one taken now."""
    if stopped_right_after(note, match.end()) or stopped_elsewhere(note, match):
        return True
    head, tail = _clause(note, match.start(), match.end())
    return bool(_OFF_BEFORE.search(head) or _HOLIDAY.search(head + tail)
                or (_WAS_ON_BEFORE.search(head) and _ITS_END.search(tail))
                or (_HISTORY_OPENING.search(head) and _ENDED.search(tail)))
