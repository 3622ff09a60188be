"""Code a documented encounter: validate every code, run the edits, decide coded or needs_review.

ICD-10-CM existence and billability from the CMS data in simple-icd-10-cm, MCE age and sex edits,
Excludes1 pairs, manifestation codes, CPT/HCPCS format, diagnosis pointers, and the
no-codes-no-note hold. NCCI, MUE, modifier rules and note suggestions are still to come (issue 3).
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache

from shared.contracts.claim import CodedDiagnosis, CodedProcedure
from shared.contracts.common import CodeSource, EditResult, Severity
from shared.contracts.encounter import EncounterDocumented
from services.coding.domain.edits import age_in_years, age_sex_edits, excludes1_edits, manifestation_edits

PROCEDURE_FORMAT = re.compile(r"^(\d{5}|\d{4}[FT]|[A-V]\d{4})$")


@dataclass(frozen=True)
class CodeSets:
    """Everything the coder needs, loaded once at service start."""

    icd10cm_billable: frozenset[str]
    icd10cm_all: frozenset[str]


@dataclass(frozen=True)
class CodingOutcome:
    status: str
    diagnoses: list[CodedDiagnosis]
    procedures: list[CodedProcedure]
    edits: list[EditResult] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_codesets(data_dir: str | None = None) -> CodeSets:
    import simple_icd_10_cm as icd

    codes = [c for c in icd.get_all_codes(with_dots=True) if not icd.is_chapter_or_block(c)]
    # str.replace, not icd.remove_dot: the library's version scans its code list on every call.
    billable = frozenset(c.replace(".", "") for c in codes if icd.is_leaf(c))
    return CodeSets(icd10cm_billable=billable, icd10cm_all=frozenset(c.replace(".", "") for c in codes))


def _error(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(codes))


def diagnosis_edits(code: str, codesets: CodeSets) -> list[EditResult]:
    compact = code.replace(".", "")
    if compact not in codesets.icd10cm_all:
        return [_error("ICD-UNKNOWN", f"{code} is not an ICD-10-CM code", code)]
    if compact not in codesets.icd10cm_billable:
        return [_error("ICD-NOT-BILLABLE", f"{code} is a header code; a more specific code is required", code)]
    return []


def procedure_edits(line, diagnosis_count: int) -> list[EditResult]:
    edits = []
    if not PROCEDURE_FORMAT.match(line.code):
        edits.append(_error("PROC-FORMAT", f"{line.code} is not a CPT or HCPCS code", line.code))
    pointers = line.diagnosis_pointers or ([1] if diagnosis_count == 1 else [])
    if not pointers:
        edits.append(_error("POINTER-MISSING", f"{line.code} points at no diagnosis", line.code))
    elif any(p < 1 or p > diagnosis_count for p in pointers):
        edits.append(_error("POINTER-RANGE", f"{line.code} points outside the diagnosis list", line.code))
    return edits


def code_encounter(encounter: EncounterDocumented, codesets: CodeSets, *, suggestions=(),
                   auto_accept_threshold: float = 0.9) -> CodingOutcome:
    edits: list[EditResult] = []
    if not encounter.diagnoses and not encounter.procedures and not encounter.note:
        edits.append(_error("CODING-NO-CODES-NO-NOTE", "the encounter has neither codes nor a note"))
    if not encounter.diagnoses:
        edits.append(_error("ICD-MISSING", "no diagnosis code; a coder must code the note"))
    if not encounter.procedures:
        edits.append(_error("PROC-MISSING", "no procedure code; a coder must code the note"))
    for code in encounter.diagnoses:
        edits += diagnosis_edits(code, codesets)
    for line in encounter.procedures:
        edits += procedure_edits(line, len(encounter.diagnoses))
    valid = [c for c in encounter.diagnoses if c.replace(".", "") in codesets.icd10cm_all]
    edits += age_sex_edits(valid, sex=encounter.patient.sex,
                           age=age_in_years(encounter.patient.birth_date, encounter.date_of_service))
    edits += excludes1_edits(valid) + manifestation_edits(valid)
    diagnoses = [CodedDiagnosis(code=c, source=CodeSource.PROVIDER) for c in encounter.diagnoses]
    procedures = [
        CodedProcedure(code=p.code, modifiers=p.modifiers, units=p.units, charge=p.charge,
                       diagnosis_pointers=p.diagnosis_pointers or [1], source=CodeSource.PROVIDER)
        for p in encounter.procedures
    ]
    status = "needs_review" if any(e.severity == Severity.ERROR for e in edits) else "coded"
    return CodingOutcome(status=status, diagnoses=diagnoses, procedures=procedures, edits=edits)
