"""Code shapes: ICD-10-CM with or without the dot, and which procedure code set a 5-character code belongs to."""
import re
from enum import StrEnum
from functools import lru_cache

ICD10CM_SHAPE = re.compile(r"^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$")


class ProcedureKind(StrEnum):
    CPT_CATEGORY_I = "CPT Category I"
    CPT_CATEGORY_II = "CPT Category II"
    CPT_CATEGORY_III = "CPT Category III"
    CPT_PLA = "CPT PLA"
    HCPCS_LEVEL_II = "HCPCS Level II"


# CPT: Category I is 5 digits, II is 4 digits + F, III is 4 digits + T, PLA (lab analyses) is 4 digits + U.
# HCPCS Level II is a letter + 4 digits.
_PROCEDURE_SHAPES = (
    (re.compile(r"^\d{5}$"), ProcedureKind.CPT_CATEGORY_I),
    (re.compile(r"^\d{4}F$"), ProcedureKind.CPT_CATEGORY_II),
    (re.compile(r"^\d{4}T$"), ProcedureKind.CPT_CATEGORY_III),
    (re.compile(r"^\d{4}U$"), ProcedureKind.CPT_PLA),
    (re.compile(r"^[A-Z]\d{4}$"), ProcedureKind.HCPCS_LEVEL_II),
)

# E/M add-on codes extend a visit; they are not a second visit.
EM_ADD_ONS = frozenset({"99292", "99415", "99416", "99417", "99418"})


@lru_cache(maxsize=16384)
def icd_compact(code: str) -> str:
    """The code without its dot, upper case: the form every lookup uses. Remembered: an encounter's edits ask for
    each of its codes many times, and the codes billed are few."""
    return code.strip().upper().replace(".", "")


def icd_dotted(compact: str) -> str:
    return compact if len(compact) <= 3 else f"{compact[:3]}.{compact[3:]}"


def procedure_kind(code: str) -> ProcedureKind | None:
    for shape, kind in _PROCEDURE_SHAPES:
        if shape.match(code):
            return kind
    return None


def is_cpt(kind: ProcedureKind | None) -> bool:
    return kind is not None and kind != ProcedureKind.HCPCS_LEVEL_II


def is_em(code: str) -> bool:
    """Evaluation and management: CPT 99202-99499."""
    return code.isdigit() and "99202" <= code <= "99499"


def is_em_visit(code: str) -> bool:
    return is_em(code) and code not in EM_ADD_ONS


def is_preventive_em(code: str) -> bool:
    """Preventive medicine visits, new (99381-99387) and established (99391-99397)."""
    return "99381" <= code <= "99397"
