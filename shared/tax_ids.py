"""Employer Identification Numbers: nine digits whose two-digit prefix the IRS has assigned.

The prefix list is the IRS's published one (shared/data/ein_prefixes.csv); a tax id with another
prefix was never issued, and every claim carries the billing provider's EIN in REF*EI.
"""
import csv
import re
from pathlib import Path

EIN = re.compile(r"^(\d{2})-?(\d{7})$")


def _assigned_prefixes(path: Path = Path(__file__).resolve().parent / "data" / "ein_prefixes.csv") -> frozenset[str]:
    with open(path, newline="", encoding="utf-8") as source:
        return frozenset(row["prefix"] for row in csv.DictReader(source))


ASSIGNED_PREFIXES = _assigned_prefixes()


def ein_is_well_formed(tax_id: str) -> bool:
    match = EIN.match(tax_id)
    return bool(match) and (match.group(1) + match.group(2)) != "0" * 9


def ein_prefix_is_assigned(tax_id: str) -> bool:
    return tax_id[:2] in ASSIGNED_PREFIXES
