"""A chronic condition listed under the patient's history that the note says is being treated or controlled now
is a current condition, coded as such (ICD-10-CM guidelines IV.J: code all documented conditions that coexist
at the time of the encounter and affect its care; "history of" is for a condition that no longer exists).

"PMH HTN, controlled on amlodipine" and "Hx T2DM x15y" (its duration up to now) are the condition today; "h/o
hypertension" with nothing about its care stays out (the suggester codes no history for it), since a coder cannot
tell whether it still exists. Only conditions
that do not resolve on their own are read this way: a past pneumonia or kidney stone is history whatever follows.
A substance use disorder under the history that its sentence says is in remission ("hx EtOH use d/o, now in early
remission") is the disorder in remission, a current code (F1x.x1), not a history.
"""
import re

from services.coding.domain.listed_drug_care import treated_by_listed_drug
from services.coding.domain.note_text import current_under_history_heading

# conditions that persist once diagnosed: essential hypertension, diabetes, lipid disorders, hypothyroidism,
# asthma, COPD and emphysema, atrial fibrillation, chronic ischemic heart disease, CKD, sleep apnea, reflux, obesity,
# rheumatoid arthritis, chronic heart failure, osteoporosis
CHRONIC = ("I10", "E10", "E11", "E78", "E03", "J45", "J44", "J43", "I48", "I25", "N18", "G47.33", "K21", "E66", "M05",
           "M06", "I50", "M81")
# conditions that stay until a procedure takes them away, whose bare name is the code a coder bills when the note
# names no type: a cataract (H26.9, until its extraction) and a supraventricular tachycardia (I47.10, until its
# ablation). Neither code has a sided form. Only the first-sight holds read them (the default entry's, and a side
# taken for a qualifier): under a history heading or after "s/p" they stay what the context rules and
# `first_sight.treated_by_procedure` read them as
NAMED_BARE = ("H26.9", "I47.10")
# an osteoarthritis named as one does not end: an injection eases it and an arthroplasty takes the joint away (its
# Z96.6- status), so neither a course "done" nor a "resolved" leaves a condition that no longer exists (guideline
# I.C.21.c.4); a bare "arthritis" (M19.9-, the index's default) may be an infection's, which a course does end
NEVER_OVER = ("M15", "M16", "M17", "M18", "M19.0", "M19.1", "M19.2")
# "on <drug>", not "on exam" or "on CT"
_MANAGED = re.compile(r"\b(controlled|uncontrolled|well[- ]controlled|stable|managed|"
                      r"on (?!exam|ct\b|imaging|x-?ray|echo|ekg|ecg|holter|cxr|\d)(\w+ ){0,2}\w+|"
                      r"takes|taking|treated with|continue[sd]?|maintained on|"
                      # its duration up to now: "Hx T2DM x15y", "h/o HTN for 10 years"
                      r"(x|for) ?\d+ ?(y|yrs?|years?))\b", re.IGNORECASE)
# conditions also treated for years, which the notes name under the history as often when they are over: read as
# current only where their sentence states their care now (the first-sight and chapter-history readings keep to
# CHRONIC): mood, anxiety, stress, psychotic and attention disorders, epilepsy, migraine, Parkinson's disease,
# restless legs, polyneuropathy, gout, osteoarthritis, prostatic hyperplasia, hyperthyroidism, psoriasis, allergic
# rhinitis, glaucoma, irritable bowel and inflammatory bowel disease, multiple sclerosis, iron and vitamin D
# deficiency, hypoparathyroidism (a neck operation's most often, replaced for life)
TREATED_FOR_YEARS = CHRONIC + ("F20", "F31", "F32", "F33", "F41.1", "F42", "F43.1", "F90", "G40", "G43", "G20",
                               "G25.81", "G35", "G62", "M10", "M1A", "M15", "M16", "M17", "M19", "N40", "E05",
                               "L40", "J30", "H40", "K50", "K51", "K58", "D50", "E55", "E20", "E89.2")
