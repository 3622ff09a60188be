"""Encounters whose reason is not a current condition: a preoperative evaluation (Z01.81-), an administrative
examination (Z02.-: sports, pre-employment, school, driving license), a cardiac device's interrogation (Z45.0-)
and a follow-up after a treatment that is complete (Z09, Z08 for a malignancy).

Preoperative (ICD-10-CM guidelines IV.M and I.C.21.c.16): the Z01.81- code for the kind of clearance comes
first, then the condition the surgery is for and any findings, which the other rules code. Cardiac clearance is
Z01.810, pulmonary Z01.811, preoperative labs Z01.812, anything else Z01.818.

Follow-up (I.C.21.c.8): a condition that has been fully treated and no longer exists is not coded; the visit is
Z09 (Z08 after a malignancy, with its Z85.- code) with the personal history code of the condition, from the
alphabetic index's History entries (`context_z_codes`). A condition the note still treats, or calls persistent,
stays as it is.
"""
import re

from services.coding.domain.chronic_conditions import CHRONIC, NEVER_OVER
from services.coding.domain.context_z_codes import chapter_history_code, history_code
from services.coding.domain.convention_gates import needs
from services.coding.domain.ended_history import DATED_SEASONS_BACK
from services.coding.domain.note_context import COMPLETED_AFTER_CUE, COMPLETED_COURSE_CUE
from services.coding.domain.note_text import NEGATION, before, sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.suggestions import Suggestion, from_rule
from services.coding.domain.treatment_ended import (AFTERCARE, COURSE_BY_ITS_PROCEDURE, NOT_OVER_YET, POST_PROCEDURE,
                                                    TREATMENT_ENDED_AFTER_CUE, TREATMENT_ENDED_BEFORE_CUE,
                                                    follow_up_is_the_purpose, in_the_opening, outcome_said,
                                                    outcome_said_after)

NAME = "encounter-reason"
HELD_CONFIDENCE = 0.7  # shown to a coder, below the auto-accept threshold


_PREOP_LABS = r"pre-?op(erative)? (lab\w*|cbc|bmp|cmp|coags?|type and screen)|pre-?procedur(e|al) lab\w*"
_PREOP = _rx(r"(pre-?op(erative)?|pre-?surgical)(( cardiac| cardiovascular| cardiology| pulmonary| respiratory| medical|"
             r" risk| psych\w*| neuro\w*)){0,2} (clearance|evaluation|eval|exam(ination)?|assessment|visit|"
             r"risk (assessment|stratification)|consult(ation)?|h&p|history and physical)|"
             r"pre-?procedur(e|al) (clearance|evaluation|exam\w*)|"
             r"(surgical|medical|cardiac|pulmonary) clearance (for|before|prior to) (surgery|the procedure|\w+)|"
             + _PREOP_LABS)
_PREOP_KIND = ((_rx(_PREOP_LABS), "Z01.812", "laboratory"),
               (_rx(r"cardiac|cardiovascular|cardiology"), "Z01.810", "cardiovascular"),
               (_rx(r"pulmonary|respiratory|pulmonology"), "Z01.811", "respiratory"))
# the clinic that does it, written before it: "Cardiology pre-op clearance"
_KIND_BEFORE = re.compile(r"\b(cardiology|cardiac|cardiovascular|pulmonology|pulmonary)\W*$", re.IGNORECASE)
_NOT_TODAY = _rx(r"scheduled|will schedule|needs|need for|due for|declined|cancel+ed|postponed|refer\w*")
# "pre-op labs before L TKA scheduled 3/12", "H&P for lap chole scheduled 1/9": the procedure is the one scheduled
_PROCEDURE_DATE = _rx(r"(before|prior to|ahead of|for) [^.;,]*?\bscheduled\b")
# not this visit's examination: a finding read from one ("trait noted on pre-op labs"), one a plan lists ("Plan:
# pre-op clearance"), or one another clinician does ("pre-op labs per ortho", "medical clearance with PCP")
_AS_SOURCE = re.compile(r"\b(on|in|from|per) (the |her |his |recent |prior )?$", re.IGNORECASE)
_AS_PLAN = re.compile(r"\bplan(s|ned)?\s*:\s*(\d\.\s*)?$", re.IGNORECASE)
_BY_ANOTHER = re.compile(r"^[^.;\n]{0,40}?\b(per|with|from) (the |her |his )?(pcp|primary care|ortho\w*|surgeon|"
                         r"surgery|surgical team|anesthesia)\b", re.IGNORECASE)

