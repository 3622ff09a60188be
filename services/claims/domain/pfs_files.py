"""Readers for CMS's published fee schedule files, in their own layouts.

PPRRVU (the PFS relative value file: preamble lines, then a header row starting HCPCS, MOD, read by CMS's
column names), GPCI (Addendum E: MAC, state, locality, name, then the year's GPCI columns) and the Clinical
Laboratory Fee Schedule (YEAR, HCPCS, MOD, EFF_DATE, INDICATOR, RATE, ...). A bad row fails the whole file with
its line number: a partial schedule would silently price codes at zero.
"""
import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class RelativeValues:
    """One PPRRVU row. A practice expense of None is CMS's "NA": not priced in that setting."""

    status: str
    work: Decimal
    pe_non_facility: Decimal | None
    pe_facility: Decimal | None
    malpractice: Decimal
    conversion_factor: Decimal


@dataclass(frozen=True)
class Gpci:
    """A locality's geographic practice cost indices (work with the 1.0 floor, as CMS pays)."""

    work: Decimal
    practice_expense: Decimal
    malpractice: Decimal


def _rows_after_header(lines: Iterable[str], first_column: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header row (the first whose first cell starts with `first_column`) and the numbered rows after it."""
    header, rows = None, []
    for number, row in enumerate(csv.reader(lines), start=1):
        cells = [c.strip() for c in row]
        if header is None:
            if cells and cells[0].upper().startswith(first_column.upper()):
                header = [c.upper() for c in cells]
            continue
        if any(cells):
            rows.append((number, cells))
    if header is None:
        raise ValueError(f"no header row starting with {first_column}")
    return header, rows


def _column(header: list[str], name: str) -> int:
    """A column by CMS's name; GPCI names carry the year in front ("2026 PE GPCI"), so a suffix matches too."""
    for index, title in enumerate(header):
        if title == name or title.endswith(" " + name):
            return index
    raise ValueError(f"column {name!r} is missing")


def _decimal(cells: list[str], index: int, line: int, name: str, *, blank_is_none: bool = False) -> Decimal | None:
    value = cells[index] if index < len(cells) else ""
    if value == "" and blank_is_none:
        return None
    try:
        return Decimal(value or "0")
    except InvalidOperation as exc:
        raise ValueError(f"line {line}: {name} is not a number") from exc


def parse_pprrvu(lines: Iterable[str]) -> dict[tuple[str, str], RelativeValues]:
    header, rows = _rows_after_header(lines, "HCPCS")
    at = {name: _column(header, name) for name in (
        "HCPCS", "MOD", "STATUS CODE", "WORK RVU", "NON-FAC PE RVU", "NON-FAC NA INDICATOR", "FACILITY PE RVU",
        "FACILITY NA INDICATOR", "MP RVU", "CONV FACTOR")}
    values: dict[tuple[str, str], RelativeValues] = {}
    for line, cells in rows:
        cells += [""] * (len(header) - len(cells))
        key = (cells[at["HCPCS"]].upper(), cells[at["MOD"]].upper())
        if len(key[0]) != 5:
            raise ValueError(f"line {line}: HCPCS must have 5 characters")
        if key in values:
            raise ValueError(f"line {line}: {key[0]} {key[1]} is listed twice")
        pe_nf = _decimal(cells, at["NON-FAC PE RVU"], line, "NON-FAC PE RVU", blank_is_none=True)
        pe_f = _decimal(cells, at["FACILITY PE RVU"], line, "FACILITY PE RVU", blank_is_none=True)
        values[key] = RelativeValues(
            status=cells[at["STATUS CODE"]].upper(), work=_decimal(cells, at["WORK RVU"], line, "WORK RVU"),
            pe_non_facility=None if cells[at["NON-FAC NA INDICATOR"]].upper() == "NA" else pe_nf,
            pe_facility=None if cells[at["FACILITY NA INDICATOR"]].upper() == "NA" else pe_f,
            malpractice=_decimal(cells, at["MP RVU"], line, "MP RVU"),
            conversion_factor=_decimal(cells, at["CONV FACTOR"], line, "CONV FACTOR"))
    return values


def parse_gpci(lines: Iterable[str]) -> dict[tuple[str, str], Gpci]:
    """Keyed by (MAC, locality number)."""
    header, rows = _rows_after_header(lines, "Medicare Administrative Contractor")
    at = {name: _column(header, name) for name in (
        "STATE", "LOCALITY NUMBER", "PW GPCI (WITH 1.0 FLOOR)", "PE GPCI", "MP GPCI")}
    localities: dict[tuple[str, str], Gpci] = {}
    for line, cells in rows:
        if not cells[0][:1].isdigit():
            continue  # footnote lines under the table
        localities[(cells[0], cells[at["LOCALITY NUMBER"]].zfill(2))] = Gpci(
            work=_decimal(cells, at["PW GPCI (WITH 1.0 FLOOR)"], line, "PW GPCI"),
            practice_expense=_decimal(cells, at["PE GPCI"], line, "PE GPCI"),
            malpractice=_decimal(cells, at["MP GPCI"], line, "MP GPCI"))
    return localities


def parse_clfs(lines: Iterable[str]) -> dict[tuple[str, str], Decimal]:
    """Clinical laboratory rates (national limitation amounts) by (HCPCS, modifier)."""
    header, rows = _rows_after_header(lines, "YEAR")
    code_at, mod_at, rate_at = _column(header, "HCPCS"), _column(header, "MOD"), _column(header, "RATE")
    rates: dict[tuple[str, str], Decimal] = {}
    for line, cells in rows:
        key = (cells[code_at].upper(), cells[mod_at].upper() if mod_at < len(cells) else "")
        if len(key[0]) != 5:
            raise ValueError(f"line {line}: HCPCS must have 5 characters")
        rates[key] = _decimal(cells, rate_at, line, "RATE")
    return rates
