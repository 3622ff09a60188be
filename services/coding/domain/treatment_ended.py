"""A treatment the note says has ended, and a follow-up visit whose purpose is to check on what it treated.

The end may be written after the treatment ("prednisone taper completed 6 weeks ago", "penicillin V course over",
"ibuprofen done", "ciprofloxacin 7 days finished") or before a treatment that closes its phrase ("finished
prednisone taper; strength recovered"). At a follow-up visit, the condition named in the same clause was fully
treated: the visit is Z09 with the condition's history code (guideline I.C.21.c.8). A test, imaging or a visit that
is done is not a treatment ("MRI done", "labs completed"), and "done" or "over" must close their phrase, so "over
the past week" or "done twice daily" say nothing of an end.

Where the condition itself is already read as over by the context rules, the visit is still Z09 when its stated
purpose is the follow-up (the note's opening sentence, or its reason) and the note says the outcome right after the
treatment's end ("course finished Monday. Redness gone"): a follow-up of a completed treatment whose condition is
gone is what Z09 is for, not a current condition.

A course may also be written by the procedure that ended the condition ("s/p CTI ablation 3 months ago", "cured by
parathyroidectomy", "chest tube removed") or as "treated with" its drug; neither says the course is over by itself,
so either counts only where the visit opens as the follow-up and the outcome is said right after it ("no recurrence",
"numbness resolved", "lung re-expanded").
"""
import re

NOT_A_TREATMENT = ("ct", "cxr", "x-ray", "xray", "mri", "us", "ultrasound", "echo", "eeg", "emg", "ecg", "ekg",
                   "eval", "evaluation", "workup", "work-up", "testing", "test", "tests", "lab", "labs", "imaging",
                   "study", "scan", "referral", "form", "forms", "questionnaire", "screening", "visit", "education",
                   "class", "classes", "teaching", "training", "program", "vaccine", "vaccines", "vaccination",
                   "series", "paperwork", "biopsy", "colonoscopy", "endoscopy", "exam", "examination", "consult",
                   "consultation", "assessment", "review", "reconciliation", "intake", "registration", "school",
                   "college", "degree", "work", "shift", "meal", "breakfast", "lunch", "dinner", "homework",
                   # a talk held at the visit ("motivational interviewing done") treats no condition to its end
                   "interviewing", "counseling", "counselling", "psychoeducation", "session", "sessions",
                   # nor a procedure given at the visit for a condition that goes on ("OA L knee - injection done")
                   "injection", "injections", "esi", "block", "blocks")
_NOT_A_TREATMENT = "|".join(NOT_A_TREATMENT)
# the word before "completed" that is a verb or an adverb, not the treatment ("is finished", "almost done")
_NOT_A_NOUN = "|".join(("is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "it", "that", "this",
                        "now", "just", "almost", "nearly", "partly", "partially", "not", "never", "yet", "all"))

# (the end word is looked for first: the words it may not follow are tried only where it stands)
TREATMENT_ENDED_AFTER_CUE = (r"\b(?=[a-z][\w-]* (completed|finished|done|over)\b)(?<!\bnot )(?<!\byet )"
                             r"(?!(" + _NOT_A_TREATMENT + "|" + _NOT_A_NOUN + r")\b)[a-z][\w-]* "
                             r"(completed|finished|(done|over)(?=\s*([,;.]|$)))")
TREATMENT_ENDED_BEFORE_CUE = (r"(?<!\bnot )(?<!\byet )\b(completed|finished) (a |the |his |her )?"
                              r"(\d+ ?(mo|months?|wks?|weeks?|days?) (of )?)?(?!(" + _NOT_A_TREATMENT + r")\b)"
                              r"[a-z][\w-]*( (taper|course|regimen))?(?=\s*([;.]|$))")

# a procedure that ended the condition, or a course "treated ... with" a drug (counted only with the outcome said)
_PROCEDURE = (r"ablation|release|[a-z]+ectomy|drainage|decortication|[a-z]+plasty|repair|excision|"
              r"thoracentesis|burr hole")
COURSE_BY_ITS_PROCEDURE = (r"\b(s/p|status post|after|cured by|drained by) (an? |the |his |her )?([\w/-]+ ){0,3}?"
                           r"(" + _PROCEDURE + r")\b|\b(" + _PROCEDURE + r") (\d+ (wks?|weeks?|mos?|months?) ago|"
                           r"in (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|"
                           r"\bchest tube (removed|pulled|out)\b|"
                           r"\btreated\b[^.;\n]{0,80}?\bwith (?!no\b)[\w-]+|"
                           r"\btook (a |the )?(full )?(\d+ ?(d|days?|wks?|weeks?) )?course of [\w-]+")
