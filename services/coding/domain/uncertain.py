"""Uncertain diagnoses in outpatient coding: a condition documented as "r/o", "possible", "probable",
"suspected", "likely", "versus" or "cannot exclude" is not coded as if it were established (ICD-10-CM
guidelines IV.H); the signs and symptoms the note documents are coded instead.

ConText already drops the cues it knows; this rule holds the outpatient list whole, for every code found,
and tells the coder on the symptoms it kept why the diagnosis beside them is not coded.
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.heart_failure_named_type import end_of_named_type
from services.coding.domain.note_text import (_SIGN_UNCERTAIN, DOUBTED_AFTER, SIGN_DOUBTED_BEFORE, SIGN_PRESENCE_OPEN,
                                              UNCERTAIN_AFTER, UNCERTAIN_BEFORE, doubted_sign, raised_by_another,
                                              sentence_start, uncertain, uncertain_sign)
from services.coding.domain.suggestions import Suggestion
from services.coding.domain.workup_aim import AIM_AFTER

NAME = "uncertain-diagnosis"
# findings a test or a witness establishes, doubted as a diagnosis is ("? prediabetes", "concern for a lung nodule",
# "seizure vs syncope", "Holter to look for bradycardia"): the doubted finding is not coded; a complaint the patient
# reports is no doubt ("fatigue, ? hypothyroid" codes the fatigue, "palpitations" are the patient's)
DOUBTABLE_FINDINGS = ("R73.0", "R91.1", "R56", "R00.0", "R00.1")


def is_uncertain_diagnosis(s: Suggestion, note: str) -> bool:
    """A diagnosis (not a Z code) the note states only as uncertain, and a finding read as one. A sign or symptom
    only by the words after it that make it the doubt ("postnasal drip also possible") or a doubt right before it
    ("low suspicion for"): one beside an uncertain diagnosis is what is coded."""
    if s.context == "family":  # "Mother asked about ADHD": no relative's condition is told
        return raised_by_another(note, s.start)
    if s.code[0] == "Z" or s.context != "affirmed":
        return False
    if s.code[0] == "R" and not s.code.startswith(DOUBTABLE_FINDINGS):
        return uncertain_sign(note, s.end) or doubted_sign(note, s.start)
    return uncertain(note, s.start, end_of_named_type(note, s.end))  # "HFrEF?": the doubt closes the typed name


# (the qualified doubt needs one of DOUBTED_AFTER's words: its gate is that one's)
@needs(patterns=(UNCERTAIN_BEFORE, UNCERTAIN_AFTER, _SIGN_UNCERTAIN, SIGN_PRESENCE_OPEN, DOUBTED_AFTER,
                  SIGN_DOUBTED_BEFORE, AIM_AFTER))
def uncertain_diagnoses(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    dropped = [s for s in suggestions if is_uncertain_diagnosis(s, note)]
    if not dropped:
        return suggestions, []
    reasons = [f"{s.evidence} is documented as uncertain: {s.code} not coded (outpatient), its symptoms are"
               for s in dropped]
    by_sentence = {sentence_start(note, s.start): reason for s, reason in zip(dropped, reasons)}
    kept = []
    for s in suggestions:
        if s in dropped:
            continue
        reason = by_sentence.get(sentence_start(note, s.start))
        if reason and s.code[0] == "R" and s.convention is None:
            s = s.model_copy(update={"convention": NAME, "reason": reason})
        kept.append(s)
    return kept, reasons
