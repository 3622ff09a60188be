"""Checks on a client practice's billing provider when it is onboarded.

Every claim carries these facts (2010AA: NPI, EIN, ZIP+4, taxonomy); a wrong one would hold or get
rejected every claim the practice sends, so the operator hears it once, at onboarding, naming the field.
"""
import re

from shared.contracts.tenant import BillingProvider
from shared.npi import npi_is_valid
from shared.tax_ids import ein_prefix_is_assigned

TAXONOMY = re.compile(r"^\d{3}[0-9A-Z]{6}X$")
PO_BOX = re.compile(r"\bP\.?\s*O\.?\s*BOX\b|\bPOST\s+OFFICE\s+BOX\b", re.IGNORECASE)


def billing_provider_problems(provider: BillingProvider) -> list[tuple[str, str]]:
    """(field, message) pairs, PHI-free (a billing provider is a business, but values are not echoed anyway)."""
    problems = []
    if not npi_is_valid(provider.npi):
        problems.append(("billing_provider.npi", "fails the NPI check digit (Luhn over 80840 and the first nine digits)"))
    if not ein_prefix_is_assigned(provider.tax_id):
        problems.append(("billing_provider.tax_id", "is not an EIN the IRS issues (unknown two-digit prefix)"))
    if len(provider.address.zip) != 9:
        problems.append(("billing_provider.address.zip", "the billing provider's ZIP code needs all nine digits (ZIP+4)"))
    if PO_BOX.search(provider.address.line1) or PO_BOX.search(provider.address.line2 or ""):
        problems.append(("billing_provider.address.line1", "must be a street address, not a post office box"))
    if not TAXONOMY.match(provider.taxonomy_code):
        problems.append(("billing_provider.taxonomy_code", "is not a NUCC provider taxonomy code (ten characters ending in X)"))
    if provider.contact is None:
        problems.append(("billing_provider.contact", "a billing contact (name and phone) is required: payers call it"))
    return problems
