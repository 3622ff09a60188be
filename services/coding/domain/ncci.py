"""NCCI procedure-to-procedure (PTP) edits and medically unlikely edits (MUE), from the CMS quarterly files.

PTP (practitioner) files are tab-delimited text, or the CSV export of the Excel version. Below CMS's copyright
notice and a header of one or more lines, each row is: Column 1, Column 2, "*" if in existence prior to 1996,
Effective Date (YYYYMMDD), Deletion Date (YYYYMMDD, "*" = none), Modifier indicator (0 not allowed, 1 allowed,
9 not applicable) and the PTP Edit Rationale. MUE (practitioner services) files are CSV: a copyright cell, a
header, then HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator ("1 Line Edit",
"2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical") and MUE Rationale. Rows that are not
data (notices, headers) are skipped; a data row that cannot be read is reported with its line number.
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date

from services.coding.domain.codes import procedure_kind
from services.coding.domain.hcpcs import parse_cms_date

_INDICATORS = {"0", "1", "9"}


@dataclass(frozen=True)
class PtpEdit:
    column1: str
    column2: str
    effective: date
    deleted: date | None
    modifier_indicator: str
    rationale: str

    def active_on(self, on: date) -> bool:
        """A deleted edit no longer applies to services on or after its deletion date."""
        return self.effective <= on and (self.deleted is None or on < self.deleted)


@dataclass
class PtpTable:
    pairs: dict[tuple[str, str], tuple[PtpEdit, ...]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def active(self, column1: str, column2: str, on: date) -> PtpEdit | None:
        for edit in self.pairs.get((column1, column2), ()):
            if edit.active_on(on):
                return edit
        return None


@dataclass(frozen=True)
class MueLimit:
    code: str
    units: int
    adjudication_indicator: int  # 1 per line; 2 (policy) and 3 (clinical) per date of service
    rationale: str


@dataclass
class MueTable:
    limits: dict[str, MueLimit] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _rows(text: str):
    sample = text[:20000]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)


def _is_data(row: list[str]) -> bool:
    return len(row) >= 2 and procedure_kind(row[0].strip().upper()) is not None


def parse_ptp(text: str) -> PtpTable:
    table, pairs = PtpTable(), {}
    for line, row in _rows(text):
        if not _is_data(row):
            continue
        cells = [c.strip() for c in row] + [""] * 7
        column1, column2, _, effective, deleted, indicator, rationale = (c.upper() if i < 2 else c
                                                                         for i, c in enumerate(cells[:7]))
        if procedure_kind(column2) is None or indicator not in _INDICATORS:
            table.problems.append(f"line {line}: {column1} column 2 {column2!r} indicator {indicator!r} is not a PTP edit")
            continue
        try:
            edit = PtpEdit(column1, column2, parse_cms_date(effective), parse_cms_date(deleted), indicator, rationale)
        except ValueError:
            table.problems.append(f"line {line}: {column1}/{column2} dates {effective!r} {deleted!r} are not YYYYMMDD")
            continue
        if edit.effective is None:
            table.problems.append(f"line {line}: {column1}/{column2} has no effective date")
            continue
        pairs.setdefault((column1, column2), []).append(edit)
    table.pairs = {pair: tuple(sorted(edits, key=lambda e: e.effective, reverse=True)) for pair, edits in pairs.items()}
    return table


def parse_mue(text: str) -> MueTable:
    table = MueTable()
    for line, row in _rows(text):
        if not _is_data(row):
            continue
        cells = [c.strip() for c in row] + [""] * 4
        code, value, indicator, rationale = cells[0].upper(), cells[1], cells[2][:1], cells[3]
        if not value.isdigit() or indicator not in ("1", "2", "3"):
            table.problems.append(f"line {line}: {code} MUE value {value!r} indicator {cells[2]!r} cannot be read")
        elif code in table.limits:
            table.problems.append(f"line {line}: {code} appears twice")
        else:
            table.limits[code] = MueLimit(code, int(value), int(indicator), rationale)
    return table


@dataclass(frozen=True)
class PtpModifiers:
    """The NCCI PTP-associated modifiers by group (anatomic, distinct, evaluation_management, ...)."""

    groups: dict[str, str]

    @classmethod
    def from_csv(cls, text: str) -> "PtpModifiers":
        return cls({r["modifier"].strip().upper(): r["group"].strip() for r in csv.DictReader(io.StringIO(text))})
