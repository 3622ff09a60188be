"""Deterministic adjudication rules: the same seed and input always give the same answer."""
import csv
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from shared.money import ZERO, to_money
from tools.payer_sim.x12_read import BilledClaim, BilledLine

DATA = Path(__file__).parent / "data"
DEDUCTIBLES = (Decimal("0"), Decimal("50"), Decimal("100"), Decimal("250"))
COINSURANCE = Decimal("0.20")


@dataclass(frozen=True)
class Rules:
    allowed: dict[str, Decimal]
    requires_auth: frozenset[str]
    non_covered: frozenset[str]
    necessity_pairs: frozenset[tuple[str, str]]
    modifier_required: dict[str, frozenset[str]]

    @classmethod
    def load(cls) -> "Rules":
        with open(DATA / "allowed_amounts.csv") as f:
            allowed = {r["procedure_code"]: to_money(r["allowed"]) for r in csv.DictReader(f)}
        with open(DATA / "rules.csv") as f:
            rows = list(csv.DictReader(f))
        pick = lambda name: [r for r in rows if r["rule"] == name]  # noqa: E731
        return cls(allowed, frozenset(r["code"] for r in pick("requires_auth")),
                   frozenset(r["code"] for r in pick("non_covered")),
                   frozenset((r["code"], r["other"]) for r in pick("necessity_pair")),
                   {r["code"]: frozenset(r["other"].split("|")) for r in pick("modifier_required")})


@dataclass
class LineDecision:
    line: BilledLine
    allowed: Decimal = ZERO
    paid: Decimal = ZERO
    adjustments: list[tuple[str, str, Decimal]] = field(default_factory=list)


@dataclass
class ClaimDecision:
    claim: BilledClaim
    payer_claim_number: str
    rejection: str | None = None
    status: str = "1"
    lines: list[LineDecision] = field(default_factory=list)
    reversal_of: dict | None = None  # a reversal (CLP02 22): the recorded original whose payment is taken back
    remark_codes: list[str] = field(default_factory=list)  # MOA: MA18 when the claim was crossed over
    reversal: "ClaimDecision | None" = None  # a replacement (frequency 7): the original's reversal, answered first

    @property
    def answers(self) -> list["ClaimDecision"]:
        """The CLPs this decision puts in an 835: a replacement's reversal of the original, then its own."""
        return [self.reversal, self] if self.reversal is not None else [self]

    @property
    def paid(self) -> Decimal:
        if self.reversal_of is not None:
            return -Decimal(self.reversal_of["paid"])
        return sum((l.paid for l in self.lines), ZERO)

    @property
    def patient_responsibility(self) -> Decimal:
        return sum((a for l in self.lines for g, _, a in l.adjustments if g == "PR"), ZERO)


def claim_adjustments(decision: ClaimDecision) -> list[list[str]]:
    """The decision's adjustments summed per group and reason, as the claim record keeps them for a reversal."""
    totals: dict[tuple[str, str], Decimal] = {}
    for line in decision.lines:
        for group, carc, amount in line.adjustments:
            totals[(group, carc)] = totals.get((group, carc), ZERO) + amount
    return [[group, carc, str(amount)] for (group, carc), amount in totals.items()]


def stable_int(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def initial_deductible(seed: int, member_id: str) -> Decimal:
    return DEDUCTIBLES[stable_int(seed, "deductible", member_id) % len(DEDUCTIBLES)]


def member_is_valid(member_id: str) -> bool:
    return len(member_id) >= 3 and not member_id.upper().startswith("INVALID")


def adjudicate(claim: BilledClaim, *, rules: Rules, seed: int, today: date, deductible_left: Decimal,
               seen_services: set[tuple]) -> tuple[ClaimDecision, Decimal]:
    """Returns the decision and the member's deductible left after it."""
    decision = ClaimDecision(claim, payer_claim_number=f"{stable_int(seed, claim.pcn) % 10**12:012d}")
    if not member_is_valid(claim.member_id):
        decision.rejection = "A3:21"
        return decision, deductible_left
    claim_denial = _claim_level_denial(claim, rules, today)
    for line in claim.lines:
        if claim_denial:
            decision.lines.append(LineDecision(line, adjustments=[("CO", claim_denial, line.charge)]))
            continue
        reason = _line_denial(claim, line, rules, seen_services)
        if reason:
            decision.lines.append(LineDecision(line, adjustments=[(reason[0], reason[1], line.charge)]))
            continue
        priced, deductible_left = _price(line, rules, deductible_left)
        decision.lines.append(priced)
    denied_all = all(l.paid == 0 and any(g != "PR" and c != "45" for g, c, _ in l.adjustments) for l in decision.lines)
    decision.status = "4" if claim_denial or denied_all else "1"
    return decision, deductible_left


def _claim_level_denial(claim: BilledClaim, rules: Rules, today: date) -> str | None:
    dates = [l.service_date for l in claim.lines if l.service_date]
    if dates and today - min(dates) > timedelta(days=365):
        return "29"
    if not claim.prior_auth and any(l.code in rules.requires_auth for l in claim.lines):
        return "197"
    return None


def _line_denial(claim: BilledClaim, line: BilledLine, rules: Rules, seen: set[tuple]) -> tuple[str, str] | None:
    key = (claim.member_id, line.service_date, line.code)
    if key in seen and claim.frequency == "1":
        return ("CO", "18")
    seen.add(key)
    if line.code in rules.non_covered:
        return ("PR", "204")
    if any((line.code, dx) in rules.necessity_pairs for dx in claim.diagnoses):
        return ("CO", "50")
    required = rules.modifier_required.get(line.code)
    if required and not required.intersection(line.modifiers):
        return ("CO", "4")
    return None


def allowed_amount(line: BilledLine, rules: Rules) -> Decimal:
    """The payer's fee for the line (60% of the charge for a code it has no fee for), never above the charge."""
    unit_allowed = rules.allowed.get(line.code)
    allowed = to_money(unit_allowed * line.units) if unit_allowed is not None else to_money(line.charge * Decimal("0.6"))
    return min(allowed, line.charge)


def _price(line: BilledLine, rules: Rules, deductible_left: Decimal) -> tuple[LineDecision, Decimal]:
    allowed = allowed_amount(line, rules)
    deductible = min(deductible_left, allowed)
    coinsurance = to_money((allowed - deductible) * COINSURANCE)
    decision = LineDecision(line, allowed=allowed, paid=allowed - deductible - coinsurance)
    for group, carc, amount in (("CO", "45", line.charge - allowed), ("PR", "1", deductible), ("PR", "2", coinsurance)):
        if amount > 0:
            decision.adjustments.append((group, carc, amount))
    return decision, deductible_left - deductible


def deductible_applied(original: dict) -> Decimal:
    """What a recorded claim put toward the member's deductible (PR-1): a reversal gives it back."""
    return sum((Decimal(a) for g, c, a in json.loads(original.get("adjustments") or "[]") if (g, c) == ("PR", "1")),
               ZERO)


REVERSIBLE = ("paid", "denied")  # outcomes a void or a replacement can name in REF*F8


def void(claim: BilledClaim, original: dict | None, *, seed: int) -> ClaimDecision:
    """A frequency-8 claim takes back the payment of the claim named in REF*F8; unknown to us, it is rejected."""
    decision = ClaimDecision(claim, payer_claim_number=f"{stable_int(seed, claim.pcn) % 10**12:012d}")
    if original is None or original.get("outcome") not in REVERSIBLE:
        decision.rejection = "A7:21"
    else:
        decision.status, decision.reversal_of = "22", original
    return decision
