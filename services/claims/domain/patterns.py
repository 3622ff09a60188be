"""Denial patterns as pre-submission warnings: a payer that denied this procedure for this reason
before will likely deny it again, so the biller sees it before the claim leaves. Pure."""
from dataclasses import dataclass
from datetime import date, timedelta

from shared.contracts.common import EditResult, Severity
from services.claims.domain.model import Claim

MIN_DENIALS = 2
WINDOW = timedelta(days=180)
ADVICE = {
    "authorization": "make sure the prior authorization number is on the claim",
    "coding": "check the codes and modifiers this payer expects",
    "bundling_ncci": "check NCCI bundling and whether a distinct-service modifier applies",
    "medical_necessity": "check that the diagnoses support the service under the payer's policy",
    "missing_information": "check the fields the payer reported missing",
    "eligibility_registration": "verify the member's coverage and registration",
    "non_covered": "check coverage; an ABN may be needed to bill the patient",
    "timely_filing": "send it promptly",
    "duplicate": "make sure this service was not billed already",
    "coordination_of_benefits": "check the order of coverage",
}


@dataclass(frozen=True)
class DenialHistory:
    payer_id: str
    procedure_code: str
    category: str
    carc_codes: tuple[str, ...]
    denials: int
    first_denied_on: date
    last_denied_on: date


def denial_pattern_warnings(claim: Claim, history: list[DenialHistory], *, today: date) -> list[EditResult]:
    codes = {line.procedure_code for line in claim.lines}
    warnings = []
    for seen in sorted(history, key=lambda h: (h.procedure_code, -h.denials, h.category)):
        if (seen.payer_id != claim.payer.payer_id or seen.procedure_code not in codes or seen.denials < MIN_DENIALS
                or today - seen.last_denied_on > WINDOW):
            continue
        advice = ADVICE.get(seen.category, "review the earlier denials before sending")
        warnings.append(EditResult(
            edit_id="SCRUB-DENIAL-PATTERN", severity=Severity.WARNING, codes=[seen.procedure_code],
            message=(f"{claim.payer.name} denied {seen.procedure_code} {seen.denials} times since "
                     f"{seen.first_denied_on.isoformat()} for {seen.category.replace('_', ' ')} "
                     f"(CARC {', '.join(seen.carc_codes)}): {advice}")))
    return warnings
