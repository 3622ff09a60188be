"""Age and sex edits in the shape of CMS's Medicare Code Editor (MCE), read from mce_age_sex.csv.

Each row is a code or a range of code prefixes with an edit type: newborn (0), pediatric (0-17),
maternity (9-64), adult (15-124) carry their age limits; female_only and male_only carry none.
"""
import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from shared.contracts.common import EditResult
from services.coding.domain.codes import icd_compact
from services.coding.domain.results import error

AGE_TYPES = frozenset({"newborn", "pediatric", "maternity", "adult"})
SEX_TYPES = {"female_only": "F", "male_only": "M"}


@dataclass(frozen=True)
class MceRule:
    start: str
    end: str
    edit_type: str
    age_min: int | None = None
    age_max: int | None = None

    def covers(self, compact: str) -> bool:
        return self.start <= compact[:len(self.start)] and compact[:len(self.end)] <= self.end


@dataclass
class MceTable:
    rules: tuple[MceRule, ...]
    _by_code: dict[str, tuple[MceRule, ...]] = field(default_factory=dict, repr=False)

    def rules_for(self, compact: str) -> tuple[MceRule, ...]:
        """Cached per code: a scan of the table happens once per distinct code."""
        found = self._by_code.get(compact)
        if found is None:
            found = self._by_code[compact] = tuple(r for r in self.rules if r.covers(compact))
        return found


def read_mce(path: Path) -> MceTable:
    with open(path, newline="") as source:
        return MceTable(tuple(_rule(row, line) for line, row in enumerate(csv.DictReader(source), start=2)))


def _rule(row: dict, line: int) -> MceRule:
    edit_type = row["edit_type"].strip()
    start, end = icd_compact(row["code_or_range_start"]), icd_compact(row["range_end"] or row["code_or_range_start"])
    if edit_type in SEX_TYPES and not (row["age_min"] or row["age_max"]):
        return MceRule(start, end, edit_type)
    if edit_type in AGE_TYPES and row["age_min"] and row["age_max"]:
        return MceRule(start, end, edit_type, int(row["age_min"]), int(row["age_max"]))
    raise ValueError(f"mce_age_sex.csv line {line}: edit type {edit_type!r} with ages "
                     f"{row['age_min']!r}-{row['age_max']!r} is not an MCE edit")


def age_in_years(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def age_sex_edits(codes: list[str], *, sex: str, age: int, table: MceTable) -> list[EditResult]:
    """codes: dotted ICD-10-CM codes known to the edition. Messages name the code and the rule, never the age."""
    edits = []
    for code in codes:
        for rule in table.rules_for(icd_compact(code)):
            if rule.edit_type in SEX_TYPES:
                if sex in SEX_TYPES.values() and sex != SEX_TYPES[rule.edit_type]:
                    edits.append(error("MCE-SEX", f"{code} is a {rule.edit_type.replace('_', ' ')} diagnosis; "
                                                  "it conflicts with the patient's sex", code))
            elif not rule.age_min <= age <= rule.age_max:
                edits.append(error(f"MCE-AGE-{rule.edit_type.upper()}",
                                   f"{code} is a {rule.edit_type} diagnosis (age {rule.age_min}-{rule.age_max}); "
                                   "the patient's age is outside that range", code))
    return edits
