"""The CARC and RARC lists (X12 external code lists), loaded once from data/.

Lookups never raise: a code missing from our list (new on the published list, or garbage from a
payer) still gets a denial with category "unknown", so it reaches the work queue instead of a DLQ.
"""
import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

CATEGORIES = frozenset({
    "eligibility_registration", "authorization", "coding", "medical_necessity", "timely_filing", "duplicate",
    "bundling_ncci", "missing_information", "non_covered", "coordination_of_benefits", "contractual",
    "patient_responsibility", "unknown",
})
ACTIONS = frozenset({"appeal", "correct_and_resubmit", "write_off", "rebill_patient", "verify_eligibility"})


@dataclass(frozen=True)
class Carc:
    code: str
    description: str
    category: str
    preventable: bool
    recommended_action: str


@dataclass(frozen=True)
class Rarc:
    code: str
    description: str
    category: str | None
    """The category this remark points to when the CARC alone is generic (CO-16 + M76 -> coding)."""


class CodeListError(ValueError):
    """A data file row is malformed; names the file and row, never claim data."""


@dataclass(frozen=True)
class CodeBook:
    carcs: dict[str, Carc]
    rarcs: dict[str, Rarc]

    def carc(self, code: str) -> Carc:
        key = normalize(code)
        return self.carcs.get(key) or Carc(key, f"Unknown CARC {key}", "unknown", False, "appeal")

    def rarc(self, code: str) -> Rarc:
        key = normalize(code)
        return self.rarcs.get(key) or Rarc(key, f"Unknown RARC {key}", None)

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> "CodeBook":
        carcs = {row.code: row for row in map(_carc_row, _rows(directory / "carc.csv"))}
        rarcs = {row.code: row for row in map(_rarc_row, _rows(directory / "rarc.csv"))}
        return cls(carcs, rarcs)


def normalize(code: str) -> str:
    return (code or "").strip().upper()


@lru_cache(maxsize=1)
def codebook() -> CodeBook:
    """The shipped lists, read once per process."""
    return CodeBook.load()


def _rows(path: Path) -> list[tuple[str, int, dict]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(path.name, number, row) for number, row in enumerate(csv.DictReader(handle), start=2)]


def _carc_row(located: tuple[str, int, dict]) -> Carc:
    name, number, row = located
    category, action, preventable = row["category"], row["recommended_action"], row["preventable"]
    if category not in CATEGORIES or action not in ACTIONS or preventable not in ("true", "false"):
        raise CodeListError(f"{name} line {number}: bad category, action or preventable flag")
    return Carc(normalize(row["code"]), row["description"], category, preventable == "true", action)


def _rarc_row(located: tuple[str, int, dict]) -> Rarc:
    name, number, row = located
    category = row.get("category") or None
    if category is not None and category not in CATEGORIES:
        raise CodeListError(f"{name} line {number}: bad category")
    return Rarc(normalize(row["code"]), row["description"], category)
