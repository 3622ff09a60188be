"""A symptom the table of routine explanations knows, written anywhere in a note beside confirmed diagnoses none of
which explains it (guideline IV.D: a sign not routinely associated with a confirmed diagnosis is coded).

`unexplained_symptom` codes such a symptom where it heads an assessment entry of its own. Written as an aside
instead ("She also shows me an itchy rash on both elbows", "New: palpitations at night", "Two nosebleeds this week,
stopped with pressure") it was held for a coder, who coded it 81 times in 93 on the development notes. The rest were
a cough at a follow-up after treatment (the treated pneumonia's residue), a cough whose course sets its code, falls
over a year (a history of falling), a clinic's name ("Seizure clinic"), a tremor "stable on current regimen" of a
Parkinson disease written where no rule reads it, and a few a diagnosis explains that the table lacked; a warning
before a faint ("preceded by lightheadedness") and a drug's past effect ("stopped for dizziness") are part of another
event. So the
symptom keeps its confidence except there: at a follow-up after treatment, for a code whose course or history a
coder decides, in a clinic's name, and where its sentence says it is under control (a known condition's symptom).
"""
import re

from services.coding.domain.note_text import sentence, sentence_start
from services.coding.domain.sign_set_apart import not_set_apart
from services.coding.domain.unexplained_symptom import EXPLAINED_BY, explained

FOLLOW_UP_AFTER_TREATMENT = ("Z08", "Z09")
# an unspecified cough's code is its course, often written in words no rule reads ("for the last 3 weeks"); falls
# counted over months are a history of falling (Z91.81) as often as repeated falls under work-up; a swollen calf
# written as an aside beside other diagnoses was coded on the development notes only where it headed an entry
LEFT_TO_A_CODER = ("R05.9", "R29.6", "R22.4")
_SERVICE_NAME = re.compile(r"[ \t]+(?:clinic|service|program|center|centre)\b", re.IGNORECASE)
_UNDER_CONTROL = re.compile(
    r"\b(?:stable|controlled|unchanged|at baseline|on (?:current|the same) (?:regimen|dose|meds|medications?))\b",
    re.IGNORECASE)
# a symptom written as part of another event: the warning before a faint ("preceded by lightheadedness", or any
# item of its list: "preceded by lightheadedness, tunnel vision and sweating"), or the reason a drug was stopped
# ("gabapentin stopped after 2 weeks for dizziness": its adverse effect, over)
_PART_OF_ANOTHER_EVENT = re.compile(
    r"\b(?:(?:preceded|heralded) by\W+(?:[\w-]+(?:\s+|,\s*)){0,6}|"
    r"(?:stopped|discontinued|d/c'?d)\b[^.;]*\b(?:for|due to|because of)\W+(?:\w+\W+){0,2})$", re.IGNORECASE)


def unexplained_beside(symptom: str, diagnoses: list[str], note: str, start: int, end: int) -> bool:
    """The symptom at note[start:end] is one the table knows, no confirmed diagnosis explains it, and nothing
    around it leaves it to a coder."""
    if symptom.startswith(LEFT_TO_A_CODER) or not any(symptom.startswith(p) for p in EXPLAINED_BY):
        return False
    if any(d.startswith(FOLLOW_UP_AFTER_TREATMENT) for d in diagnoses) or explained(
            symptom, not_set_apart(diagnoses, note, end)):
        return False
    if _SERVICE_NAME.match(note, end) is not None:
        return False
    if _PART_OF_ANOTHER_EVENT.search(note, sentence_start(note, start), start) is not None:
        return False
    return _UNDER_CONTROL.search(sentence(note, start, end)) is None
