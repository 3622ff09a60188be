"""A relative's heart written as an event rather than a diagnosis: the family history code the index gives it.

"Brother died suddenly at 42", "her mother died suddenly of a cardiac arrest at 50": a relative's sudden death, no
other cause named, is the family history of sudden cardiac death (Z82.41). "Father CABG at 55", "her brother had
a heart attack at 49", "father w/ stents": a relative's bypass, stent or heart attack says ischemic heart disease in
the family (Z82.49). The term index reads none of them (no condition is named), so without this they go uncoded.

Only a blood relative joined to the event by a verb or a list's mark ("father healthy, no heart attack" is not);
a death the clause gives another cause ("died suddenly in a car crash", "of a stroke") is not a cardiac one. Never
the condition itself: the patient's own heart attack is the term index's reading, not this one's.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "relative-heart-history"
SUDDEN_CARDIAC_DEATH = "Z82.41"
ISCHEMIC_HEART_DISEASE = "Z82.49"
CONFIDENCE = 0.9  # as a relative's condition read through the index's History, family entries
BLOOD_RELATIVE = (r"\b(?:(?:maternal|paternal) )?(?:mother|father|mom|dad|sister|brother|sibling|son|daughter|"
                  r"grandmother|grandfather|aunt|uncle|cousin|twin)s?\b")
# the relative right before the event, joined by a verb or a list's mark only ("father w/ CABG", "Mother - CABG",
# "brother had a heart attack"): no other word, which may be the event's subject ("mother's friend") or another
# vessel's ("mother w/ carotid stent")
_JOINED = r"(?:\s+(?:also|who|has|had|with|w/|s/p|status post|underwent|needed|required))*\s*[:\-]?\s*"
_SUDDEN_DEATH = re.compile(
    BLOOD_RELATIVE + _JOINED + r"\b(?:died|passed away|dropped dead) suddenly"
    r"(?: of (?:an? )?(?:sudden )?(?:cardiac arrest|arrhythmia|sudden cardiac death|cardiac causes?))?"
    r"(?=\s*(?:[,.;)]|$|at\b|aged?\b|in (?:his|her|their) sleep\b|\d))", re.IGNORECASE)
_HEART_EVENT = re.compile(
    BLOOD_RELATIVE + _JOINED + r"(?:an? |multiple )?(?:(?:massive |fatal |first )?heart attacks?|cabg|"
    r"coronary (?:artery )?bypass(?: surgery| grafting)?|bypass surgery|(?:coronary |cardiac )?stents?)\b",
    re.IGNORECASE)
_READINGS = ((_SUDDEN_DEATH, SUDDEN_CARDIAC_DEATH, "a relative's sudden death, no other cause named"),
             (_HEART_EVENT, ISCHEMIC_HEART_DISEASE, "a relative's heart attack, bypass or stent"))


@needs(patterns=(_SUDDEN_DEATH, _HEART_EVENT))
def relative_heart_events(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = list(suggestions), []
    for pattern, code, why in _READINGS:
        found = pattern.search(note)
        if found is None or any(s.code == code for s in out):
            continue
        reason = f"{found.group(0)!r}: {why}, the family history {code}"
        out.append(Suggestion(code=code, description=tabular.description(code), confidence=CONFIDENCE,
                              start=found.start(), end=found.end(), evidence=found.group(0), context="family",
                              convention=NAME, reason=reason))
        reasons.append(reason)
    return out, reasons
