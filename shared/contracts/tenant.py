"""tenant.registered: a client practice the operator created, with its billing provider."""
from pydantic import Field

from shared.contracts.common import Address, Contract, Npi


class BillingContact(Contract):
    """Who payers call about the practice's claims: the 837P's submitter contact (PER)."""

    name: str = Field(min_length=1, max_length=60)
    phone: str = Field(pattern=r"^\d{10}$", description="ten digits, no punctuation")
    email: str | None = Field(default=None, max_length=80, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BillingProvider(Contract):
    name: str = Field(min_length=1, max_length=60)
    npi: Npi
    tax_id: str = Field(pattern=r"^\d{2}-?\d{7}$")
    taxonomy_code: str = Field(default="207Q00000X", pattern=r"^[0-9A-Z]{9}X$")
    address: Address
    contact: BillingContact | None = None
    clia_number: str | None = Field(default=None, pattern=r"^\d{2}D\d{7}$",
                                    description="The practice laboratory's CLIA certificate number: REF*X4 on claims "
                                                "with an in-house laboratory test.")


class TenantRegistered(Contract):
    tenant_id: str
    name: str
    billing_provider: BillingProvider
