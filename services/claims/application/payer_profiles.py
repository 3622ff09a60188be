"""A tenant's payers: the defaults it starts with, and the payers it adds or changes itself."""
from uuid import UUID

from services.claims.adapters.tables import TenantPayer
from services.claims.domain.model import Payer

PROFILE_FIELDS = ("name", "x12_payer_id", "timely_filing_days", "appeal_days", "expected_days",
                  "claim_filing_indicator")


async def save_payer(uow, *, tenant_id: UUID, payer: Payer) -> TenantPayer:
    """Adds the payer or replaces its profile; claims already built keep the profile they were built with."""
    values = {"tenant_id": tenant_id, "payer_id": payer.payer_id, **{f: getattr(payer, f) for f in PROFILE_FIELDS}}
    await uow.payers.save(values, PROFILE_FIELDS)
    return TenantPayer(**values)
