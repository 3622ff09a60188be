"""Payer profiles: the payer list a new tenant starts with, from CSV (payer_id, name, x12_payer_id,
timely_filing_days, appeal_days, expected_days, claim_filing_indicator), and the X12 claim filing
indicator code list (SBR09) that says which program a payer belongs to."""
import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from services.claims.domain.model import Payer

COLUMNS = ("payer_id", "name", "x12_payer_id", "timely_filing_days", "appeal_days", "expected_days")
DAY_COLUMNS = COLUMNS[3:]
DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True, slots=True)
class FilingIndicator:
    code: str
    description: str
    program: str


def parse_filing_indicators(lines: Iterable[str]) -> dict[str, FilingIndicator]:
    return {row["code"]: FilingIndicator(row["code"], row["description"], row["program"])
            for row in csv.DictReader(lines)}


def load_filing_indicators(path: Path = DATA / "claim_filing_indicators.csv") -> dict[str, FilingIndicator]:
    with open(path, newline="", encoding="utf-8") as source:
        return parse_filing_indicators(source)


FILING_INDICATORS: Mapping[str, FilingIndicator] = load_filing_indicators()


def program_of(payer: Payer) -> str:
    """Medicare, Medicaid, commercial, blues, tricare, workers_comp, ...: what payer rules key on."""
    found = FILING_INDICATORS.get(payer.claim_filing_indicator)
    return found.program if found else "other"


def payer_problems(values: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field, message) for a payer profile a tenant sends or a CSV row holds; empty when it is usable."""
    problems = []
    for column in ("payer_id", "name", "x12_payer_id"):
        if not str(values.get(column) or "").strip():
            problems.append((column, "required"))
    for column in DAY_COLUMNS:
        value = str(values.get(column) or "")
        if not (value.isdigit() and 0 < int(value) <= 3650):
            problems.append((column, "a whole number of days between 1 and 3650"))
    if str(values.get("claim_filing_indicator") or "CI") not in FILING_INDICATORS:
        problems.append(("claim_filing_indicator", "not an X12 claim filing indicator code (SBR09)"))
    return problems


def payer_from_values(values: Mapping[str, object]) -> Payer:
    return Payer(payer_id=str(values["payer_id"]).strip(), name=str(values["name"]).strip(),
                 x12_payer_id=str(values["x12_payer_id"]).strip(),
                 claim_filing_indicator=str(values.get("claim_filing_indicator") or "CI"),
                 **{c: int(str(values[c])) for c in DAY_COLUMNS})


def parse_payers(lines: Iterable[str]) -> list[Payer]:
    """Reads the CSV text; a bad row fails the whole list, naming its line, since a payer with a wrong
    timely-filing limit or program would scrub and bill every claim wrongly."""
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or not set(COLUMNS) <= {f.strip() for f in reader.fieldnames}:
        raise ValueError(f"payer list needs the columns {','.join(COLUMNS)}")
    payers: dict[str, Payer] = {}
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        problems = payer_problems(row)
        if problems or row["payer_id"] in payers:
            what = "; ".join(f"{field}: {message}" for field, message in problems) or "payer ids must be unique"
            raise ValueError(f"payer list line {reader.line_num}: {what}")
        payers[row["payer_id"]] = payer_from_values(row)
    return list(payers.values())


def load_payers(path: Path) -> list[Payer]:
    with open(path, newline="", encoding="utf-8") as source:
        return parse_payers(source)
