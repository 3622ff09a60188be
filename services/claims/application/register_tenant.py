"""tenant.registered -> the tenant's billing provider and its default payers; claims that were built before
the registration arrived (a new tenant's first encounters can overtake it: they come on another topic) are
scrubbed again instead of staying held for an unknown tenant."""
from uuid import UUID

from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.contracts.claim import ClaimCoded
from services.claims.application.build_claims import UNKNOWN_TENANT
from services.claims.application.fix_claim import rescrub
from services.claims.application.steps import record
from services.claims.adapters.catalog import Catalog


async def register_tenant(uow, event: Envelope[TenantRegistered], *, catalog: Catalog) -> None:
    """A repeated registration updates the provider; payers the tenant changed keep its changes."""
    tenant = event.payload
    tenant_id = UUID(tenant.tenant_id)
    await uow.tenants.save(tenant_id, tenant.name, tenant.billing_provider.model_dump(mode="json"))
    await uow.payers.add_missing([{"tenant_id": tenant_id, **payer} for payer in catalog.default_payer_rows()])
    for claim in await uow.claims.held_for_edit(tenant_id, UNKNOWN_TENANT.edit_id):
        record(uow, claim, "tenant_registered", {})
        await rescrub(uow, claim, ClaimCoded.model_validate(claim.coded), catalog=catalog)
