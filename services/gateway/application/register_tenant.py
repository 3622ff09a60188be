"""A new tenant with its first (all-scopes) API key, announced as tenant.registered; and its rate limit."""
from uuid import UUID

from shared.contracts.tenant import BillingProvider, TenantRegistered
from services.gateway.adapters.tables import ApiKey, Tenant
from services.gateway.adapters.credentials import SCOPES, new_api_key
from services.gateway.entrypoints.rate_limits import Limit


async def register_tenant(uow, *, name: str, billing_provider: BillingProvider) -> tuple[Tenant, ApiKey, str]:
    """The tenant, its key row and the key itself (shown once)."""
    tenant = Tenant(name=name, billing_provider=billing_provider.model_dump(mode="json"))
    key, prefix, key_hash = new_api_key()
    api_key = ApiKey(tenant_id=tenant.id, key_hash=key_hash, prefix=prefix, scopes=list(SCOPES))
    await uow.credentials.add_tenant(tenant, api_key)
    uow.emit(TenantRegistered(tenant_id=str(tenant.id), name=name, billing_provider=billing_provider),
             tenant_id=tenant.id, subject_id=tenant.id)
    return tenant, api_key, key


async def set_tenant_limit(uow, *, tenant_id: UUID, limit: Limit | None) -> Tenant | None:
    """None for `limit` returns the tenant to the gateway's default; None back when there is no such tenant."""
    tenant = await uow.credentials.tenant(tenant_id)
    if tenant is not None:
        tenant.rate_limit_per_second = limit.rate if limit else None
        tenant.rate_limit_burst = limit.burst if limit else None
    return tenant