_OVER = re.compile(r"\b(resolved|no longer|off (all )?(meds|medications|treatment)|remission)\b", re.IGNORECASE)
# and for the conditions treated for years, which end more often: their care ended ("treated with sertraline, none
# since", "stopped in 2013", "taper finished", "outgrown"), or an age of the patient's past ("as a teenager", "in
# childhood", "in her 20s")
_OVER_TREATED = re.compile(r"\b(none since|stopped|discontinued|finished|completed|tapered|no recurrence|cured|"
                           r"healed|outgrown|outgrew|as an? (child|kid|teen|teenager|adolescent|infant|young adult)|"
                           r"childhood|in (his|her|their) (teens|\d0s))\b", re.IGNORECASE)


# a bare item dated to a past year or span ("gout 2015", "hyperthyroidism 10 years ago"), not its diagnosis's date
_DATED_PAST = re.compile(r"(?<!dx )(?<!since )(?<!diagnosed )(?<!diagnosed in )\b((19|20)\d\d|\d+ (years?|yrs?) ago)\b",
                         re.IGNORECASE)


SUBSTANCE_USE = ("F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19")
_REMISSION = re.compile(r"\bin (early |sustained |full |partial )?remission\b", re.IGNORECASE)


def current_chronic_condition(code: str, sentence: str, item: str | None = None, note: str | None = None) -> bool:
    """The condition (its code) is chronic and its sentence states it is cared for now, or it is a substance use
    disorder its sentence places in remission. `item`: the part of the sentence that is the condition's own list
    item, where an ending is read ("PMH: HTN on amlodipine; depression, resolved": the HTN is not over)."""
    if code.startswith(SUBSTANCE_USE):
        return bool(_REMISSION.search(sentence))
    return cared_for_now(code, sentence, item, note)


# a problem list's "(active)" status, and a medication list's entry naming the condition it is taken for
# ("Medications: gabapentin (peripheral neuropathy)"); not "physically active"
_LISTED_AS_TREATED = re.compile(r"\((active|current)\)|(?<=- )active\b(?! (smoker|lifestyle|duty))|"
                                r"\b((current|home|active) )?(meds|medications|rx)\s*:\s*[\w -]+\(", re.IGNORECASE)


def cared_for_now(code: str, sentence: str, item: str | None = None, note: str | None = None) -> bool:
    """The condition (its code) persists for years and its sentence states its care now ("gout, on allopurinol",
    "GAD - stable on escitalopram, continue"), or the note's medication list or plan names a drug that treats it
    alone (`listed_drug_care`), not that the care ended (in its own list item, where given)."""
    own = sentence if item is None else item
    if not code.startswith(TREATED_FOR_YEARS) or _OVER.search(own):
        return False
    if _MANAGED.search(sentence) or _LISTED_AS_TREATED.search(sentence):
        return code.startswith(CHRONIC) or not _OVER_TREATED.search(own)
    return (note is not None and not _OVER_TREATED.search(own) and not _DATED_PAST.search(own)
            and treated_by_listed_drug(code, note))


# conditions that do not end once diagnosed: essential hypertension, diabetes, lipid disorders, hypothyroidism, COPD
# and emphysema, chronic ischemic heart disease, CKD, osteoporosis
LIFELONG = ("I10", "E10", "E11", "E78", "E03", "J44", "J43", "I25", "N18", "M81")


def listed_lifelong(code: str, note: str, start: int, end: int, item: str) -> bool:
    """A condition that does not end once diagnosed, listed under a past medical history heading ("PMH: HTN, HLD,
    COPD"), is a condition of the visit (guidelines IV.I and IV.J): the heading lists current conditions beside past
    ones, unlike "h/o", and nothing in its list item (`item`) ends or dates it."""
    return (code.startswith(LIFELONG) and not (_OVER.search(item) or _OVER_TREATED.search(item)
                                               or _DATED_PAST.search(item))
            and current_under_history_heading(note, start, end))


def list_item(text: str, first: int, last: int, start: int, end: int) -> str:
    """The semicolon-parted item of the sentence text[first:last] that holds the mention text[start:end]: a
    history's list speaks of each item in its own ("PMH: HTN on amlodipine; depression, resolved")."""
    left = text.rfind(";", first, start)
    right = text.find(";", end, last)
    return text[(left + 1 if left >= 0 else first):(right if right >= 0 else last)]
