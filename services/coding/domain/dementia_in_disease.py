"""Dementia in a disease classified elsewhere (etiology/manifestation, ICD-10-CM guidelines I.A.13 and I.C.5.d):
with Alzheimer's disease (G30.-), Parkinson's (G20.-), Lewy bodies or frontotemporal dementia (G31.0-, G31.83)
the dementia is F02.-, coded after the disease, not F03.- (dementia of no stated cause), with the severity the note
states (mild F02.A-, moderate F02.B-, severe F02.C-, unstated F02.8-).

Dementia documented without a behavioural or psychological disturbance ("without behavioral disturbance",
or none named) is completed here (…0), and so is dementia with agitation named alone (…11: the tabular's
inclusion terms for it are agitation and aggressive, combative or violent behaviour); the other disturbance codes
(psychotic, mood, anxiety, other behaviour) need words a coder should read, so with one named the F03 code is left
below the threshold for a coder. Wandering is none of them: it is its own code beside the dementia
(`dementia_wandering`).
"""
import re

from services.coding.domain.dementia_disturbance import NAME as DISTURBANCE_READ
from services.coding.domain.dementia_named_cause import alzheimer_by_onset
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "dementia-in-disease"
ETIOLOGIES = ("G30", "G20", "G31.0", "G31.83")
SEVERITY = (("A", re.compile(r"\bmild\b", re.IGNORECASE)), ("B", re.compile(r"\bmoderate\b", re.IGNORECASE)),
            ("C", re.compile(r"\bsevere\b", re.IGNORECASE)))
_DISTURBANCE = re.compile(r"\b(behaviou?ral disturbance|agitation|agitated|aggressi\w+|psychotic|hallucinations?|"
                          r"delusions?|combative|depress\w+|anxiety)\b", re.IGNORECASE)
_AGITATION = re.compile(r"\b(agitation|agitated|aggressi\w+|combative|violent)\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(without|no|denies)\b(\W+\w+){0,2}\W*$", re.IGNORECASE)


def dementia_in_disease(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    cause = next((s for s in suggestions if s.code.startswith(ETIOLOGIES) and s.context == "affirmed"), None)
    if cause is None:
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        if s.code.startswith("F03") and s.context == "affirmed":
            s, reason = _manifestation(s, cause, note, tabular)
            reasons.append(reason)
        out.append(s)
    if cause.convention is None and _only_of_its_category(cause, out) and any(s.convention == NAME and s.code.startswith("F02")
                                        and s.confidence >= cause.confidence for s in out):
        out = [_coded_before_its_dementia(s, note, tabular) if s is cause else s for s in out]
    return out, reasons


def _only_of_its_category(cause: Suggestion, suggestions: list[Suggestion]) -> bool:
    """"early onset Alzheimer disease" found as G30.0 and as its words' G30.9: the held one is the less specific."""
    return not any(s.code[:3] == cause.code[:3] and s is not cause for s in suggestions)


def _coded_before_its_dementia(cause: Suggestion, note: str, tabular) -> Suggestion:
    """A disease the note gives a dementia in is present as the dementia is: not a bare term held for a coder
    (`first_sight`'s default entry), since its F02 code cannot be billed without it; Alzheimer's by the onset its
    sentence states ("early onset Alzheimer disease" is G30.0, not the G30.9 its last two words give)."""
    onset = alzheimer_by_onset(sentence(note, cause.start, cause.end)) if cause.code == "G30.9" else None
    code = onset if onset and tabular.is_billable(onset) else cause.code
    reason = f"{code} ({cause.evidence}): the disease the note's dementia is in, coded before its F02 code"
    return cause.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                    "reason": reason})


def _severity(text: str) -> str | None:
    """The stage stated with the dementia, else with its disease ("Alzheimer disease, moderate stage")."""
    return next((letter for letter, words in SEVERITY if words.search(text)), None)


def _manifestation(s: Suggestion, cause: Suggestion, note: str, tabular) -> tuple[Suggestion, str]:
    text = sentence(note, s.start, s.end)
    named = [m.group(0) for m in _DISTURBANCE.finditer(text) if not _DENIED.search(text[:m.start()])]
    severity = _severity(text) or _severity(sentence(note, cause.start, cause.end)) or "8"
    if named and all(_AGITATION.fullmatch(word) for word in named) and tabular.is_billable(f"F02.{severity}11"):
        code = f"F02.{severity}11"
        reason = f"dementia in {cause.code} with agitation ({', '.join(named)}) is {code}, coded after it"
        return s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                    "reason": reason}), reason
    read = f"F02.{severity}{s.code[len('F03.B'):]}" if s.convention == DISTURBANCE_READ else None
    if read and tabular.is_billable(read):
        reason = f"dementia in {cause.code} with the disturbance its clause names is {read}, coded after it"
        return s.model_copy(update={"code": read, "description": tabular.description(read), "convention": NAME,
                                    "reason": reason}), reason
    if named:
        reason = f"dementia with {cause.code} and a behavioural disturbance: F02.8-/A-/B-/C- by type, for a coder"
        return for_a_coder(s, NAME, reason), reason
    code = f"F02.{severity}0"
    reason = f"dementia in {cause.code} ({cause.evidence}) is {code}, coded after it, rather than {s.code}"
    if not tabular.is_billable(code):
        return s, reason
    return s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                "reason": reason}), reason
