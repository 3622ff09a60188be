"""The encounter of an injury as follow-up notes word it, for the 7th character (guideline I.C.19.a): "f/u",
"cast check", "healing well", "routine healing", a "recheck" are the subsequent encounter (D: routine healing, the
patient past active treatment); "active treatment", a specialist's initial visit and a surgical referral are the
initial encounter (A), and so is an injury of the last day
("fell yesterday", "2 hours ago") in a note with no follow-up words. Delayed healing ("delayed union"),
nonunion and malunion are the subsequent encounter's own characters (G, K, P for a closed fracture), taken when
the note names exactly one of them; a note with no cue keeps the code for a coder (a query).

A follow-up is the visit's reason ("F/u L wrist fx", "here for follow-up of ...", "post-op visit"), not a plan
("f/u 6 wks", "follow up in 2 weeks"), which an initial visit also writes; a heading's time since the injury
("Hand follow-up 3 weeks after a fall") is the visit's reason again.

"s/p" before an injury under such follow-up care is the treatment's date, not a past condition: the injury
findings read it as current (`injury_current`).
"""
import re

from services.coding.domain.injury_elapsed import encounter_by_elapsed_time
from services.coding.domain.injury_sequela import dated_from_by_a_late_effect, injury_sequela, named_as_cause
from services.coding.domain.injury_visit_words import encounter_by_visit_words, first_visit_for_it
from services.coding.domain.note_text import (FAMILY, HISTORY, before, current, negated_before, sentence,
                                              uncertain)
from services.coding.domain.seventh_character_sent import NO_SEQUELA

_FOLLOW_UP_VISIT = re.compile(r"(^|[.;\n]\s*|\b(here|presents|returns|seen|back) (for|in) (a |his |her )?)"
                              r"(\w+ ){0,2}(f/u|follow[- ]?up|recheck|re-check)\b(?!\s*(in|x|after)?\s*\d(?!\s*(days?|weeks?|wks?|months?|mos?) "
                              r"(after|since) (a|an|his|her|the) (\w+ )?(fall|injury|crash|accident|collision|mvc|mva|"
                              r"fracture|sprain)))", re.IGNORECASE)
_SUBSEQUENT = re.compile(r"\b(cast check|cast (change|removal|removed|off)|out of (the )?(cast|boot|splint)|"
                         r"healing (well|nicely|as expected|appropriately|routinely|normally)|routine healing|bridging callus|"
                         r"callus formation|subsequent (visit|encounter)|post-?op(erative)? (visit|check)|"
                         # the healing bone seen on a film, and a visit named by the weeks since the injury
                         r"(early|maturing|abundant) callus|callus forming|"
                         r"(\d+|two|three|four|six|eight)[- ](week|wk|month)[- ](check|visit|recheck)|"
                         # "fractures of two ribs, healing": the stage the injury is in, not a wound's or a hope
                         r"(?<=, )healing(?=[,;.]))\b",
                         re.IGNORECASE)
# the first visit for the injury with a specialist ("Initial ortho visit") and an operation it is sent for are its
# active treatment too (guideline I.C.19.a: evaluation and continuing treatment by another physician)
# the encounter written after the injury's name ("Sprain L ankle, initial - brace") is the initial one too
_ACTIVE = re.compile(r"\b(active treatment|initial (\w+ )?(visit|evaluation|consult(ation)?)|surgical referral|"
                     r"referr(ed|al) (to|for) (surgery|surgical (repair|evaluation|consult\w*)))\b|"
                     r"(?<=[,(]) ?initial( encounter)?(?= ?[-,;.)\n]|$)", re.IGNORECASE)
# an injury of the last day, with no follow-up words, is seen for the first time: its active treatment (A)
_RECENT = re.compile(r"\b(yesterday|last night|this (morning|afternoon|evening)|(earlier )?today|tonight|"
                     r"(\d+|a few|several) (hours?|hrs?) ago)\b", re.IGNORECASE)
_OTHER_HEALING = re.compile(r"\b(delayed (healing|union)|nonunion|non-union|malunion|mal-union|sequelae?|"
                            r"late effect)\b", re.IGNORECASE)


# abnormal healing the note denies is not named: "callus forming, no delayed union", "without nonunion"
_DENIED_HEALING = re.compile(r"\b(no|not|without|negative for|no (evidence|signs?) of)\s+(\w+\s+){0,2}?"
                             r"(delayed (healing|union)|non-?union|mal-?union)\b", re.IGNORECASE)


