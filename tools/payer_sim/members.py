"""Who the simulated payer knows, and how: member id prefixes from data/members.csv, plans from plans.csv.

A Medicare member id is an MBI, which leaves no room for a prefix: for such members the group number
(SBR03) may carry it instead. Any member id without a listed prefix is active with a normal claim flow, so the demo and test
patients (W123456789 and the like) stay eligible. Plan, copay and deductible are deterministic per
seed and member id; the deductible remaining is the one adjudication draws down.
"""
import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tools.payer_sim.adjudication import COINSURANCE, stable_int

DATA = Path(__file__).parent / "data"
COVERAGES = {"active", "inactive", "not_found", "payer_error", "garbled"}
CLAIM_FLOWS = {"normal", "lost", "pending", "crossover"}


@dataclass(frozen=True)
class MemberRule:
    coverage: str = "active"
    claims: str = "normal"


@dataclass(frozen=True)
class Plan:
    name: str
    copay: Decimal
    coinsurance: Decimal = COINSURANCE


class MemberBook:
    def __init__(self, prefixes: list[tuple[str, MemberRule]], plans: list[Plan]):
        self.prefixes = sorted(prefixes, key=lambda p: -len(p[0]))  # the longest prefix wins
        self.plans = plans

    @classmethod
    def load(cls) -> "MemberBook":
        with open(DATA / "members.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            if row["coverage"] not in COVERAGES or row["claims"] not in CLAIM_FLOWS:
                raise ValueError(f"members.csv: unknown coverage or claim flow for {row['member_id_prefix']}")
        with open(DATA / "plans.csv", newline="") as f:
            plans = [Plan(r["plan"], Decimal(r["copay"])) for r in csv.DictReader(f)]
        return cls([(r["member_id_prefix"].upper(), MemberRule(r["coverage"], r["claims"])) for r in rows], plans)

    def rule(self, member_id: str, group_number: str = "") -> MemberRule:
        """By the member id's prefix, else by the group number's."""
        for value in (member_id.upper(), group_number.upper()):
            found = next((rule for prefix, rule in self.prefixes if value.startswith(prefix)), None)
            if found:
                return found
        return MemberRule()

    def plan(self, seed: int, member_id: str) -> Plan:
        return self.plans[stable_int(seed, "plan", member_id) % len(self.plans)]
