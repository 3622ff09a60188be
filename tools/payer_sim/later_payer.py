"""A secondary or tertiary payer's answer: it pays from what the earlier payers left, never more.

Each line's remainder is what the last earlier payer left to the patient (its 2430 PR adjustments, or
the 2320 AMT*EAF shared over the lines by charge when it answered only at the claim). This payer's own
allowed amount less what was paid already bounds what it covers, and its plan's coinsurance of that
stays with the patient. Its 835 says CLP02 2 or 3, with the earlier payers' part as OA-23.

A crossover is the same answer, sent by the supplemental payer the primary forwarded the claim to:
CLP01 is the provider's own claim number, as the primary received it.
"""
from decimal import Decimal

from shared.money import ZERO, to_money
from tools.payer_sim.adjudication import (COINSURANCE, ClaimDecision, LineDecision, Rules, allowed_amount,
                                          member_is_valid, stable_int)
from tools.payer_sim.x12_read import BilledClaim, BilledLine

ANSWER_STATUS = {"S": "2", "T": "3"}
PRIOR_PAYER_IMPACT = "23"
CROSSOVER_STATUS, CROSSOVER_REMARK = "19", "MA18"


def line_remainders(claim: BilledClaim) -> list[tuple[Decimal, Decimal]]:
    """(left to the patient, paid by earlier payers) per line, from 2430 where the earlier payer answered by line."""
    claim_share = claim.prior[-1].patient_share if claim.prior else ZERO
    claim_paid = sum((p.paid for p in claim.prior), ZERO)
    total = sum((l.charge for l in claim.lines), ZERO) or Decimal("1")
    found = []
    for line in claim.lines:
        if line.prior:
            found.append((line.prior[-1].patient_share, sum((p.paid for p in line.prior), ZERO)))
        else:
            found.append((to_money(claim_share * line.charge / total), to_money(claim_paid * line.charge / total)))
    return found


def pay_remainder(line: BilledLine, remainder: Decimal, prior_paid: Decimal, rules: Rules) -> LineDecision:
    covered = min(remainder, max(ZERO, allowed_amount(line, rules) - prior_paid))
    paid = to_money(covered * (1 - COINSURANCE))
    decision = LineDecision(line, paid=paid)
    for group, carc, amount in (("OA", PRIOR_PAYER_IMPACT, line.charge - remainder), ("PR", "2", remainder - paid)):
        if amount > 0:
            decision.adjustments.append((group, carc, amount))
    return decision


def adjudicate_later(claim: BilledClaim, *, rules: Rules, seed: int) -> ClaimDecision:
    """A claim billed with SBR01 = S or T and the earlier payers' adjudication."""
    decision = ClaimDecision(claim, payer_claim_number=f"{stable_int(seed, claim.pcn) % 10**12:012d}",
                             status=ANSWER_STATUS.get(claim.sequence, "2"))
    if not member_is_valid(claim.member_id):
        decision.rejection = "A3:21"
        return decision
    decision.lines = [pay_remainder(line, left, paid, rules)
                      for line, (left, paid) in zip(claim.lines, line_remainders(claim))]
    return decision


def cross_over(primary: ClaimDecision, *, rules: Rules, seed: int) -> ClaimDecision | None:
    """The primary forwards a claim that left the patient a share: its own answer says so (CLP02 19, MA18),
    and the supplemental payer's answer is returned to be sent on its own."""
    if primary.rejection or primary.status != "1" or primary.patient_responsibility <= 0:
        return None
    primary.status, primary.remark_codes = CROSSOVER_STATUS, [CROSSOVER_REMARK]
    supplemental = ClaimDecision(primary.claim, status="2",
                                 payer_claim_number=f"{stable_int(seed, 'crossover', primary.claim.pcn) % 10**12:012d}")
    supplemental.lines = [pay_remainder(l.line, sum((a for g, _, a in l.adjustments if g == "PR"), ZERO), l.paid, rules)
                          for l in primary.lines]
    return supplemental