def _named_healing(note: str) -> str:
    """The note with the abnormal healing it denies blanked out, for the cues of the healing it names."""
    return _DENIED_HEALING.sub(lambda m: " " * len(m.group(0)), note)


# a follow-up visit named for a chronic condition ("Asthma f/u", "DM follow-up") follows that condition up: an
# injury the visit also treats is not thereby in its healing phase
_CONDITION_FOLLOW_UP = re.compile(r"\b(asthma|copd|dm|t2dm|diabetes|diabetic|htn|hypertension|bp|chf|hf|ckd|thyroid|"
                                  r"lipids?|cholesterol|afib|af|depression|anxiety|bipolar|adhd|"
                                  r"gerd|migraine|epilepsy|seizures?|osa|cpap|warfarin|inr|anticoagulation)"
                                  r"(\s+mellitus)?\s+(f/u|follow[- ]?up|recheck|re-check)\b", re.IGNORECASE)


def follow_up_cue(note: str) -> re.Match | None:
    """The words that make this visit an injury's subsequent encounter with routine healing, if any."""
    if _OTHER_HEALING.search(_named_healing(note)):
        return None
    return _SUBSEQUENT.search(note) or next((m for m in _FOLLOW_UP_VISIT.finditer(note)
                                             if not _CONDITION_FOLLOW_UP.search(m.group(0))), None)


# the healing the note names -> the words of the subsequent encounter's character for it
_HEALING_KINDS = ((re.compile(r"\bdelayed (healing|union)\b", re.IGNORECASE), "with delayed healing"),
                  (re.compile(r"\bnon-?union\b", re.IGNORECASE), "with nonunion"),
                  (re.compile(r"\bmal-?union\b", re.IGNORECASE), "with malunion"))
_SEQUELA = re.compile(r"\b(sequelae?|late effect)\b", re.IGNORECASE)


def _other_healing(note: str) -> tuple[str, ...] | None:
    """The characters' meanings for the one kind of abnormal healing the note names, if exactly one."""
    kinds = [words for pattern, words in _HEALING_KINDS if pattern.search(_named_healing(note))]
    if len(kinds) != 1 or _SEQUELA.search(note):
        return None
    return (f"subsequent encounter for closed fracture {kinds[0]}", f"subsequent encounter for fracture {kinds[0]}")


def stated_by_cue(allowed: dict[str, tuple[str, str]], note: str) -> str | None:
    """The 7th character the note's follow-up or active-treatment words state, among those the code allows."""
    if _other_healing(note):
        wanted = _other_healing(note)
    elif late_effect := injury_sequela(note):
        wanted = late_effect
    elif _ACTIVE.search(note) or first_visit_for_it(note):
        wanted = ("initial encounter", "initial encounter for closed fracture")
    elif follow_up_cue(note):
        wanted = ("subsequent encounter", "subsequent encounter for closed fracture with routine healing",
                  "subsequent encounter for fracture with routine healing")
    elif _RECENT.search(note):
        wanted = ("initial encounter", "initial encounter for closed fracture")
    elif by_date := encounter_by_elapsed_time(note):
        wanted = by_date
    elif by_visit := encounter_by_visit_words(note):
        wanted = by_visit
    else:
        return None
    if re.search(r"\bopen\b", note, re.IGNORECASE):
        return None  # an open fracture's type (I-II or IIIA-C) is for a coder
    return next((char for char, (_, meaning) in allowed.items() if meaning.lower() in wanted), None)


_SINCE = re.compile(r"\b(s/p|status post)\b", re.IGNORECASE)
_HEALED = re.compile(r"\bhealed\b", re.IGNORECASE)


def injury_current(note: str, start: int, end: int) -> bool:
    """Current as `current` reads it, except that "s/p" before an injury the note follows up (a cast check,
    healing well) dates its treatment rather than placing it in the past, and an injury named as a late effect's
    cause ("stiffness, a late effect of a radial head fracture in 2019"), or the injury a condition dates from in a
    note naming that condition a late effect ("headaches since a concussion in 2023 ... post-traumatic headache"),
    is read for its sequela's code."""
    if current(note, start, end):
        return True
    text, prefix = sentence(note, start, end), before(note, start)
    if named_as_cause(prefix) or dated_from_by_a_late_effect(note, prefix):
        return not (negated_before(note, start) or NO_SEQUELA.search(prefix)
                    or uncertain(note, start, end) or FAMILY.search(text))
    if not follow_up_cue(note) or _HEALED.search(text) or HISTORY.search(_SINCE.sub(" ", text)):
        return False
    masked = _SINCE.sub(lambda m: " " * len(m.group(0)), note)
    return current(masked, start, end)