_FOLLOW_UP = _rx(r"f/u|follow[- ]?up|recheck|post[- ](treatment|tx) (visit|check)|surveillance( visit)?|"
                 r"post-?discharge (visit|f/u|follow[- ]?up)|" + POST_PROCEDURE)
_BY_ITS_PROCEDURE = _rx(COURSE_BY_ITS_PROCEDURE)
_AFTERCARE = _rx(AFTERCARE)
# a course completed "for" a condition names what it treated (`note_context`: that mention is read as past)
_COMPLETED_FOR = re.compile(COMPLETED_COURSE_CUE, re.IGNORECASE)
_COMPLETED = _rx(COMPLETED_COURSE_CUE + "|"
                 r"(completed|complete|finished|after|s/p|status post) (a |the |his |her )?(\w+ )?(course|treatment|tx|therapy|"
                 r"abx|antibiotics?|chemo\w*|radiation|regimen)|treatment (completed|complete|finished)|"
                 # a drug named, where the sentence says the condition went away or the drug was stopped:
                 # "completed nitrofurantoin, resolved", "completed 3 mo rivaroxaban, stopped last week"
                 r"(completed|finished) (a |the |his |her )?(\d+ ?(mo|months?|wks?|weeks?|days?) (of )?)?[\w-]+"
                 r"(?=[^.;\n]*\b(resolved|cleared|cured|stopped|discontinued|now off)\b)|"
                 # or written after the condition it treated: "admitted for CAP, completed levofloxacin" (or "; completed")
                 r"(?<=[,;] )" + COMPLETED_AFTER_CUE +
                 r" (a |the |his |her )?(\d+ ?(mo|months?|wks?|weeks?|days?) (of )?)?[\w-]+|"
                 # or its end written after the treatment ("prednisone taper completed", "antibiotics finished"),
                 # or before one that closes its phrase ("finished prednisone taper; strength recovered")
                 + TREATMENT_ENDED_AFTER_CUE + "|" + TREATMENT_ENDED_BEFORE_CUE)
# a course completed for an exacerbation or a flare ended the episode, not the chronic condition it came from
# ("completed prednisone x5 days for a COPD exacerbation": the COPD is still there and treated, guideline I.C.21.c.8)
_FOR_AN_EPISODE = _rx(COMPLETED_COURSE_CUE + r" (an? |the |her |his |this |that )?([\w-]+ ){0,4}"
                      r"(exacerbations?|flares?|flare-ups?)")
_GENUS_INITIAL = re.compile(r"\b[A-Z]\.\s?$")
_YEARS_BACK = _rx(r"(19|20)\d\d|\d+ (yrs?|years?) ago|last (year|yr)|a year ago")
_NO_RECURRENCE = _rx(r"no recurrence")
# an assessment item that says its condition's treatment is over ("LTBI - treatment complete, no further f/u")
_ITEM_TREATED = re.compile(r"\s?[-:]\s?(treatment|tx|course|therapy) (complete|completed|finished)\b", re.IGNORECASE)
# the tabular's title for the encounter, as a visit's opening names it
_TITLE = _rx(r"(f/u|follow[- ]?up) after (completed|completion of) (treatment|tx|therapy)")
# a call or a message is no follow-up examination
_NOT_AN_EXAMINATION = _rx(r"telephone|phone|portal message|e-?visit")
# an injury's follow-up is its subsequent encounter (the 7th character D), not Z09
_INJURY = _rx(r"traumatic|trauma|injur\w*|mvc|crash|fracture")


