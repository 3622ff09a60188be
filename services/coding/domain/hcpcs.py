"""HCPCS Level II from the CMS annual file (HCPC20xx_ANWEB), in its CSV form.

Records: RECID 3 opens a procedure code and 4 continues its long description (SEQNUM 00100, 00200, ...);
7 and 8 do the same for a modifier. Dates are YYYYMMDD; a blank TERM DT means the code is active.
"""
import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from services.coding.domain.codes import ProcedureKind, procedure_kind

REQUIRED_COLUMNS = ("HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT", "ACT EFF DT",
                    "TERM DT")
FIRST_RECORDS = {"3": "code", "7": "modifier"}
CONTINUATIONS = {"4": "code", "8": "modifier"}


@dataclass(frozen=True)
class HcpcsCode:
    code: str
    short_description: str
    long_description: str
    added: date | None
    action_effective: date | None
    terminated: date | None

    def active_on(self, on: date) -> bool:
        return (self.added is None or self.added <= on) and (self.terminated is None or on <= self.terminated)


@dataclass
class HcpcsFile:
    codes: dict[str, HcpcsCode] = field(default_factory=dict)
    modifiers: dict[str, HcpcsCode] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_hcpcs(path: Path) -> HcpcsFile:
    """Every problem is collected with its line number, so a full file can be judged in one pass."""
    result = HcpcsFile()
    with open(path, newline="", encoding="utf-8-sig") as source:
        reader = csv.DictReader(source)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            result.problems.append(f"missing columns: {', '.join(missing)}")
            return result
        for line, row in enumerate(reader, start=2):
            _read_record(result, {k: (v or "").strip() for k, v in row.items() if k}, line)
    return result


def _read_record(result: HcpcsFile, row: dict, line: int) -> None:
    recid, key = row["RECID"], row["HCPC"].upper()
    if recid in FIRST_RECORDS:
        table = result.codes if FIRST_RECORDS[recid] == "code" else result.modifiers
        if problem := _first_record_problem(row, key, recid, table):
            result.problems.append(f"line {line}: {problem}")
            return
        table[key] = _code(row, key, line, result.problems)
    elif recid in CONTINUATIONS:
        table = result.codes if CONTINUATIONS[recid] == "code" else result.modifiers
        if key not in table:
            result.problems.append(f"line {line}: continuation of {key} before its first record")
            return
        first = table[key]
        table[key] = HcpcsCode(**{**first.__dict__, "long_description": f"{first.long_description} "
                                                                        f"{row['LONG DESCRIPTION']}".strip()})
    else:
        result.problems.append(f"line {line}: unknown RECID {recid!r} for {key}")


def _first_record_problem(row: dict, key: str, recid: str, table: dict) -> str | None:
    if recid == "3" and procedure_kind(key) != ProcedureKind.HCPCS_LEVEL_II:
        return f"{key!r} is not a HCPCS Level II code (a letter and four digits)"
    if recid == "7" and len(key) != 2:
        return f"{key!r} is not a two-character modifier"
    if key in table:
        return f"{key} appears twice"
    if not row["SHORT DESCRIPTION"]:
        return f"{key} has no short description"
    return None


def _code(row: dict, key: str, line: int, problems: list[str]) -> HcpcsCode:
    dates = {}
    for column in ("ADD DT", "ACT EFF DT", "TERM DT"):
        try:
            dates[column] = parse_cms_date(row[column])
        except ValueError:
            problems.append(f"line {line}: {key} {column} {row[column]!r} is not a YYYYMMDD date")
            dates[column] = None
    return HcpcsCode(key, row["SHORT DESCRIPTION"], row["LONG DESCRIPTION"], dates["ADD DT"], dates["ACT EFF DT"],
                     dates["TERM DT"])


def parse_cms_date(text: str) -> date | None:
    """CMS files write YYYYMMDD; blank and '*' mean no date."""
    text = text.strip()
    if text in ("", "*"):
        return None
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return date.fromisoformat(text)
