"""Everything the coder reads, loaded once at service start (see adapters/reference_files.py)."""
from dataclasses import dataclass, field

from services.coding.domain.aoc import AocTable
from services.coding.domain.icd10 import Icd10CodeSet
from services.coding.domain.mce import MceTable
from services.coding.domain.ncci import MueTable, PtpModifiers, PtpTable
from services.coding.domain.neurology import NerveConductionCode
from services.coding.domain.procedures import CodeBook
from services.coding.domain.psychotherapy import PsychotherapyCode
from services.coding.domain.telehealth import TelehealthCodes


@dataclass(frozen=True)
class ReferenceData:
    icd10: tuple[Icd10CodeSet, ...]
    mce: MceTable
    ptp: PtpTable
    mue: MueTable
    ptp_modifiers: PtpModifiers
    cpt: CodeBook
    hcpcs: CodeBook
    modifiers: CodeBook  # the HCPCS file's modifier records
    aoc: AocTable
    psychotherapy: dict[str, PsychotherapyCode]
    telehealth: TelehealthCodes
    nerve_conduction: dict[str, NerveConductionCode] = field(default_factory=dict)