# administrative examinations (Z02.-): the index's "Examination, for, ..." entries
ADMINISTRATIVE = ((_rx(r"sports? (physical|exam\w*|pre-?participation)|pre-?participation (physical|exam\w*)"), "Z02.5",
                   "examination for participation in sport"),
                  (_rx(r"pre-?employment (physical|exam\w*)"), "Z02.1", "pre-employment examination"),
                  (_rx(r"school( (entrance|entry|admission|enrollment))? (physical|exam\w*)|"
                       r"(camp|daycare) (physical|form)"), "Z02.0",
                   "examination for admission to an educational institution"),
                  (_rx(r"(life |health )?insurance (physical|exam\w*|medical)"), "Z02.6",
                   "examination for insurance purposes"),
                  (_rx(r"(military|armed forces) (entrance |enlistment |recruitment )?(physical|exam\w*)"), "Z02.3",
                   "examination for recruitment to armed forces"),
                  (_rx(r"(nursing home|assisted living|group home|residential facility) admission (physical|exam\w*|"
                       r"h&p)"), "Z02.2", "examination for admission to a residential institution"),
                  # the licence's medical form, a commercial driver's medical exam
                  (_rx(r"dot (physical|exam\w*)|driv(er'?s?|ing) licen[cs]e (physical|exam\w*|medical( form)?|form)|"
                       r"commercial driver'?s? (medical|physical|exam\w*)|cdl (physical|exam\w*|medical)"), "Z02.4",
                   "examination for a driving license"))
# the routine gynecological exam by the names clinics give it (the index's "Examination, gynecological"), its Pap
# part of it; a pelvic exam for a complaint is not this encounter
GYNECOLOGICAL = (_rx(r"well[- ]wom[ae]n('s)? (visit|exam\w*|check(-?up)?|care visit)|"
                     r"(annual|routine|yearly) (gyn|gyne?cologic(al)?|pelvic|well[- ]woman) "
                     r"(exam\w*|visit|check(-?up)?)|"
                     r"gyn(ecologic(al)?)? (annual|routine|well) (visit|exam\w*)"), "Z01.419",
                 "routine gynecological examination without abnormal findings")


# a cardiac device's interrogation (the index's "Checking, cardiac pacemaker (battery)" and "Adjustment, device,
# implanted, cardiac, defibrillator"): the visit is the device's, and its presence code (Z95.-) is excluded with it
# (the device's kind may stand between: "interrogation of dual-chamber pacemaker", "check of her biventricular ICD")
_INTERROGATION = r"( device)? (interrogation|check|analysis)|(interrogation|check) of (the |his |her |a )?([\w-]+ ){0,2}"
# or the device named, then said in its sentence to be interrogated ("pacemaker placed in 2021 for heart block,
# interrogated today"); not one interrogated on another day ("interrogated last month": that was the check's visit)
_INTERROGATED = (r"\b[^.;\n]{0,60}\binterrogated\b(?! (last (week|month|year)|(in|on) (19|20)\d\d|on \d|"
                 r"(\d+|one|two|three|a few|several) (days?|weeks?|months?|years?) ago|previously|earlier this (month|year)))")
DEVICE_CHECKS = ((_rx(r"(pacemaker|ppm)" + _INTERROGATION + r"(pacemaker|ppm)|(pacemaker|ppm)" + _INTERROGATED), "Z45.010",
                  "encounter for checking and testing of the cardiac pacemaker pulse generator"),
                 (_rx(r"(icd|aicd|defibrillator)" + _INTERROGATION + r"(icd|aicd|defibrillator)|(icd|aicd|defibrillator)"
                      + _INTERROGATED), "Z45.02",
                  "encounter for adjustment and management of the implantable cardiac defibrillator"))
# a visit whose only purpose is a repeat prescription (the index's "Issue of, repeat prescription"); a contraceptive's
# repeat prescription is its surveillance (Z30.4-, excluded from Z76.0)
_RX_WORD = r"(a |her |his )?((medication |prescription |rx |med )?(refill|renewal)s?|repeat prescriptions?)"
REPEAT_PRESCRIPTION = (_rx(r"(medication|prescription|rx|med) (refill|renewal)s? only|(visit|here|seen|encounter) "
                           rf"(only |solely )?for {_RX_WORD} only|"
                           # or the tabular's own title, as an assessment item
                           r"(encounter for|issue of) (a )?repeat prescription|"
                           rf"(here|seen|visit) (only|solely) for {_RX_WORD}"
                           r"(?![^.;\n]*\b(ocps?|contracept\w*|birth control|pills?)\b)"),
                       "Z76.0", "encounter for issue of repeat prescription")
