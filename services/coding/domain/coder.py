"""Code a documented encounter: validate every code, run the edits, reconcile note suggestions, and decide
coded or needs_review. Pure: the reference data is loaded once at start and passed in.
"""
from dataclasses import dataclass, field

from shared.contracts.claim import CodedDiagnosis, CodedProcedure
from shared.contracts.common import CodeSource, EditResult
from shared.contracts.encounter import EncounterDocumented
from services.coding.domain import procedures as rules
from services.coding.domain.aoc import aoc_edits
from services.coding.domain.auto_accept import AUTO_ACCEPT_OFF, AutoAcceptPolicy
from services.coding.domain.diagnoses import diagnosis_edits
from services.coding.domain.icd10 import edition_for
from services.coding.domain.ncci_edits import mue_edits, ptp_edits
from services.coding.domain.em_level import em_level_edits
from services.coding.domain.neurology import neurology_edits
from services.coding.domain.psychotherapy import psychotherapy_edits
from services.coding.domain.reference import ReferenceData
from services.coding.domain.results import error, has_error
from services.coding.domain.suggestions import Suggestion, reconcile
from services.coding.domain.telehealth import telehealth_edits

MAX_POINTERS = 4


@dataclass(frozen=True)
class CodingOutcome:
    status: str
    diagnoses: list[CodedDiagnosis]
    procedures: list[CodedProcedure]
    edits: list[EditResult] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


def code_encounter(encounter: EncounterDocumented, reference: ReferenceData, *, suggestions: list[Suggestion] = (),
                   auto_accept: AutoAcceptPolicy = AUTO_ACCEPT_OFF,
                   em_billed_same_day: tuple[str, ...] = ()) -> CodingOutcome:
    """Every edit over one encounter; an error holds it for review, warnings travel with the claim.
    Note-only codes are billed without a coder only as the tenant's auto-accept policy allows."""
    edits: list[EditResult] = []
    if not encounter.diagnoses and not encounter.procedures and not encounter.note:
        edits.append(error("CODING-NO-CODES-NO-NOTE", "the encounter has neither codes nor a note"))
    decision = reconcile(list(encounter.diagnoses), list(suggestions), policy=auto_accept)
    edits += decision.edits
    codes = [code for code, _ in decision.diagnoses]
    if not codes:
        edits.append(error("ICD-MISSING", "no diagnosis code; a coder must code the note"))
    if not encounter.procedures:
        edits.append(error("PROC-MISSING", "no procedure code; a coder must code the note"))
    code_set, edition_edits = edition_for(reference.icd10, encounter.date_of_service)
    if code_set is not None:
        edits += diagnosis_edits(codes, code_set, reference.mce, sex=encounter.patient.sex,
                                 birth_date=encounter.patient.birth_date, date_of_service=encounter.date_of_service,
                                 note=encounter.note)
    edits += edition_edits
    lines, line_edits = _procedure_lines(encounter, reference, len(codes), pointers_from_suggestions=not encounter.diagnoses)
    edits += line_edits
    diagnoses = [CodedDiagnosis(code=code, source=source) for code, source in decision.diagnoses]
    procedures = [CodedProcedure(code=p.code, modifiers=p.modifiers, units=p.units, charge=p.charge,
                                 diagnosis_pointers=p.diagnosis_pointers or [1], source=CodeSource.PROVIDER)
                  for p in lines]
    edits += rules.em_per_day_edits(lines, billed_same_day=em_billed_same_day)
    edits += psychotherapy_edits(lines, reference.psychotherapy, note=encounter.note,
                                 em_billed_same_day=em_billed_same_day)
    edits += telehealth_edits(lines, encounter.place_of_service, reference.telehealth)
    edits += neurology_edits(lines, reference.nerve_conduction, note=encounter.note)
    if encounter.note:
        edits += em_level_edits(lines, note=encounter.note)
    status = "needs_review" if has_error(edits) else "coded"
    return CodingOutcome(status=status, diagnoses=diagnoses, procedures=procedures, edits=edits,
                         suggestions=decision.suggestions)


def _procedure_lines(encounter: EncounterDocumented, reference: ReferenceData, diagnosis_count: int, *,
                     pointers_from_suggestions: bool):
    edits, lines, on = [], [], encounter.date_of_service
    for line in encounter.procedures:
        if not line.diagnosis_pointers and pointers_from_suggestions and diagnosis_count > 1:
            line = line.model_copy(update={"diagnosis_pointers": list(range(1, min(diagnosis_count, MAX_POINTERS) + 1))})
            edits.append(rules.defaulted_pointer_warning(line))
        lines.append(line)
        edits += rules.code_book_edits(line, on, cpt=reference.cpt, hcpcs=reference.hcpcs)
        edits += rules.modifier_book_edits(line, on, reference.modifiers)
        edits += rules.pointer_edits(line, diagnosis_count)
    edits += rules.modifier_edits(lines)
    edits += ptp_edits(lines, on, reference.ptp, reference.ptp_modifiers)
    edits += mue_edits(lines, reference.mue)
    edits += aoc_edits(lines, on, reference.aoc)
    return lines, edits

