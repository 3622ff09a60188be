"""The scrubber: named rules over a built claim. An error holds the claim; a warning passes flagged.
The rules every payer shares come first, then the claim's payer's own (payer_edits.py).

Every rule is a pure function `(claim, *, today, existing_keys) -> list[EditResult]` (a rule may find
several lines at fault). Messages name rules, roles, lines and codes, never patient data.
"""
import re
from collections.abc import Callable
from datetime import date

from shared.contracts.common import EditResult, Severity
from services.claims.domain.edit_results import scrub_error
from services.claims.domain.lab_rules import lab_certification
from services.claims.domain.model import Claim
from services.claims.domain.payer_edits import payer_edits
from shared.npi import npi_is_valid
from shared.tax_ids import ein_is_well_formed, ein_prefix_is_assigned

ZIP_PLUS_FOUR = re.compile(r"^\d{9}$")
ServiceKey = tuple[str, date, str, str]  # (patient_id, date_of_service, procedure_code, rendering_npi)


_error = scrub_error


def unknown_payer_edit(payer_id: str) -> EditResult:
    """For the caller: a claim whose payer is not among the tenant's payers cannot be built at all."""
    return _error("SCRUB-PAYER-UNKNOWN", f"payer {payer_id[:40]} is not among the tenant's payers")


def npi_check_digits(claim: Claim, **_) -> list[EditResult]:
    referring = claim.referring_provider
    roles = (("billing", claim.billing_provider.npi), ("rendering", claim.rendering_provider.npi),
             ("referring", referring.npi if referring else None))
    return [_error("SCRUB-NPI-CHECK-DIGIT", f"the {role} provider NPI fails its check digit")
            for role, npi in roles if npi is not None and not npi_is_valid(npi)]


def tax_id_format(claim: Claim, **_) -> list[EditResult]:
    """REF*EI needs an EIN: nine digits, not all zeros; an unassigned IRS prefix is most likely a typo."""
    tax_id = claim.billing_provider.tax_id
    if not ein_is_well_formed(tax_id):
        return [_error("SCRUB-TAX-ID", "the billing provider tax id must be nine digits (EIN)")]
    if not ein_prefix_is_assigned(tax_id):
        return [EditResult(edit_id="SCRUB-TAX-ID-PREFIX", severity=Severity.WARNING,
                           message=f"the billing provider EIN prefix {tax_id[:2]} was never assigned by the IRS")]
    return []


def required_fields(claim: Claim, **_) -> list[EditResult]:
    """Fields the 837P requires that the contracts cannot enforce alone."""
    missing = [name for name, present in (
        ("subscriber member id (NM109)", bool(claim.coverage.member_id.strip())),
        ("patient address (N3)", bool(claim.patient.address.line1.strip())),
        ("a diagnosis (HI)", bool(claim.diagnoses)),
        ("a service line (SV1)", bool(claim.lines)),
        ("the payer id (NM1*PR)", bool(claim.payer.x12_payer_id.strip())),
        ("a nine-digit ZIP for the billing provider (2010AA N403)",
         bool(ZIP_PLUS_FOUR.match(claim.billing_provider.address.zip))),
        ("the original payer claim number (REF*F8)",
         claim.frequency_code not in ("7", "8") or bool(claim.original_payer_claim_number)),
    ) if not present]
    return [_error("SCRUB-837P-REQUIRED", f"837P requires {name}") for name in missing]


def service_date(claim: Claim, *, today: date, **_) -> list[EditResult]:
    dates = [line.date_of_service for line in claim.lines] or [claim.date_of_service]
    if max(dates) > today:
        return [_error("SCRUB-DOS-FUTURE", "the date of service is in the future")]
    if (today - min(dates)).days > claim.payer.timely_filing_days:
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
    """SV107 points into HI by position: 1..number of diagnoses (at most 12)."""
    count = min(len(claim.diagnoses), 12)
    return [_error("SCRUB-POINTER", f"line {line.line_number} points at a diagnosis that is not on the claim",
                   line.procedure_code)
            for line in claim.lines
            if not line.diagnosis_pointers or any(p < 1 or p > count for p in line.diagnosis_pointers)]


def duplicate_claim(claim: Claim, *, existing_keys: set[ServiceKey], **_) -> list[EditResult]:
    """Same patient, date, procedure and rendering provider already billed on another live claim."""
    return [_error("SCRUB-DUPLICATE", f"line {line.line_number} ({line.procedure_code}) duplicates a billed service",
                   line.procedure_code)
            for line in claim.lines
            if (claim.patient.id, line.date_of_service, line.procedure_code, claim.rendering_provider.npi)
            in existing_keys]


RULES: tuple[Callable[..., list[EditResult]], ...] = (
    npi_check_digits, tax_id_format, required_fields, service_date, line_amounts, pointers_resolve, duplicate_claim,
    lab_certification, payer_edits,
)


def scrub_claim(claim: Claim, *, today: date, existing_keys: set[ServiceKey]) -> list[EditResult]:
    """All rules' findings, in rule order; `today` is passed in so the result does not depend on the clock."""
    return [edit for rule in RULES for edit in rule(claim, today=today, existing_keys=existing_keys)]