# an antibody titer checking immunity (the index's "Examination, antibody response" and "Test, immunity status")
EXAMINATIONS = (*ADMINISTRATIVE, GYNECOLOGICAL, *DEVICE_CHECKS, REPEAT_PRESCRIPTION,
                (_rx(r"(antibody|antibodies|immunity) (titers?|titres?)|(titers?|titres?) (to check|for|of) immunity|"
                     r"(check|confirm)\w* (of )?immunity|immunity (check|status)|antibody response"), "Z01.84",
                 "encounter for antibody response examination"),
                # a pregnancy test the visit orders or does, its result not yet stated ("Examination, pregnancy
                # test"); one whose result the note gives is a finding of the visit it was done at, not coded here
                (_rx(r"(?<!negative )(?<!positive )(urine |serum )?pregnancy test(?![^.;\n]*\b(neg\w*|pos\w*)\b)"),
                 "Z32.00", "encounter for pregnancy test, result unknown"))


# the words each examination's pattern cannot match without: a note lacking them is not scanned for it (the repeat
# prescription's branches all name a refill or a renewal, which the literal reading of its alternation cannot see)
_GATE_WORDS = {REPEAT_PRESCRIPTION[0]: _rx(r"refill|renewal|repeat prescription")}
_REQUIRED = {words: required_literals(_GATE_WORDS.get(words, words)) for words, _, _ in EXAMINATIONS}


@needs(patterns=(_PREOP, _COMPLETED, _BY_ITS_PROCEDURE,
                 *(_GATE_WORDS.get(words, words) for words, _, _ in EXAMINATIONS)))
