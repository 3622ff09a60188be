"""Neurology studies against the note: nerve conduction codes (95907-95913) are chosen by the number of
studies performed, and the needle EMG add-ons (95885-95887) are billed only with a nerve conduction code.

The study ranges are data: `data/nerve_conduction_codes.csv`. A study is one nerve's motor, sensory or
mixed conduction, or an F-wave or H-reflex; notes state the total ("8 nerve conduction studies") or list
the nerves in a table whose count the EHR summarises.
"""
import csv
import io
import re
from dataclasses import dataclass

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.results import error, warning

STUDY_COUNT = re.compile(
    r"\b(\d{1,2})\s+(?:(?:motor|sensory|mixed)(?:\s+and\s+(?:motor|sensory))?\s+)?"
    r"(?:nerve\s+conduction\s+stud(?:y|ies)|nerve\s+stud(?:y|ies)|ncs\b|nerves?\s+(?:were\s+)?(?:studied|tested))",
    re.IGNORECASE)


@dataclass(frozen=True)
class NerveConductionCode:
    code: str
    role: str
    min_studies: int | None
    max_studies: int | None

    def covers(self, studies: int) -> bool:
        return (self.min_studies is None or studies >= self.min_studies) and (
            self.max_studies is None or studies <= self.max_studies)

    def range_text(self) -> str:
        return f"{self.min_studies}-{self.max_studies}" if self.max_studies else f"{self.min_studies} or more"


def parse_nerve_conduction_codes(text: str) -> dict[str, NerveConductionCode]:
    def number(value: str) -> int | None:
        return int(value) if value.strip() else None

    return {row["code"].strip(): NerveConductionCode(row["code"].strip(), row["role"].strip(),
                                                     number(row["min_studies"]), number(row["max_studies"]))
            for row in csv.DictReader(io.StringIO(text))}


def documented_studies(note: str | None) -> int | None:
    """The number of nerve conduction studies the note states; different totals document none clearly."""
    if not note:
        return None
    found = {int(m.group(1)) for m in STUDY_COUNT.finditer(note)}
    return found.pop() if len(found) == 1 else None


def neurology_edits(lines: list[ProcedureLine], codes: dict[str, NerveConductionCode], *,
                    note: str | None) -> list[EditResult]:
    billed = [codes[line.code] for line in lines if line.code in codes]
    if not billed:
        return []
    conduction = [c for c in billed if c.role == "nerve_conduction"]
    edits = []
    if len(conduction) > 1:
        edits.append(error("NCS-MORE-THAN-ONE", "nerve conduction studies are one code for the total number of "
                                                f"studies; {', '.join(c.code for c in conduction)} are billed",
                           *[c.code for c in conduction]))
    if any(c.role == "emg_with_ncs" for c in billed) and not conduction:
        emg = [c.code for c in billed if c.role == "emg_with_ncs"]
        edits.append(error("EMG-ADDON-WITHOUT-NCS", f"{', '.join(emg)} is needle EMG done with nerve conduction "
                                                    "studies: it is billed only with one of 95907-95913", *emg))
    return edits + [edit for code in conduction for edit in _count_edits(code, codes, note)]


def _count_edits(billed: NerveConductionCode, codes: dict[str, NerveConductionCode], note: str | None):
    if not note:
        return [warning("NCS-COUNT-NOT-SENT", f"{billed.code} is chosen by the number of studies and no note was "
                                              "sent: the count could not be checked", billed.code)]
    studies = documented_studies(note)
    if studies is None:
        return [error("NCS-COUNT-NOT-DOCUMENTED", f"{billed.code} needs {billed.range_text()} nerve conduction "
                                                  "studies; the note states no single number of studies",
                      billed.code)]
    if billed.covers(studies):
        return []
    fits = next((c.code for c in codes.values() if c.role == "nerve_conduction" and c.covers(studies)), None)
    return [error("NCS-COUNT-MISMATCH", f"{billed.code} needs {billed.range_text()} studies; the note documents "
                                        f"{studies}" + (f" ({fits} covers that count)" if fits else ""), billed.code)]
