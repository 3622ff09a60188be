"""Where a condition matched by its category's default entry is stated as present now, in words that leave no
other code of its category open: the code a coder bills, not one held for a coder.

The default-entry hold (`first_sight`) was measured on bare terms that were as often part of another condition or
of another time. Three statements settle it. A condition given its duration up to now ("constipation x 2 months",
"headache for three days", "insomnia since his divorce") is the patient's complaint today (guideline IV.D). A
condition named as the cause of another ("anemia secondary to menorrhagia", "exacerbation triggered by a viral
URI", "blood loss from menorrhagia") is present with the condition it causes. A first or single seizure is one
event (R56.9): epilepsy takes two unprovoked ones, and a febrile convulsion has its own words. A thyroid nodule stays once found
(it is watched by ultrasound for years, as the chronic conditions are treated), and the index's "Nodule, thyroid"
is E04.1 alone: a multinodular goiter has its own words. None holds where the rest of the mention's entry denies,
doubts or dates it ("Thyroid nodule - no longer seen on US").
"""
import re

from services.coding.domain.cough_duration import UNSPECIFIED as UNSPECIFIED_COUGH
from services.coding.domain.own_entry import entry_qualified

_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple of)"
_UNIT = r"(?:days?|d|wks?|weeks?|mos?|months?|yrs?|years?|hours?|hrs?)\b"
# after the mention: its duration up to now; "since" only with what it dates from ("since." ends a list of
# complaints that came after an event named elsewhere), and not from a drug's start or dose ("since the dose
# change": a drug's effect, a coder's); a cough's duration names its own code (`cough_duration`)
_DURATION = re.compile(
    rf"[ \t]*(?:x[ \t]*{_NUMBER}[ \t-]*{_UNIT}|for (?:about |over |nearly )?{_NUMBER}[ \t-]*{_UNIT}"
    rf"|for the (?:past|last) (?:{_NUMBER}[ \t-]*)?{_UNIT}"
    rf"|since[ \t]+(?!(?:\w+[ \t]+){{0,2}}(?:dose|start|increas|switch|med|drug))\w)", re.IGNORECASE)
# before the mention: the condition it causes ("due to" alone is left out: "pulmonary hypertension due to lung
# disease" names a group of causes, not one)
_CAUSE = re.compile(r"\b(?:secondary to|triggered by|brought on by|(?:blood loss|bleeding) from)\s+"
                    r"(?:(?:a|an|the|current|recent|viral|acute)\s+){0,2}$", re.IGNORECASE)
# before a seizure: one event, which is no epilepsy (two unprovoked seizures make it) and no febrile convulsion
# ("first seizure", "single unprovoked GTC seizure", "new-onset generalized seizure"); not a focal or partial one
_ONE_EVENT = re.compile(r"\b(?:first|single|one|isolated|new[- ]onset)\s+(?:(?:unprovoked|generalized|witnessed|"
                        r"tonic[- ]clonic|gtc|convulsive)\s+){0,3}$", re.IGNORECASE)
SEIZURE = "R56.9"
# codes of conditions that stay once found, whose index term has no other code in its category
PERSIST_ONCE_FOUND = ("E04.1",)  # thyroid nodule


def stated_present(code: str, note: str, start: int, end: int) -> str | None:
    """How the note states the default entry at note[start:end] as present now, or None."""
    duration = _DURATION.match(note, end) if code != UNSPECIFIED_COUGH else None
    if entry_qualified(note, duration.end() if duration else end):  # "for the past week" dates nothing past
        return None
    if duration:
        return "with its duration"
    if _CAUSE.search(note, max(0, start - 60), start):
        return "as the cause of another condition"
    if code == SEIZURE and _ONE_EVENT.search(note, max(0, start - 60), start):
        return "as a single event"
    if code in PERSIST_ONCE_FOUND and not note[start:end].lower().endswith("s") and "multinodular" not in note.lower():
        return "as a condition that stays once found"
    return None
