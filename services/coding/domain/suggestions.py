"""Suggested ICD-10-CM codes from the note, and how they meet the provider's codes.

A suggestion carries its evidence (character offsets into the note), a confidence and the ConText verdict
that produced it. Reconciliation: with provider codes, a suggestion that agrees corroborates them and a
confident one the provider did not code is flagged; without provider codes, the suggestions are shown to a
coder, unless the tenant's auto-accept policy lets confident ones through (`auto_accept.py`).
"""
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from shared.contracts.common import CodeSource, EditResult
from services.coding.domain.auto_accept import AutoAcceptPolicy, auto_accept_blocker, note_code_decision
from services.coding.domain.codes import icd_compact
from services.coding.domain.field_list_items import separate_items
from services.coding.domain.own_entry import heads_its_own_entry
from services.coding.domain.note_text import uncertain
from services.coding.domain.results import error, warning
from services.coding.domain.unexplained_symptom import BY_DURATION
from services.coding.domain.use_additional_symptoms import asked_for_beside

MAX_DIAGNOSES = 12
RULE_CONFIDENCE = 0.94  # a code the note states in so many words ("vaccine given"), as for an inclusion term
# A code whose category needs a 7th character the note does not state: shown to a coder, never billed.
SEVENTH_CHARACTER_MISSING = "seventh-character-missing"
# An unspecified-side code where the note states no side: coded, with a warning that the side is unknown.
SIDE_UNSTATED = "laterality-unstated"


class Suggestion(BaseModel):
    code: str
    description: str
    confidence: float = Field(ge=0, le=1)
    start: int = Field(ge=0, description="Evidence span: character offsets into the note.")
    end: int = Field(ge=0)
    evidence: str
    context: str = Field(description="affirmed | family | history: the ConText reading that produced the code")
    status: str = Field(default="pending",
                        description="accepted | pending | corroborated | not_coded | rejected (by a coder)")
    convention: str | None = Field(default=None, description="The ICD-10-CM convention that made or changed it")
    reason: str | None = Field(default=None, description="Why the convention applied")


@dataclass
class Reconciled:
    diagnoses: list[tuple[str, CodeSource]]
    suggestions: list[Suggestion]
    edits: list[EditResult] = field(default_factory=list)


def reconcile(provider_codes: list[str], suggestions: list[Suggestion], *, policy: AutoAcceptPolicy) -> Reconciled:
    if provider_codes:
        return _against_provider(provider_codes, suggestions, policy.threshold)
    accepted, pending, decided = [], [], []
    incomplete = []
    for suggestion in _best_per_code(suggestions):
        decision = note_code_decision(False, suggestion.confidence, policy)
        if suggestion.convention == SEVENTH_CHARACTER_MISSING:
            decision = "pending"
            incomplete.append(suggestion)
        elif decision == "accepted" and len(accepted) >= MAX_DIAGNOSES:
            decision = "pending"
        decided.append(suggestion.model_copy(update={"status": decision}))
        if decision == "accepted":
            accepted.append(suggestion.code)
        elif suggestion not in incomplete:
            pending.append(suggestion.code)
    edits = _note_only_edits(pending, policy) + [
        error("ICD-7TH-CHARACTER", f"{s.reason}; a coder must choose it", s.code) for s in incomplete] + [
        warning("ICD-SIDE-UNSTATED", s.reason or "", s.code) for s in decided if s.convention == SIDE_UNSTATED]
    return Reconciled([(code, CodeSource.SUGGESTION) for code in accepted], decided, edits)


def _note_only_edits(pending: list[str], policy: AutoAcceptPolicy) -> list[EditResult]:
    if not pending:
        return []
    blocker = auto_accept_blocker(policy)
    if blocker:
        return [error("CAC-NOTE-ONLY", f"{', '.join(pending)} suggested from the note alone; {blocker}: a coder "
                                       "must confirm them", *pending)]
    return [error("CAC-LOW-CONFIDENCE", f"{', '.join(pending)} suggested from the note below the auto-accept "
                                        f"threshold ({policy.threshold:.2f}); a coder must decide", *pending)]


def _against_provider(provider_codes: list[str], suggestions: list[Suggestion], threshold: float) -> Reconciled:
    coded = {icd_compact(code) for code in provider_codes}
    decided, missed = [], []
    for suggestion in _best_per_code(suggestions):
        if icd_compact(suggestion.code) in coded:
            status = "corroborated"
        elif suggestion.confidence >= threshold:
            status = "not_coded"
            missed.append(suggestion.code)
        else:
            status = "pending"
        decided.append(suggestion.model_copy(update={"status": status}))
    edits = [warning("CAC-DOCUMENTED-NOT-CODED", f"the note supports {', '.join(missed)}, which the provider did "
                                                 "not code", *missed)] if missed else []
    return Reconciled([(code, CodeSource.PROVIDER) for code in provider_codes], decided, edits)


def _best_per_code(suggestions: list[Suggestion]) -> list[Suggestion]:
    best: dict[str, Suggestion] = {}
    for suggestion in suggestions:
        key = icd_compact(suggestion.code)
        if key not in best or suggestion.confidence > best[key].confidence:
            best[key] = suggestion
    return sorted(best.values(), key=lambda s: s.start)


