"""NCCI add-on code (AOC) edits, from the CMS Medicare AOC file.

An add-on code describes a service done with a primary procedure by the same practitioner on the same day; it
is rarely payable alone. The CMS file (tab-delimited text or the CSV export of the Excel version) has a header
naming its columns: Add-on Code, AOC_DEL_DT, Primary Code, Primary Code_DEL_DT, AOC Edit Type, AOC_EDIT_EFF_DT,
AOC_EDIT_DEL_DT, Special Instruction Notes (dates may carry a "(Julian)" suffix in the header). Dates are
Julian YYYYDDD (YYYYMMDD is accepted too); blank or 9999999 means none. A Type 2 row has "CCCCC" as primary:
the contractor defines the primaries.

Types: 1, the listed primaries only; 2, no list (any primary the contractor accepts); 3, the listed primaries
and others the contractor may accept. The edits:
- NCCI-AOC-ALONE (error): an add-on code with no other procedure that is not itself an add-on code;
- NCCI-AOC-PRIMARY (error): a Type 1 add-on code without any of its listed primaries;
- NCCI-AOC-PRIMARY-UNLISTED (warning): a Type 3 add-on code whose primary is not in the CMS list.
"""
import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.codes import procedure_kind
from services.coding.domain.results import error, warning

CONTRACTOR_DEFINED = "CCCCC"
TYPES = ("1", "2", "3")
_NO_DATE = ("", "*", "9999999", "99999999")
# header (lower case, without "(julian)", spaces and underscores folded) -> field
_COLUMNS = {
    "add on code": "addon", "addon code": "addon", "aoc": "addon",
    "aoc del dt": "addon_deleted",
    "primary code": "primary",
    "primary code del dt": "primary_deleted",
    "aoc edit type": "type",
    "aoc edit eff dt": "effective",
    "aoc edit del dt": "deleted",
    "special instruction notes": "notes",
}
_REQUIRED = ("addon", "primary", "type", "effective")


def parse_aoc_date(text: str) -> date | None:
    text = text.strip()
    if text in _NO_DATE:
        return None
    if len(text) == 7 and text.isdigit():
        day = int(text[4:])
        if not 1 <= day <= 366:
            raise ValueError(text)
        return date(int(text[:4]), 1, 1) + timedelta(days=day - 1)
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(text)


@dataclass(frozen=True)
class AocEdit:
    addon: str
    primary: str | None  # None: contractor-defined (Type 2)
    edit_type: str
    effective: date
    deleted: date | None = None
    primary_deleted: date | None = None

    def active_on(self, on: date) -> bool:
        return self.effective <= on and (self.deleted is None or on < self.deleted)

    def primary_active_on(self, on: date) -> bool:
        return self.primary_deleted is None or on < self.primary_deleted


@dataclass
class AocTable:
    edits: dict[str, tuple[AocEdit, ...]] = field(default_factory=dict)  # by add-on code
    problems: list[str] = field(default_factory=list)

    def for_addon(self, code: str, on: date) -> list[AocEdit]:
        return [e for e in self.edits.get(code, ()) if e.active_on(on)]

    def is_addon(self, code: str, on: date) -> bool:
        return bool(self.for_addon(code, on))


def _header_key(cell: str) -> str:
    text = cell.lower().replace("(julian)", "").replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def parse_aoc(text: str) -> AocTable:
    table, found = AocTable(), {}
    sample = text[:20000]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    columns: dict[str, int] | None = None
    for line, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter), start=1):
        cells = [c.strip() for c in row]
        if columns is None:
            named = {_COLUMNS[k]: i for i, c in enumerate(cells) if (k := _header_key(c)) in _COLUMNS}
            if all(f in named for f in _REQUIRED):
                columns = named
            continue  # notices above the header
        if not any(cells):
            continue
        edit = _read_row(cells, columns, line, table.problems)
        if edit is not None:
            found.setdefault(edit.addon, []).append(edit)
    if columns is None:
        table.problems.append("no header naming the Add-on Code, Primary Code, AOC Edit Type and AOC_EDIT_EFF_DT "
                              "columns")
    table.edits = {code: tuple(edits) for code, edits in found.items()}
    return table


def _read_row(cells: list[str], columns: dict[str, int], line: int, problems: list[str]) -> AocEdit | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    addon, primary, edit_type = cell("addon").upper(), cell("primary").upper(), cell("type")
    if procedure_kind(addon) is None:
        problems.append(f"line {line}: add-on code {addon!r} is not a CPT or HCPCS code")
        return None
    if edit_type not in TYPES:
        problems.append(f"line {line}: {addon} AOC edit type {edit_type!r} is not 1, 2 or 3")
        return None
    if primary != CONTRACTOR_DEFINED and procedure_kind(primary) is None:
        problems.append(f"line {line}: {addon} primary code {primary!r} is not a CPT or HCPCS code or CCCCC")
        return None
    try:
        effective = parse_aoc_date(cell("effective"))
        deleted, primary_deleted = parse_aoc_date(cell("deleted")), parse_aoc_date(cell("primary_deleted"))
    except ValueError:
        problems.append(f"line {line}: {addon}/{primary} has a date that is not YYYYDDD (Julian) or YYYYMMDD")
        return None
    if effective is None:
        problems.append(f"line {line}: {addon}/{primary} has no AOC edit effective date")
        return None
    return AocEdit(addon, None if primary == CONTRACTOR_DEFINED else primary, edit_type, effective, deleted,
                   primary_deleted)


def aoc_edits(lines: list[ProcedureLine], on: date, table: AocTable) -> list[EditResult]:
    """Edits for each add-on code billed on the encounter's lines (one practitioner, one date of service)."""
    codes = {line.code for line in lines}
    addons = sorted(code for code in codes if table.is_addon(code, on))
    primaries_billed = codes - set(addons)
    edits = []
    for addon in addons:
        rows = table.for_addon(addon, on)
        if not primaries_billed:
            edits.append(error("NCCI-AOC-ALONE", f"{addon} is an add-on code (NCCI AOC type {rows[0].edit_type}) "
                                                 "billed without a primary procedure", addon))
            continue
        listed = {r.primary for r in rows if r.primary and r.primary_active_on(on)}
        if not listed or listed & primaries_billed:
            continue  # Type 2 (contractor-defined primaries), or a listed primary is billed
        shown = ", ".join(sorted(listed)[:8]) + (", ..." if len(listed) > 8 else "")
        if any(r.edit_type == "1" for r in rows):
            edits.append(error("NCCI-AOC-PRIMARY", f"{addon} (NCCI AOC type 1) is payable only with one of its "
                                                   f"primary procedures ({shown}); none is billed", addon))
        else:
            edits.append(warning("NCCI-AOC-PRIMARY-UNLISTED", f"{addon} (NCCI AOC type 3) is billed without a primary "
                                                              f"CMS lists ({shown}); the payer may not accept "
                                                              f"{', '.join(sorted(primaries_billed))}", addon))
    return edits
