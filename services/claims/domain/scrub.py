"""The scrubber: named rules over a built claim. An error holds the claim; a warning passes flagged."""
import re
from collections.abc import Callable
from datetime import date, timedelta

from shared.contracts.common import EditResult, Severity
from services.claims.domain.model import Claim
from services.claims.domain.npi import npi_is_valid

TAX_ID = re.compile(r"^(\d{2})-?(\d{7})$")


def _error(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(codes))


def unknown_payer_edit(payer_id: str) -> EditResult:
    return _error("SCRUB-PAYER-UNKNOWN", f"payer {payer_id[:40]} is not among the tenant's payers")


def npi_check_digits(claim: Claim, **_) -> list[EditResult]:
    edits = []
    for role, npi in (("billing", claim.billing_provider.npi), ("rendering", claim.rendering_provider.npi)):
        if not npi_is_valid(npi):
            edits.append(_error("SCRUB-NPI-CHECK-DIGIT", f"the {role} provider NPI fails its check digit"))
    return edits


def tax_id_format(claim: Claim, **_) -> list[EditResult]:
    match = TAX_ID.match(claim.billing_provider.tax_id)
    if not match or (match.group(1) + match.group(2)) == "0" * 9:
        return [_error("SCRUB-TAX-ID", "the billing provider tax id must be nine digits (EIN)")]
    return []


def required_fields(claim: Claim, **_) -> list[EditResult]:
    missing = [name for name, value in (
        ("subscriber member id", claim.coverage.member_id), ("patient address", claim.patient.address.line1),
        ("diagnosis", claim.diagnoses), ("service line", claim.lines), ("payer id", claim.payer.x12_payer_id),
    ) if not value]
    if claim.frequency_code in ("7", "8") and not claim.original_payer_claim_number:
        missing.append("original payer claim number (REF*F8)")
    return [_error("SCRUB-837P-REQUIRED", f"837P requires {name}") for name in missing]


def service_date(claim: Claim, *, today: date, **_) -> list[EditResult]:
    if claim.date_of_service > today:
        return [_error("SCRUB-DOS-FUTURE", "the date of service is in the future")]
    if today - claim.date_of_service > timedelta(days=claim.payer.timely_filing_days):
        return [_error("SCRUB-TIMELY-FILING",
                       f"past {claim.payer.payer_id}'s timely-filing limit of {claim.payer.timely_filing_days} days")]
    return []


def line_amounts(claim: Claim, **_) -> list[EditResult]:
    edits = []
    for line in claim.lines:
        if line.charge <= 0:
            edits.append(_error("SCRUB-CHARGE-ZERO", f"line {line.line_number} ({line.procedure_code}) has no charge",
                                line.procedure_code))
        if line.units < 1:
            edits.append(_error("SCRUB-UNITS", f"line {line.line_number} has fewer than one unit", line.procedure_code))
    return edits


def pointers_resolve(claim: Claim, **_) -> list[EditResult]:
    count = len(claim.diagnoses)
    return [_error("SCRUB-POINTER", f"line {line.line_number} points at a diagnosis that is not on the claim",
                   line.procedure_code)
            for line in claim.lines
            if not line.diagnosis_pointers or any(p < 1 or p > min(count, 12) for p in line.diagnosis_pointers)]


def duplicate_claim(claim: Claim, *, existing_keys: set[tuple], **_) -> list[EditResult]:
    """Same patient, date, procedure and rendering provider already billed on another live claim."""
    return [_error("SCRUB-DUPLICATE", f"line {line.line_number} ({line.procedure_code}) duplicates a billed service",
                   line.procedure_code)
            for line in claim.lines
            if (claim.patient.id, line.date_of_service, line.procedure_code, claim.rendering_provider.npi)
            in existing_keys]


RULES: tuple[Callable[..., list[EditResult]], ...] = (
    npi_check_digits, tax_id_format, required_fields, service_date, line_amounts, pointers_resolve, duplicate_claim,
)


def scrub_claim(claim: Claim, *, today: date, existing_keys: set[tuple]) -> list[EditResult]:
    return [edit for rule in RULES for edit in rule(claim, today=today, existing_keys=existing_keys)]
