"""A tenant's fee schedule, from CSV (procedure_code,modifier,amount); a modifier row wins over the base."""
import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from shared.money import ZERO, to_money


@dataclass(frozen=True)
class FeeSchedule:
    amounts: dict[tuple[str, str], Decimal]

    def price(self, code: str, modifiers: tuple[str, ...] | list[str], units: int) -> Decimal:
        """Unit price times units; an unknown code prices at zero, which the scrubber holds."""
        for modifier in modifiers:
            if (code, modifier) in self.amounts:
                return to_money(self.amounts[(code, modifier)] * units)
        return to_money(self.amounts.get((code, ""), ZERO) * units)


def load_fee_schedule(path: Path) -> FeeSchedule:
    with open(path, newline="") as source:
        rows = csv.DictReader(source)
        return FeeSchedule({(r["procedure_code"].strip().upper(), (r["modifier"] or "").strip().upper()):
                            to_money(r["amount"]) for r in rows})