# a visit for a procedure's wound, sutures or drain is its aftercare (Z48.-), not a follow-up after it
AFTERCARE = (r"post-?op(erative)? (check|visit|wound)|wound check|sutures?|staples?|dressing|drain removal|"
             r"incisions?")
# a visit named after its procedure ("Post-ablation visit"); not a post-op check, which is aftercare
POST_PROCEDURE = r"post[- ](procedure|procedural|ablation)"

# the visit's purpose: its opening sentence, or a reason written as a follow-up or a test of cure, or a visit named
# after the condition it follows ("Post-pneumonia visit"; a post-op, postpartum or postnatal visit is its own kind)
_PURPOSE = re.compile(r"\b(f/u|follow[- ]?up|recheck|re-check|post[- ](treatment|tx)|test of (cure|eradication)|eradication test|"
                      + POST_PROCEDURE + r"|post[- ](?!(op|operative|surgical|partum|natal|menopausal)\b)[a-z]+ "
                      r"(visit|check))\b",
                      re.IGNORECASE)
# or the note discharges the patient from the clinic the visit is in ("Discharged from TB clinic"): its care is over
_DISCHARGED_FROM_CLINIC = re.compile(r"\bdischarged from (the |our |this )?([\w-]+ ){0,2}clinic\b", re.IGNORECASE)
_STATED_REASON = re.compile(r"\b(reason|dx|diagnosis|indication|purpose)\W{1,3}"
                            r"(f/u|follow[- ]?up|test of (cure|eradication))\b", re.IGNORECASE)
# the outcome of what was treated, said right after the treatment's end (not "not resolved", "not yet healed")
_OVER = re.compile(r"(?<!\bnot )(?<!\bnot yet )(?<!\bnot fully )\b(resolved|cleared|cured|gone|healed|"
                   r"(fully |completely )?recovered|asymptomatic|no recurrence|no longer|back to (normal|baseline)|"
                   r"restored|re-?expanded|no \w+ since)\b", re.IGNORECASE)
# the treated condition said to go on ("still", "persistent", "recurring"); "finishing" the course now is still
# treating, "after finishing" it the course is over
NOT_OVER_YET = re.compile(r"\b(still|persistent|persists|ongoing|not resolved|unresolved|continues?|continuing|"
                          r"(?<!after )finishing|recurr\w*|worse\w*)\b", re.IGNORECASE)
# (an assessment's first item is the visit's purpose: "A/P: 1. Pericarditis f/u"; an organism's initial is no full
# stop: "H. pylori stool antigen, test of eradication.")
_FIRST_SENTENCE = re.compile(r"^((?i:[a-z/ ]+):\s*1\.\s*)?([^.\n]|(?<=\b[A-Z])\.(?= [a-z]))*")
_A_YEAR = re.compile(r"\b(19|20)\d\d\b")


def follow_up_is_the_purpose(note: str) -> bool:
    """The note opens with the follow-up ("Recheck.", "Thyroiditis follow-up.") or gives it as the reason, or
    discharges the patient from the clinic."""
    return bool(_PURPOSE.search(_FIRST_SENTENCE.match(note).group(0)) or _STATED_REASON.search(note)
                or _DISCHARGED_FROM_CLINIC.search(note))


def in_the_opening(note: str, start: int) -> bool:
    """The position is in the note's opening sentence, the one that names the visit's purpose."""
    return start < _FIRST_SENTENCE.match(note).end()


def outcome_said(text: str) -> bool:
    """The text says the treated condition is over ("resolved", "no recurrence", "lung re-expanded")."""
    return bool(_OVER.search(text))


def outcome_said_after(note: str, end: int) -> bool:
    """The rest of the treatment's sentence, or the next one, says the treated condition is over; a sentence with a
    year in it speaks of something else, dated ("Healed radius fracture 2020")."""
    pieces = []
    for _ in range(2):
        stop = re.search(r"[.\n]", note[end:])
        pieces.append(note[end:] if stop is None else note[end:end + stop.end()])
        end = len(note) if stop is None else end + stop.end()
    return any(outcome_said(piece) and not _A_YEAR.search(piece) for piece in pieces)
