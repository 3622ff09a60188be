"""The CARC and RARC lists, loaded once; a lookup never raises (an unknown code is 'unknown')."""
import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Carc:
    code: str
    description: str
    category: str
    preventable: bool
    recommended_action: str


@dataclass(frozen=True)
class CodeBook:
    carcs: dict[str, Carc]
    rarcs: dict[str, tuple[str, str]]

    def carc(self, code: str) -> Carc:
        return self.carcs.get(code) or Carc(code, f"Unknown CARC {code}", "unknown", False, "appeal")

    def rarc_text(self, code: str) -> str:
        return self.rarcs.get(code, (f"Unknown RARC {code}", "unknown"))[0]

    def rarc_category(self, code: str) -> str | None:
        return self.rarcs.get(code, (None, None))[1]


@lru_cache(maxsize=1)
def codebook() -> CodeBook:
    with open(DATA / "carc.csv", newline="") as f:
        carcs = {r["code"]: Carc(r["code"], r["description"], r["category"], r["preventable"] == "true",
                                 r["recommended_action"]) for r in csv.DictReader(f)}
    with open(DATA / "rarc.csv", newline="") as f:
        rarcs = {r["code"]: (r["description"], r["category"]) for r in csv.DictReader(f)}
    return CodeBook(carcs, rarcs)
