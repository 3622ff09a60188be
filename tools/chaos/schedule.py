"""The fault plan: a pure function of the seed, the number of encounters and the fault kinds.

Each fault fires when that share of the encounters has been accepted, never before 20%, so the
pipeline is busy when it breaks. Same inputs, same plan: a failing run can be run again as it was.
"""
import math
import random
from dataclasses import dataclass

SERVICES = ("coding", "claims", "payments", "denials", "gateway")
FAULT_KINDS = (
    *(f"kill:{name}" for name in SERVICES),
    "kafka:term", "kafka:kill",
    "postgres:fast", "postgres:immediate", "postgres:hold",
    "clearinghouse:delay",
    "duplicates", "poison",
)
EARLIEST, LATEST = 0.20, 0.85
DUPLICATE_SHARE, POISON_SHARE = 0.01, 0.001
ENCOUNTERS_PER_ROUND = 5000  # a long run breaks everything again every this many encounters


@dataclass(frozen=True)
class Fault:
    at: float  # share of the encounters accepted when it fires
    kind: str
    count: int = 1  # messages, for duplicates and poison

    def trigger(self, encounters: int) -> int:
        """The accepted-encounter count that sets it off."""
        return max(1, math.ceil(self.at * encounters))


def rounds(encounters: int) -> int:
    return max(1, min(20, encounters // ENCOUNTERS_PER_ROUND))


def _split(total: int, parts: int) -> list[int]:
    parts = max(1, min(parts, total))
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def plan(seed: int, encounters: int, kinds: tuple[str, ...] = FAULT_KINDS) -> list[Fault]:
    """Every kind once per round; duplicates (1%) and poison (0.1%, at least one) spread over the rounds."""
    unknown = set(kinds) - set(FAULT_KINDS)
    if unknown:
        raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
    rng = random.Random(f"{seed}:{encounters}:{','.join(sorted(kinds))}")
    n_rounds = rounds(encounters)
    width = (LATEST - EARLIEST) / n_rounds
    counts = {"duplicates": _split(math.ceil(encounters * DUPLICATE_SHARE), n_rounds),
              "poison": _split(max(1, round(encounters * POISON_SHARE)), n_rounds)}
    faults = []
    for r in range(n_rounds):
        for kind in sorted(kinds):
            per_round = counts.get(kind)
            if per_round is not None and r >= len(per_round):
                continue
            at = round(EARLIEST + width * (r + rng.random()), 4)
            faults.append(Fault(at, kind, per_round[r] if per_round else 1))
    return sorted(faults, key=lambda f: (f.at, f.kind))
