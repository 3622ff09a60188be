"""A tenant's fee schedule, from CSV (procedure_code,modifier,amount); a modifier row wins over the base.

CPT descriptors are licensed (AMA), so the file carries code numbers and amounts only.
"""
import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from shared.money import ZERO, to_money

COLUMNS = ("procedure_code", "modifier", "amount")


@dataclass(frozen=True)
class FeeSchedule:
    """Unit amounts keyed by (procedure code, modifier); modifier "" is the code's base row."""

    amounts: dict[tuple[str, str], Decimal]

    def price(self, code: str, modifiers: Sequence[str], units: int) -> Decimal:
        """Unit amount times units. The first modifier with its own row wins (26 and TC price differently
        from the global service); an unknown code prices at zero, which the scrubber then holds."""
        code = code.upper()
        for modifier in modifiers:
            amount = self.amounts.get((code, modifier.upper()))
            if amount is not None:
                return to_money(amount * units)
        return to_money(self.amounts.get((code, ""), ZERO) * units)

    def __contains__(self, code: str) -> bool:
        return (code.upper(), "") in self.amounts


def parse_fee_schedule(lines: Iterable[str]) -> FeeSchedule:
    """Reads the CSV text; a bad row fails the whole file with its line number (a partial schedule would
    silently price codes at zero)."""
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or not set(COLUMNS) <= {f.strip() for f in reader.fieldnames}:
        raise ValueError(f"fee schedule needs the columns {','.join(COLUMNS)}")
    amounts: dict[tuple[str, str], Decimal] = {}
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        key = (row["procedure_code"].upper(), row["modifier"].upper())
        try:
            amount = to_money(row["amount"])
        except (TypeError, ValueError) as exc:
            raise ValueError(f"fee schedule line {reader.line_num}: amount is not a number") from exc
        if len(key[0]) != 5 or amount < 0:
            raise ValueError(f"fee schedule line {reader.line_num}: needs a 5-character code and an amount >= 0")
        if key in amounts:
            raise ValueError(f"fee schedule line {reader.line_num}: {key[0]} {key[1]} is listed twice")
        amounts[key] = amount
    return FeeSchedule(amounts)


def load_fee_schedule(path: Path) -> FeeSchedule:
    with open(path, newline="", encoding="utf-8") as source:
        return parse_fee_schedule(source)
