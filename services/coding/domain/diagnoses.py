"""ICD-10-CM diagnosis edits over one edition's extracted tables: existence, billability, MCE age and sex,
Excludes1 pairs and manifestation codes first-listed. Pure lookups: no library call on this path.
"""
from datetime import date

from shared.contracts.common import EditResult
from services.coding.domain.codes import ICD10CM_SHAPE, icd_compact
from services.coding.domain.icd10 import Icd10CodeSet
from services.coding.domain.mce import MceTable, age_in_years, age_sex_edits
from services.coding.domain.results import error
from services.coding.domain.seventh_character_sent import missing_seventh_character, seventh_character_edits


def existence_edits(code: str, code_set: Icd10CodeSet) -> list[EditResult]:
    compact = icd_compact(code)
    if not ICD10CM_SHAPE.match(compact) or compact not in code_set.dotted:
        return [error("ICD-UNKNOWN", f"{code} is not an ICD-10-CM code in FY{code_set.edition.fiscal_year}", code)]
    if compact not in code_set.billable and not missing_seventh_character(code, code_set):
        return [error("ICD-NOT-BILLABLE", f"{code} is a header code; a more specific code is required", code)]
    return []


def excludes1_edits(codes: list[str], code_set: Icd10CodeSet) -> list[EditResult]:
    """One edit per pair, whichever of the two carries the note (directly or through an ancestor)."""
    edits, compact = [], [icd_compact(c) for c in codes]
    for i, first in enumerate(compact):
        for j in range(i + 1, len(compact)):
            second = compact[j]
            if first == second:
                continue
            if code_set.excludes1_pair(first, second):
                edits.append(error("ICD-EXCLUDES1", f"{codes[i]} and {codes[j]} are Excludes1: they cannot be "
                                                    "billed together", codes[i], codes[j]))
    return edits


def manifestation_edits(codes: list[str], code_set: Icd10CodeSet) -> list[EditResult]:
    if codes and icd_compact(codes[0]) in code_set.manifestation:
        return [error("ICD-MANIFESTATION-FIRST", f"{codes[0]} is a manifestation code and cannot be first-listed; "
                                                 "code the underlying condition first", codes[0])]
    return []


def diagnosis_edits(codes: list[str], code_set: Icd10CodeSet, mce: MceTable, *, sex: str, birth_date: date,
                    date_of_service: date, note: str | None = None) -> list[EditResult]:
    """Every ICD-10-CM edit over an encounter's diagnoses, in order: per code, then across codes."""
    edits: list[EditResult] = []
    for code in codes:
        edits += existence_edits(code, code_set)
    edits += seventh_character_edits(codes, code_set, note)
    known = [c for c in codes if icd_compact(c) in code_set.dotted]
    edits += age_sex_edits(known, sex=sex, age=age_in_years(birth_date, date_of_service), table=mce)
    edits += excludes1_edits(known, code_set)
    edits += manifestation_edits(known, code_set)
    return edits
