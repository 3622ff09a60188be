"""tenant.registered: the client practice that signs the appeal letters."""
from uuid import UUID

from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from services.denials.adapters.repositories import DenialsUnitOfWork


async def register_practice(uow: DenialsUnitOfWork, event: Envelope[TenantRegistered]) -> None:
    tenant = event.payload
    await uow.practices.upsert({"tenant_id": UUID(tenant.tenant_id), "name": tenant.name,
                                "billing_provider": tenant.billing_provider.model_dump(mode="json")})
