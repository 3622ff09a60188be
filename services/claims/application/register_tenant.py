"""tenant.registered -> the tenant's billing provider and its default payers."""
from uuid import UUID

from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from services.claims.catalog import Catalog


async def register_tenant(uow, event: Envelope[TenantRegistered], *, catalog: Catalog) -> None:
    """A repeated registration updates the provider; payers the tenant changed keep its changes."""
    tenant = event.payload
    tenant_id = UUID(tenant.tenant_id)
    await uow.tenants.save(tenant_id, tenant.name, tenant.billing_provider.model_dump(mode="json"))
    await uow.payers.add_missing([{"tenant_id": tenant_id, **payer} for payer in catalog.default_payer_rows()])