# disorders the tabular names by a symptom (insomnia G47.0-), and the symptom codes of chapters other than R
# (constipation, pain in a joint or limb, myalgia, back and neck pain, eye and ear pain, dysmenorrhea, pruritus):
# a sign beside them ("anhedonia; insomnia", "fatigue, constipation and weight gain") is no part of them, as it
# would be of a disease
SYMPTOM_NAMED_DISORDERS = ("G47.0", "K59.0", "M25.5", "M79.1", "M79.6", "M54.2", "M54.5", "M54.6", "M54.9",
                           "H57.1", "H92.0", "N94.6", "L29")


def without_integral_symptoms(suggestions: list[Suggestion], sentences: list[int], note: str = "") -> list[Suggestion]:
    """Drop symptom codes (chapter R) stated with a definitive diagnosis in the same sentence: signs and
    symptoms integral to a diagnosis are not coded (ICD-10-CM guidelines I.B.5). sentences[i] identifies the
    sentence of suggestions[i]. A diagnosis the note states as uncertain ("likely pneumonia") is not
    definitive: its symptoms are what gets coded (guidelines IV.H). Nor a symptom the diagnosis's own use-additional
    note asks for ("BPH with LUTS: nocturia x3 and weak stream")."""
    # only a sentence holding a symptom code is asked whether it states a definitive diagnosis
    with_symptoms = {sentence for s, sentence in zip(suggestions, sentences) if s.code[0] == "R"}
    definitive = [(sentence, s.start, s.code) for s, sentence in zip(suggestions, sentences)
                  if sentence in with_symptoms and s.code[0] not in "RZ"
                  and not s.code.startswith(SYMPTOM_NAMED_DISORDERS)
                  and not (note and uncertain(note, s.start, s.end))]
    return [s for s, sentence in zip(suggestions, sentences)
            if not (s.code[0] == "R" and any(at == sentence and not _item_of_its_own(s, start, note)
                                             and not asked_for_beside(s.code, code)
                                             for at, start, code in definitive))]


def _item_of_its_own(symptom: Suggestion, diagnosis_start: int, note: str) -> bool:
    """The symptom heads an item of a diagnosis field's list that the diagnosis is not in ("Dx: fatigue; HTN"), after
    how long it has lasted where that does not change its code ("Dx: fatigue x 2 mo; HTN", not a cough's): not one
    an uncertain item's reading made ("mild NCD vs early Alzheimer disease; adjustment disorder")."""
    return separate_items(note, symptom.start, diagnosis_start) and heads_its_own_entry(
        note, symptom.start, symptom.end, after_duration=not symptom.code.startswith(BY_DURATION))


def from_rule(code: str, match, tabular, convention: str, reason: str, *, confidence: float = RULE_CONFIDENCE,
              context: str = "affirmed") -> Suggestion:
    """A suggestion a guideline rule made from a phrase of the note (match: its re.Match), with the rule's name
    and reason for the review queue."""
    return Suggestion(code=code, description=tabular.description(code), confidence=confidence,
                      start=match.start(), end=match.end(), evidence=match.group(0), context=context,
                      convention=convention, reason=reason)


def as_sibling(found: Suggestion, code: str, tabular, convention: str, reason: str) -> Suggestion:
    """`found` on its own words and confidence, given the sibling code a rule reads from the note, with the
    rule's name and reason."""
    return found.model_copy(update={"code": code, "description": tabular.description(code), "convention": convention,
                                    "reason": reason})


def to_siblings(suggestions: list[Suggestion], sibling_for, tabular,
                convention: str) -> tuple[list[Suggestion], list[str]]:
    """Each suggestion for which `sibling_for` gives (sibling code, reason) replaced by that sibling on its own
    words (`as_sibling`), with the reasons given."""
    out, reasons = [], []
    for s in suggestions:
        found = sibling_for(s)
        if found is None:
            out.append(s)
            continue
        sibling, reason = found
        out.append(as_sibling(s, sibling, tabular, convention, reason))
        reasons.append(reason)
    return out, reasons


def recoded(suggestions: list[Suggestion], note: str, found: Suggestion, code: str, tabular, convention: str,
            reason: str, *, context: str = "affirmed") -> list[Suggestion] | None:
    """The suggestions with a rule's `code` in place of `found`, read again from the note on its words; None when
    its words are not there or the suggestions already say as much (`replacing`)."""
    match = re.compile(re.escape(found.evidence)).search(note, found.start)
    return replacing(suggestions, from_rule(code, match, tabular, convention, reason, context=context)) \
        if match else None


def overlapping(suggestions: list[Suggestion], start: int, end: int) -> list[Suggestion]:
    return [s for s in suggestions if s.start < end and start < s.end]


def replacing(suggestions: list[Suggestion], made: Suggestion) -> list[Suggestion] | None:
    """The suggestions with `made` in place of those found on the same words; None when one of them already
    says as much (the same code, as confident)."""
    found = overlapping(suggestions, made.start, made.end)
    if any(s.code == made.code and s.confidence >= made.confidence for s in found):
        return None
    return [*(s for s in suggestions if s not in found), made]
