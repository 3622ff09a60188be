"""A venous clot whose anticoagulant course the note says is over: "DVT L leg 2023 after the TKA, 3 mo enoxaparin
completed", "PE 2021, 6 mo apixaban completed, no anticoagulation since", "PE in 2023, six months of rivaroxaban, no
longer anticoagulated", "Pulmonary embolism 2023, provoked after hip surgery; 3 months of rivaroxaban completed".

A deep vein thrombosis or an embolism is treated by its course of anticoagulation; once the course is done and the
drug stopped, the clot no longer exists and is not treated, which is its personal history (Z86.711, Z86.718;
guideline I.C.21.c.4), not the current code. The course may stand in the clot's clause or in the next one after a
";". Not where the same words say an anticoagulant is still, again or indefinitely taken ("finished the enoxaparin
bridge, now on warfarin", "back on apixaban indefinitely"), nor where the clot came back.
"""
import re

from services.coding.domain.note_text import sentence_end, sentence_start

_ANTICOAGULANT = (r"(anticoagula(nts?|tion|ted)|apixaban|eliquis|rivaroxaban|xarelto|warfarin|coumadin|enoxaparin|"
                  r"lovenox|dabigatran|pradaxa|edoxaban|savaysa|fondaparinux|heparin|doacs?|blood thinners?)")
_LENGTH = (r"((\d+|one|two|three|four|five|six|nine|twelve)[ -]?(d|days?|wks?|weeks?|mo|mos|months?|yrs?|years?)"
           r"('s?)? (of )?)?")
_ENDED = re.compile(
    # "completed 3 mo apixaban", "finished its course of warfarin"
    r"\b(?<!not )(?<!yet to )(completed|finished) (a |an |the |its |his |her |their )?(course (of )?)?" + _LENGTH
    + _ANTICOAGULANT + r"\b|"
    # "3 mo enoxaparin completed", "anticoagulation stopped 2022"
    r"\b" + _LENGTH + _ANTICOAGULANT + r"( course| therapy)?,? (was |were )?(completed|finished|done|stopped|"
    r"discontinued)\b|"
    # "off anticoagulation", "no longer anticoagulated", "no anticoagulation since"
    r"\b(off|no longer on|no longer taking|stopped) (all |his |her )?" + _ANTICOAGULANT + r"\b|"
    r"\bno longer anticoagulated\b|\bno (anticoagulation|anticoagulants?|blood thinners?) since\b",
    re.IGNORECASE)
# the drug taken now, again or for good, or the clot come back
_TAKEN_NOW = re.compile(
    r"\b(now|still|currently|back|remains?|continues?|continuing|restarted|resumed|started) (on )?"
    r"([\w.-]+ ){0,2}" + _ANTICOAGULANT + r"\b|"
    r"\b" + _ANTICOAGULANT + r"( [\w.-]+){0,4} (indefinitely|lifelong|life-long|long[- ]term|ongoing)\b|"
    r"\b(recurrent|recurred|recurrence|again)\b", re.IGNORECASE)
_NO_RECURRENCE = re.compile(r"\bno (evidence of )?recurrence\b|\bnot recurred\b", re.IGNORECASE)


def sentence_and_next_clause(note: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around note[start:end] starts, and where it ends or, where a ";" closes it, where the
    clause after it ends ("PE 2023; completed 3 mo apixaban"): a history's course is often told after its ";"."""
    last = sentence_end(note, end)
    if note.startswith(";", last):
        last = sentence_end(note, last + 1)
    return sentence_start(note, start), last


def anticoagulation_over(note: str, start: int, end: int) -> bool:
    """The clot at note[start:end] had its anticoagulant course, now ended, and nothing in its words takes it on."""
    first, last = sentence_and_next_clause(note, start, end)
    span = note[first:last]
    return bool(_ENDED.search(span)) and not _TAKEN_NOW.search(_NO_RECURRENCE.sub("", span))
