"""An 835 balances or nothing of it is posted: BPR02 = sum(CLP04) - sum(PLB); each claim and line too."""
from shared.money import ZERO
from services.payments.domain.remittance import Remittance


def check_balance(remit: Remittance) -> list[str]:
    problems = []
    claims_paid = sum((c.paid for c in remit.claims), ZERO)
    provider = sum((p.amount for p in remit.provider_adjustments), ZERO)
    if remit.total_paid != claims_paid - provider:
        problems.append(f"BPR02 {remit.total_paid} != claim payments {claims_paid} - provider adjustments {provider}")
    for number, claim in enumerate(remit.claims, start=1):
        adjusted = sum((a.amount for a in claim.adjustments), ZERO) + sum(
            (a.amount for line in claim.service_lines for a in line.adjustments), ZERO)
        if claim.charge - claim.paid != adjusted:
            problems.append(f"claim payment {number}: charge {claim.charge} - paid {claim.paid} != adjustments {adjusted}")
        for line_number, line in enumerate(claim.service_lines, start=1):
            line_adjusted = sum((a.amount for a in line.adjustments), ZERO)
            if line.charge - line.paid != line_adjusted:
                problems.append(f"claim payment {number} line {line_number}: charge {line.charge} - paid {line.paid}"
                                f" != adjustments {line_adjusted}")
    return problems
