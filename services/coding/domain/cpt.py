"""A tenant-supplied CPT file: AMA descriptors are licensed, so the operator loads its own copy.

Accepted layouts: a CSV or tab-delimited file with a header naming the code and description columns
(code | cpt | cpt code | hcpcs, description | long description | descriptor, and optional effective_date and
termination_date as YYYY-MM-DD or YYYYMMDD), or the headerless two-column "code<TAB>descriptor" layout of the
AMA data files. Every problem is collected with its line number.
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date

from services.coding.domain.codes import is_cpt, procedure_kind
from services.coding.domain.hcpcs import parse_cms_date

CODE_COLUMNS = ("code", "cpt", "cpt code", "hcpcs", "cpt_code")
DESCRIPTION_COLUMNS = ("description", "long description", "descriptor", "long_description")


@dataclass(frozen=True)
class CptCode:
    code: str
    description: str
    effective: date | None = None
    terminated: date | None = None

    def active_on(self, on: date) -> bool:
        return (self.effective is None or self.effective <= on) and (self.terminated is None or on <= self.terminated)


@dataclass
class CptFile:
    codes: dict[str, CptCode] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def parse_cpt(text: str) -> CptFile:
    result = CptFile()
    delimiter = "\t" if text[:5000].count("\t") >= text[:5000].count(",") else ","
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    if not rows:
        result.problems.append("the file is empty")
        return result
    header = [c.strip().lower() for c in rows[0]]
    if procedure_kind(rows[0][0].strip().upper()) is not None:
        columns, start = {"code": 0, "description": 1}, 1  # headerless AMA layout
    else:
        columns, start = _columns(header), 2
        if "code" not in columns or "description" not in columns:
            result.problems.append("the header names no code or no description column")
            return result
        rows = rows[1:]
    for line, row in enumerate(rows, start=start):
        if any(cell.strip() for cell in row):
            _read_row(result, row, columns, line)
    return result


def _columns(header: list[str]) -> dict[str, int]:
    columns = {}
    for index, name in enumerate(header):
        if name in CODE_COLUMNS:
            columns.setdefault("code", index)
        elif name in DESCRIPTION_COLUMNS:
            columns.setdefault("description", index)
        elif name in ("effective_date", "effective date", "add dt"):
            columns["effective"] = index
        elif name in ("termination_date", "termination date", "term dt", "deletion date"):
            columns["terminated"] = index
    return columns


def _read_row(result: CptFile, row: list[str], columns: dict[str, int], line: int) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    code, description = cell("code").upper(), cell("description")
    if not is_cpt(procedure_kind(code)):
        result.problems.append(f"line {line}: {code!r} is not a CPT code (5 digits, or 4 digits and F, T or U)")
    elif code in result.codes:
        result.problems.append(f"line {line}: {code} appears twice")
    elif not description:
        result.problems.append(f"line {line}: {code} has no description")
    else:
        try:
            result.codes[code] = CptCode(code, description, parse_cms_date(cell("effective")),
                                         parse_cms_date(cell("terminated")))
        except ValueError:
            result.problems.append(f"line {line}: {code} has a date that is not YYYY-MM-DD or YYYYMMDD")
