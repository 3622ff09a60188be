"""Procedure-line rules: code format and code-book validity, modifier rules, diagnosis pointers, and one E/M
visit per provider per patient per day.
"""
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.codes import ProcedureKind, is_cpt, is_em, is_em_visit, is_preventive_em, procedure_kind
from services.coding.domain.results import error, warning

MAX_DIAGNOSES = 12  # the 837P carries up to 12 diagnoses; a line points at up to 4 of them
SIDES = frozenset({"LT", "RT"})


class DatedCode(Protocol):
    def active_on(self, on: date) -> bool: ...


@dataclass(frozen=True)
class CodeBook:
    """A loaded code list. `complete` is true for a full file: only then is a code missing from it an error."""

    name: str
    codes: dict[str, DatedCode]
    complete: bool


def code_book_edits(line: ProcedureLine, on: date, *, cpt: CodeBook, hcpcs: CodeBook) -> list[EditResult]:
    kind = procedure_kind(line.code)
    if kind is None:
        return [error("PROC-FORMAT", f"{line.code} is not a CPT or HCPCS Level II code", line.code)]
    book = hcpcs if kind == ProcedureKind.HCPCS_LEVEL_II else cpt
    entry = book.codes.get(line.code)
    if entry is None:
        if book.complete:
            return [error(f"{_edit_prefix(kind)}-UNKNOWN", f"{line.code} is not in the loaded {book.name} file", line.code)]
        return []
    if not entry.active_on(on):
        return [error(f"{_edit_prefix(kind)}-INACTIVE", f"{line.code} is not valid on the date of service "
                                                        f"in the {book.name} file", line.code)]
    return []


def _edit_prefix(kind: ProcedureKind) -> str:
    return "CPT" if is_cpt(kind) else "HCPCS"


def modifier_edits(lines: list[ProcedureLine]) -> list[EditResult]:
    """25 only on an E/M billed with another procedure; LT with RT, or 50 with a side, is a conflict."""
    edits = []
    has_other_procedure = any(not is_em(line.code) for line in lines)
    for line in lines:
        mods = set(line.modifiers)
        if len(mods) < len(line.modifiers):
            edits.append(error("MOD-DUPLICATE", f"{line.code} repeats a modifier", line.code))
        if "25" in mods and not is_em(line.code):
            edits.append(error("MOD-25-NOT-EM", f"modifier 25 on {line.code}: 25 belongs on an E/M service only",
                               line.code))
        elif "25" in mods and not has_other_procedure:
            edits.append(error("MOD-25-ALONE", f"modifier 25 on {line.code}: no other procedure is billed that day",
                               line.code))
        if SIDES <= mods:
            edits.append(error("MOD-LT-RT", f"{line.code} carries both LT and RT; bill 50 (bilateral) or one line "
                                            "per side", line.code))
        if "50" in mods and mods & SIDES:
            edits.append(error("MOD-50-SIDE", f"{line.code} carries 50 with {'/'.join(sorted(mods & SIDES))}: a "
                                              "bilateral procedure has no side", line.code))
    edits += _bilateral_repeated(lines)
    return edits


def _bilateral_repeated(lines: list[ProcedureLine]) -> list[EditResult]:
    edits = []
    bilateral = {line.code for line in lines if "50" in line.modifiers}
    for code in sorted(bilateral):
        if sum(1 for line in lines if line.code == code) > 1:
            edits.append(error("MOD-50-REPEATED", f"{code} is billed bilateral (50) and again on another line", code))
    return edits


def pointer_edits(line: ProcedureLine, diagnosis_count: int) -> list[EditResult]:
    """Every line points at one or more of the claim's diagnoses, 1 to 12, each once."""
    pointers = line.diagnosis_pointers or ([1] if diagnosis_count == 1 else [])
    if not pointers:
        return [error("POINTER-MISSING", f"{line.code} points at no diagnosis", line.code)]
    edits = []
    if any(p < 1 or p > min(diagnosis_count, MAX_DIAGNOSES) for p in pointers):
        edits.append(error("POINTER-RANGE", f"{line.code} points outside the diagnosis list "
                                            f"(1-{min(diagnosis_count, MAX_DIAGNOSES)})", line.code))
    if len(set(pointers)) < len(pointers):
        edits.append(error("POINTER-DUPLICATE", f"{line.code} points at the same diagnosis twice", line.code))
    return edits


def em_per_day_edits(lines: list[ProcedureLine], *, billed_same_day: tuple[str, ...] = ()) -> list[EditResult]:
    """One E/M visit per provider per patient per day. A preventive visit and a problem-oriented visit with 25
    may go together; `billed_same_day` are E/M visits already coded for this patient, provider and date."""
    visits = [line for line in lines if is_em_visit(line.code)]
    preventive = [line for line in visits if is_preventive_em(line.code)]
    problem = [line for line in visits if not is_preventive_em(line.code)]
    edits = []
    if len(preventive) > 1 or len(problem) > 1 or (preventive and problem and "25" not in problem[0].modifiers):
        codes = [line.code for line in visits]
        edits.append(error("EM-MULTIPLE", f"{', '.join(codes)}: one E/M visit per provider per day (a preventive "
                                          "visit may be billed with a problem visit carrying modifier 25)", *codes))
    if visits and billed_same_day:
        edits.append(error("EM-SAME-DAY", f"{visits[0].code}: this provider already billed "
                                          f"{', '.join(billed_same_day)} for the patient on this date",
                           visits[0].code, *billed_same_day))
    return edits


def defaulted_pointer_warning(line: ProcedureLine) -> EditResult:
    return warning("POINTER-DEFAULTED", f"{line.code} had no diagnosis pointer; it points at the first diagnoses",
                   line.code)