def encounter_reasons(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made, reasons = _preoperative(note, suggestions, tabular)
    for words, code, what in EXAMINATIONS:
        match = words.search(note) if may_match(_REQUIRED[words], note) else None
        if match and not NEGATION.search(before(note, match.start())) and not _NOT_TODAY.search(
                sentence(note, match.start(), match.end())):
            made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {what}"))
            reasons.append(made[-1].reason)
    suggestions, more = _after_completed_treatment(suggestions, note, tabular)
    return [*made, *suggestions], reasons + more


def _preoperative(note: str, suggestions: list[Suggestion], tabular) -> tuple[list[Suggestion], list[str]]:
    match = next((m for m in _PREOP.finditer(note) if _this_visits(note, m)), None)
    if match is None:
        return [], []
    text = sentence(note, match.start(), match.end())
    if _NOT_TODAY.search(_PROCEDURE_DATE.sub(" ", text)) or any(s.code.startswith("Z01.81") for s in suggestions):
        return [], []
    named = _KIND_BEFORE.search(before(note, match.start()))
    words = match.group(0) + (" " + named.group(1) if named else "")
    code, kind = next(((code, kind) for kinds, code, kind in _PREOP_KIND if kinds.search(words)), ("Z01.818", "other"))
    reason = f"{match.group(0)}: {code}, encounter for {kind} preprocedural examination (listed first)"
    return [from_rule(code, match, tabular, NAME, reason)], [reason]


def _this_visits(note: str, match: re.Match) -> bool:
    """The pre-operative examination is the visit's own: not denied, read from, planned, or another clinician's."""
    said_before = before(note, match.start())
    return not (NEGATION.search(said_before) or _AS_SOURCE.search(said_before) or _AS_PLAN.search(said_before)
                or _BY_ANOTHER.search(note[match.end():sentence_end(note, match.end())]))


def _after_completed_treatment(suggestions: list[Suggestion], note: str,
                               tabular) -> tuple[list[Suggestion], list[str]]:
    """Z09/Z08 with the history code of each condition the completed treatment was for, in place of it."""
    done = next((m for m in _COMPLETED.finditer(note) if _follow_up_of(note, m)), None) or _course_by_its_outcome(
        note, suggestions)
    if done is None:
        return suggestions, []
    here = _course_clauses(note, done)
    # the condition the opening names as followed up ("Strep throat follow up.") ended too, where the outcome is said
    # after the course; not a chronic one, which a course does not end
    opened = follow_up_is_the_purpose(note) and outcome_said_after(note, done.end())
    ended = {s.code for s in suggestions if s.context == "affirmed" and _ends_with_its_course(s.code) and (
        sentence_start(note, s.start) in here or opened and in_the_opening(note, s.start)
        and not s.code.startswith(CHRONIC) or _ITEM_TREATED.match(note, s.end))}
    treated = {code: past for code in ended if (past := _history_of(code, tabular))}
    # the context rules may have read the condition past already ("F/u UTI: completed nitrofurantoin": Z87.440),
    # unless its sentence dates it years back: a history, not what this visit follows up ("h/o DVT 2024, completed
    # 6 mo rivaroxaban. Now L calf cramps")
    said = sentence(note, done.start(), done.end())
    # or, where the visit opens as the follow-up and says the outcome, unless the course is dated seasons back (a
    # "Pulm f/u" of a COPD beside a tuberculosis cured in 2010 follows up the COPD)
    named_for = _COMPLETED_FOR.search(said) is not None or _course_after_the_title(note, done, suggestions) or (
        not _YEARS_BACK.search(said) and any(
        s.context == "history" and s.code.startswith(("Z86", "Z87")) and sentence_start(note, s.start) in here
        for s in suggestions) or (follow_up_is_the_purpose(note) and outcome_said_after(note, done.end())
                                  and not DATED_SEASONS_BACK.search(said)))
    out = []
    for s in suggestions:
        past = treated.get(s.code)
        if s.code in ended - treated.keys():
            out.append(_held_for_a_coder(s))
            continue
        out.append(s if past is None else from_rule(
            past, done, tabular, NAME, f"{s.evidence} treated to completion: {past} (personal history), not {s.code}",
            context="history"))
    out = list({s.code: s for s in reversed(out)}.values())[::-1]
    if not ended and not named_for and not any(s.code.startswith("Z85") for s in out):
        return suggestions, []
    code = "Z08" if any(s.code.startswith("Z85") for s in out) else "Z09"
    if code == "Z09" and _told_in_passing(note, done):
        return out, []
    reason = f"{done.group(0)}: {code}, follow-up after completed treatment" + (
        f" ({', '.join(sorted(treated))} now personal history)" if treated else "")
    return [from_rule(code, done, tabular, NAME, reason), *out], [reason]


# the assessment's heading; what follows it is what the visit dealt with
_ASSESSMENT = re.compile(r"\b(a/p|assessment( and plan)?|impression)\s*:", re.IGNORECASE)
_COURSE_OR_OUTCOME = _rx(r"treated|treatment (complete|completed|finished)|completed|finished|f/u|follow[- ]?up|"
                         r"recheck|surveillance")
_AFTER = _rx(r"after")
# the assessment lists the visit's problems by number ("A/P: 1. T2DM - ... 2. HTN - ..."); a bare "continue current
# meds" says too little of what the visit was for
_NUMBERED_ITEM = re.compile(r"\s*1[.)]\s")


def _told_in_passing(note: str, done: re.Match) -> bool:
    """A course told among the history of a visit about other things ("PCP f/u. HTN, T2DM. Sinusitis last month,
    finished amoxicillin, resolved. A/P: 1. T2DM ... 2. HTN ..."): the numbered assessment after it says nothing of
    a course or its outcome, and the opening names no follow-up of it; the condition is still read as past."""
    heading = _ASSESSMENT.search(note, done.end())
    if heading is None or in_the_opening(note, done.start()) or not _NUMBERED_ITEM.match(note, heading.end()):
        return False
    assessed = note[heading.end():]
    return not (outcome_said(assessed) or _COURSE_OR_OUTCOME.search(assessed)
                or _AFTER.search(note, 0, sentence_end(note, 0)))


def _course_after_the_title(note: str, done: re.Match, suggestions: list[Suggestion]) -> bool:
    """The visit opens with Z09's own title ("F/u after completed treatment, 38F.") and the next sentence tells the
    course, its condition read past ("Strep pharyngitis 2 wks ago, finished 10 days of amoxicillin"): that is the
    course the visit follows up, its outcome said in whatever words ("throat fine now"); not one dated years back."""
    if not in_the_opening(note, done.start()) or not _TITLE.search(note, max(0, done.start() - 12), done.end()):
        return False
    told = sentence_end(note, done.end())
    next_sentence = (sentence_start(note, told + 1), sentence_end(note, told + 1, across_semicolons=True)) if told < len(
        note) else None
    if next_sentence is None or _YEARS_BACK.search(note, *next_sentence):
        return False
    return any(s.context == "history" and s.code.startswith(("Z86", "Z87")) and next_sentence[0] <= s.start <
               next_sentence[1] for s in suggestions)


def _ends_with_its_course(code: str) -> bool:
    """A condition a course can end: not a status or an encounter's Z code, a malignancy (Z08's own reading) nor an
    osteoarthritis ("knee OA, injection done": eased, not over); a carrier state is one ("latent TB infection, 4
    months of rifampin completed": Z86.15)."""
    return not code.startswith(("Z", "C") + NEVER_OVER) or code.startswith("Z22")


def _course_by_its_outcome(note: str, suggestions: list[Suggestion]) -> re.Match | None:
    """A course written by its procedure or as "treated with": ended only where the visit opens as the follow-up,
    the outcome is said, the visit is not the procedure's aftercare, an injury's subsequent encounter (its 7th
    character) or a malignancy's surveillance, and the course neither is dated years back nor treated a chronic
    condition ("COPD exacerbation treated with prednisone": the COPD goes on)."""
    if not follow_up_is_the_purpose(note) or any(words.search(note) for words in (_AFTERCARE, _NOT_AN_EXAMINATION,
                                                                                 _INJURY)) or any(
            s.code.startswith(("S", "T", "C", "Z85")) for s in suggestions):
        return None
    for match in _BY_ITS_PROCEDURE.finditer(note):
        said, here = sentence(note, match.start(), match.end()), note.rfind(".", 0, match.start())
        if (NEGATION.search(before(note, match.start())) or NOT_OVER_YET.search(_NO_RECURRENCE.sub(" ", said))
                or _YEARS_BACK.search(said) or any(s.code.startswith(CHRONIC) and here < s.start < match.start()
                                                   for s in suggestions)):
            continue
        if outcome_said(said) or outcome_said_after(note, match.end()):
            return match
    return None


def _history_of(code: str, tabular) -> str | None:
    """The index's History entry for a condition treated to completion, else its system's personal history code
    ("transient synovitis of the hip, ibuprofen done": Z87.39); not a chronic condition's, which a course does not
    end, nor an infection's, whose chapter is not the system it was in ("viral myocarditis")."""
    entry = history_code("history", code)
    if entry or code.startswith(CHRONIC + ("A", "B")):
        return entry
    return chapter_history_code(code, tabular.personal_history_chapters())


def _held_for_a_coder(found: Suggestion) -> Suggestion:
    """A condition treated to completion whose History entry the index table lacks: not billed as current; a coder
    picks its history code."""
    return found.model_copy(update={"confidence": min(found.confidence, HELD_CONFIDENCE), "convention": NAME,
                                    "reason": f"{found.evidence} treated to completion: a coder picks its personal "
                                              f"history code, not {found.code}"})


def _course_clauses(note: str, done: re.Match) -> set[int]:
    """Where the conditions a completed course treated are: its sentence, and the clause before a semicolon that
    opens it ("hospitalized for CAP; completed levofloxacin 11/25")."""
    here = sentence_start(note, done.start())
    opened_by_semicolon = note[:here].rstrip().endswith(";")
    clauses = {here, sentence_start(note, note[:here].rstrip().rfind(";"))} if opened_by_semicolon else {here}
    # an organism's initial is no full stop: "E. coli cystitis treated with nitrofurantoin, 5 days completed", or
    # after the course, "follow-up after completed treatment - E. coli pyelonephritis" (not one still treated)
    if _GENUS_INITIAL.search(note[:here]):
        clauses.add(sentence_start(note, here - 2))
    told = sentence_end(note, done.end())
    if told < len(note) and _GENUS_INITIAL.search(note[:told + 1]) and not NOT_OVER_YET.search(
            note, told + 1, sentence_end(note, told + 1)):
        clauses.add(told + 1)
    return clauses


def _follow_up_of(note: str, match: re.Match) -> bool:
    """The visit follows up this completed course: not one still going, denied, given for a flare, or dated seasons
    back with the condition it treated ("Bell palsy in 2021; completed prednisone course": a history beside the
    visit's reason), unless the course names what it was for ("follow-up after completed treatment for
    chondrosarcoma (2019)")."""
    text = sentence(note, match.start(), match.end())
    follow_up = _FOLLOW_UP.search(note) is not None or follow_up_is_the_purpose(note)  # "test of cure"
    dated = not _COMPLETED_FOR.search(text) and DATED_SEASONS_BACK.search(
        note, min(_course_clauses(note, match)), sentence_end(note, match.end()))
    return follow_up and not NOT_OVER_YET.search(text) and not NEGATION.search(before(note, match.start())) and not dated \
        and not _FOR_AN_EPISODE.search(text)
