"""ICD-10-CM edits beyond existence: MCE-shaped age and sex edits (from a data file), Excludes1 pairs
(walking ancestors, since the CMS data does not inherit them) and manifestation codes first-listed.
"""
import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from shared.contracts.common import EditResult, Severity

DATA = Path(__file__).resolve().parents[1] / "data"
CODE_TOKEN = re.compile(r"([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)-?(?:\s*-\s*([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?))?")
AGE_MESSAGES = {"newborn": "newborn (age 0)", "pediatric": "pediatric (0-17)", "maternity": "maternity (9-64)",
                "adult": "adult (15-124)"}


@dataclass(frozen=True)
class MceRule:
    start: str
    end: str
    edit_type: str
    age_min: int | None
    age_max: int | None

    def covers(self, code: str) -> bool:
        return self.start <= code[:len(self.start)] and code[:len(self.end)] <= self.end


@lru_cache(maxsize=1)
def mce_rules() -> tuple[MceRule, ...]:
    with open(DATA / "mce_age_sex.csv", newline="") as source:
        return tuple(MceRule(r["code_or_range_start"], r["range_end"], r["edit_type"],
                             int(r["age_min"]) if r["age_min"] else None, int(r["age_max"]) if r["age_max"] else None)
                     for r in csv.DictReader(source))


def age_in_years(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def _error(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(codes))


def age_sex_edits(codes: list[str], *, sex: str, age: int) -> list[EditResult]:
    edits = []
    for code in codes:
        compact = code.replace(".", "")
        for rule in mce_rules():
            if not rule.covers(compact):
                continue
            if rule.edit_type == "male_only" and sex == "F" or rule.edit_type == "female_only" and sex == "M":
                edits.append(_error("MCE-SEX", f"{code} is for {rule.edit_type.replace('_only', '')} patients only", code))
            elif rule.age_min is not None and not rule.age_min <= age <= rule.age_max:
                edits.append(_error(f"MCE-AGE-{rule.edit_type.upper()}",
                                    f"{code} is a {AGE_MESSAGES[rule.edit_type]} code; the patient's age does not fit",
                                    code))
    return edits


@lru_cache(maxsize=65536)
def excluded_by(code: str) -> tuple[tuple[str, str], ...]:
    """(start, end) code prefixes that `code` or any ancestor lists under Excludes1."""
    import simple_icd_10_cm as icd

    ranges = []
    for node in [code, *icd.get_ancestors(code)]:
        for note in icd.get_excludes1(node):
            for start, end in CODE_TOKEN.findall(note):
                ranges.append((start.replace(".", ""), (end or start).replace(".", "")))
    return tuple(ranges)


def excludes1_edits(codes: list[str]) -> list[EditResult]:
    import simple_icd_10_cm as icd

    edits = []
    dotted = [c for c in codes if icd.is_valid_item(c)]
    for first in dotted:
        for second in dotted:
            other = second.replace(".", "")
            if first != second and any(s <= other[:len(s)] and other[:len(e)] <= e for s, e in excluded_by(first)):
                edits.append(_error("ICD-EXCLUDES1", f"{first} and {second} are Excludes1: they cannot be billed together",
                                    first, second))
    return edits


@lru_cache(maxsize=65536)
def is_manifestation(code: str) -> bool:
    import simple_icd_10_cm as icd

    return icd.is_valid_item(code) and "in diseases classified elsewhere" in icd.get_description(code).lower()


def manifestation_edits(codes: list[str]) -> list[EditResult]:
    if codes and is_manifestation(codes[0]):
        return [_error("ICD-MANIFESTATION-FIRST", f"{codes[0]} is a manifestation code and cannot be first-listed; "
                                                  "code the underlying condition first", codes[0])]
    return []
