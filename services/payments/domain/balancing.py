"""An 835 balances or nothing of it is posted (005010X221A1 section 1.10.2.1).

Check: BPR02 = sum(CLP04) - sum(PLB amounts). Claim: CLP03 - CLP04 = every CAS of the claim and its
lines. Line: SVC02 - SVC03 = the line's CAS. Messages give figures and segment positions, never the
patient control number or any other identifier.
"""
from decimal import Decimal

from shared.money import ZERO
from services.payments.domain.remittance import ClaimPaymentRecord, Remittance


def check_balance(remittance: Remittance) -> list[str]:
    """Every balancing problem in the remittance; an empty list when it balances."""
    problems = _check_problems(remittance)
    for number, claim in enumerate(remittance.claims, start=1):
        problems += _claim_problems(number, claim)
    return problems


def _total(amounts) -> Decimal:
    return sum(amounts, ZERO)


def _check_problems(remittance: Remittance) -> list[str]:
    claims_paid = _total(c.paid for c in remittance.claims)
    provider = _total(p.amount for p in remittance.provider_adjustments)
    expected = claims_paid - provider
    if remittance.signed_total == expected:
        return []
    return [f"BPR02 ({_where(remittance.position)}): check total {remittance.signed_total} does not equal claim "
            f"payments {claims_paid} less provider adjustments {provider} = {expected}"]


def _claim_problems(number: int, claim: ClaimPaymentRecord) -> list[str]:
    claim_level = _total(a.amount for a in claim.claim_adjustments)
    line_level = _total(a.amount for line in claim.service_lines for a in line.adjustments)
    problems = []
    if claim.charge - claim.paid != claim_level + line_level:
        problems.append(f"claim payment {number} (CLP at segment {claim.position}): charge {claim.charge} - paid "
                        f"{claim.paid} = {claim.charge - claim.paid}, but adjustments total {claim_level + line_level}")
    for line_number, line in enumerate(claim.service_lines, start=1):
        adjusted = _total(a.amount for a in line.adjustments)
        if line.charge - line.paid != adjusted:
            problems.append(f"claim payment {number} line {line_number} (SVC at segment {line.position}): charge "
                            f"{line.charge} - paid {line.paid} = {line.charge - line.paid}, but adjustments total "
                            f"{adjusted}")
    return problems


def _where(position: int) -> str:
    return f"transaction set at segment {position}" if position else "transaction set"
