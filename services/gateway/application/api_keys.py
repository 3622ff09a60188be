"""API keys: who a presented key is, and a tenant issuing, listing and revoking its keys."""
from uuid import UUID

from shared.internal_auth import Caller
from services.gateway.adapters.tables import ApiKey
from services.gateway.adapters.credentials import hash_key, new_api_key
from services.gateway.entrypoints.rate_limits import Limit


async def authenticate(uow, key: str) -> tuple[Caller, Limit | None] | None:
    """The caller behind a live key, with its tenant's own rate limit when the operator set one."""
    row = await uow.credentials.live_key(hash_key(key))
    if row is None:
        return None
    limit = Limit(row.rate_limit_per_second, row.rate_limit_burst) if row.rate_limit_per_second else None
    return Caller(tenant_id=str(row.tenant_id), key_id=str(row.id), scopes=tuple(row.scopes)), limit


async def issue_key(uow, *, tenant_id: UUID, scopes: list[str]) -> tuple[ApiKey, str]:
    key, prefix, key_hash = new_api_key()
    api_key = ApiKey(tenant_id=tenant_id, key_hash=key_hash, prefix=prefix, scopes=scopes)
    uow.credentials.add_key(api_key)
    return api_key, key


async def revoke_key(uow, *, tenant_id: UUID, key_id: UUID) -> ApiKey | None:
    """Effective at once in Postgres; the caller drops the key from its process's credential cache."""
    api_key = await uow.credentials.key(tenant_id, key_id)
    if api_key is not None and api_key.revoked_at is None:
        api_key.revoked_at = uow.now()
    return api_key


async def list_keys(uow, *, tenant_id: UUID) -> list[ApiKey]:
    return await uow.credentials.keys_of(tenant_id)
