"""Gateway use cases: each opens a unit of work, changes state, emits events through the outbox."""
from datetime import datetime, timezone
from uuid import UUID, uuid4

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert

from shared.contracts.encounter import EncounterDocumented
from shared.contracts.tenant import BillingProvider, TenantRegistered
from shared.db.unit_of_work import UnitOfWork
from shared.internal_auth import Caller
from services.gateway.adapters.tables import ApiKey, EncounterIntake, Tenant
from services.gateway.credentials import SCOPES, hash_key, new_api_key
from services.gateway.rate_limits import Limit


async def create_tenant(uow: UnitOfWork, *, name: str, billing_provider: BillingProvider) -> tuple[Tenant, ApiKey, str]:
    tenant = Tenant(name=name, billing_provider=billing_provider.model_dump(mode="json"))
    key, prefix, key_hash = new_api_key()
    api_key = ApiKey(tenant_id=tenant.id, key_hash=key_hash, prefix=prefix, scopes=list(SCOPES))
    uow.session.add(tenant)
    await uow.session.flush()
    uow.session.add(api_key)
    uow.emit(
        TenantRegistered(tenant_id=str(tenant.id), name=name, billing_provider=billing_provider),
        tenant_id=tenant.id, subject_id=tenant.id,
    )
    return tenant, api_key, key


async def authenticate(uow: UnitOfWork, key: str) -> tuple[Caller, Limit | None] | None:
    """The caller behind a live key, with its tenant's own rate limit when the operator set one."""
    row = (
        await uow.session.execute(
            select(ApiKey.id, ApiKey.tenant_id, ApiKey.scopes, Tenant.rate_limit_per_second, Tenant.rate_limit_burst)
            .join(Tenant, Tenant.id == ApiKey.tenant_id)
            .where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
        )
    ).first()
    if row is None:
        return None
    limit = Limit(row.rate_limit_per_second, row.rate_limit_burst) if row.rate_limit_per_second else None
    return Caller(tenant_id=str(row.tenant_id), key_id=str(row.id), scopes=tuple(row.scopes)), limit


async def set_tenant_limit(uow: UnitOfWork, *, tenant_id: UUID, limit: Limit | None) -> Tenant | None:
    tenant = await uow.session.get(Tenant, tenant_id)
    if tenant is not None:
        tenant.rate_limit_per_second = limit.rate if limit else None
        tenant.rate_limit_burst = limit.burst if limit else None
    return tenant


async def accept_encounter(uow: UnitOfWork, *, tenant_id: UUID, encounter: dict, source_format: str) -> tuple[UUID, bool]:
    """Returns (encounter_id, created). Re-sending an external_id returns the first encounter's id."""
    new_id = uuid4()
    inserted = (
        await uow.session.execute(
            insert(EncounterIntake)
            .values(id=new_id, tenant_id=tenant_id, external_id=encounter["external_id"], source_format=source_format)
            .on_conflict_do_nothing(index_elements=["tenant_id", "external_id"])
            .returning(EncounterIntake.id)
        )
    ).scalar()
    if inserted is None:
        existing = await uow.session.execute(
            select(EncounterIntake.id).where(
                EncounterIntake.tenant_id == tenant_id, EncounterIntake.external_id == encounter["external_id"]
            )
        )
        return existing.scalar_one(), False
    payload = EncounterDocumented(encounter_id=str(new_id), source_format=source_format, **encounter)
    uow.emit(payload, tenant_id=tenant_id, subject_id=new_id)
    return new_id, True


async def find_encounter(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> EncounterIntake | None:
    result = await uow.session.execute(
        select(EncounterIntake).where(EncounterIntake.id == encounter_id, EncounterIntake.tenant_id == tenant_id)
    )
    return result.scalar_one_or_none()


async def issue_key(uow: UnitOfWork, *, tenant_id: UUID, scopes: list[str]) -> tuple[ApiKey, str]:
    key, prefix, key_hash = new_api_key()
    api_key = ApiKey(tenant_id=tenant_id, key_hash=key_hash, prefix=prefix, scopes=scopes)
    uow.session.add(api_key)
    return api_key, key


async def revoke_key(uow: UnitOfWork, *, tenant_id: UUID, key_id: UUID) -> ApiKey | None:
    """Effective at once in Postgres; the caller drops the key from its process's credential cache."""
    api_key = (await uow.session.execute(select(ApiKey).where(
        ApiKey.id == key_id, ApiKey.tenant_id == tenant_id))).scalar_one_or_none()
    if api_key is not None and api_key.revoked_at is None:
        api_key.revoked_at = datetime.now(timezone.utc)
    return api_key


async def list_keys(uow: UnitOfWork, *, tenant_id: UUID) -> list[ApiKey]:
    rows = await uow.session.execute(select(ApiKey).where(ApiKey.tenant_id == tenant_id).order_by(ApiKey.created_at))
    return list(rows.scalars())


async def list_encounters(uow: UnitOfWork, *, tenant_id: UUID, limit: int, before: tuple[datetime, UUID] | None,
                          external_id: str | None = None, source_format: str | None = None,
                          received_from: datetime | None = None, received_to: datetime | None = None) -> list[EncounterIntake]:
    """Newest first, keyset-paginated on (received_at, id)."""
    query = select(EncounterIntake).where(EncounterIntake.tenant_id == tenant_id)
    if before is not None:
        query = query.where(tuple_(EncounterIntake.received_at, EncounterIntake.id) < tuple_(*before))
    if external_id:
        query = query.where(EncounterIntake.external_id == external_id)
    if source_format:
        query = query.where(EncounterIntake.source_format == source_format)
    if received_from:
        query = query.where(EncounterIntake.received_at >= received_from)
    if received_to:
        query = query.where(EncounterIntake.received_at < received_to)
    query = query.order_by(EncounterIntake.received_at.desc(), EncounterIntake.id.desc()).limit(limit)
    return list((await uow.session.execute(query)).scalars())
