"""The payer list a new tenant starts with, from CSV (payer_id,name,x12_payer_id,timely_filing_days,
appeal_days,expected_days)."""
import csv
from collections.abc import Iterable
from pathlib import Path

from services.claims.domain.model import Payer

COLUMNS = ("payer_id", "name", "x12_payer_id", "timely_filing_days", "appeal_days", "expected_days")
DAY_COLUMNS = COLUMNS[3:]


def parse_payers(lines: Iterable[str]) -> list[Payer]:
    """Reads the CSV text; a bad row fails the whole list, naming its line, since a payer with a wrong
    timely-filing limit would scrub every claim wrongly."""
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or not set(COLUMNS) <= {f.strip() for f in reader.fieldnames}:
        raise ValueError(f"payer list needs the columns {','.join(COLUMNS)}")
    payers: dict[str, Payer] = {}
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not all(row[c].isdigit() and int(row[c]) > 0 for c in DAY_COLUMNS):
            raise ValueError(f"payer list line {reader.line_num}: day counts must be positive whole numbers")
        if not (row["payer_id"] and row["name"] and row["x12_payer_id"]) or row["payer_id"] in payers:
            raise ValueError(f"payer list line {reader.line_num}: payer ids must be present and unique")
        payers[row["payer_id"]] = Payer(
            payer_id=row["payer_id"], name=row["name"], x12_payer_id=row["x12_payer_id"],
            **{c: int(row[c]) for c in DAY_COLUMNS})
    return list(payers.values())


def load_payers(path: Path) -> list[Payer]:
    with open(path, newline="", encoding="utf-8") as source:
        return parse_payers(source)
