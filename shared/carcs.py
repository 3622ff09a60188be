"""Claim adjustment reason codes (CARC) that are contract terms, not denials: one list for every service
that reads a remittance (claims' adjudicated status, payments' ledger, denials' detection is checked
against it in tests)."""
import csv
from decimal import Decimal
from pathlib import Path

with open(Path(__file__).resolve().parent / "data" / "contractual_carcs.csv", newline="") as _source:
    CONTRACTUAL_CARCS = frozenset(row["carc"] for row in csv.DictReader(_source))

PAYER_GROUPS = frozenset({"CO", "OA", "PI"})


def is_denial(group_code: str, reason_code: str, line_paid: Decimal) -> bool:
    """CO that is not contractual; OA or PI that is not contractual on a line the payer paid nothing for.
    PR is the patient's share and CR a correction: never a denial here."""
    if reason_code in CONTRACTUAL_CARCS:
        return False
    if group_code == "CO":
        return True
    return group_code in ("OA", "PI") and line_paid == 0
