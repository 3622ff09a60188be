"""The payer list a new tenant starts with, from CSV."""
import csv
from pathlib import Path

from services.claims.domain.model import Payer


def load_payers(path: Path) -> list[Payer]:
    with open(path, newline="") as source:
        return [Payer(payer_id=r["payer_id"], name=r["name"], x12_payer_id=r["x12_payer_id"],
                      timely_filing_days=int(r["timely_filing_days"]), appeal_days=int(r["appeal_days"]),
                      expected_days=int(r["expected_days"])) for r in csv.DictReader(source)]
