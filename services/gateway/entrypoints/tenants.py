"""POST /v1/tenants: the operator creates a client practice and receives its first API key."""
from uuid import UUID

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from shared.contracts.tenant import BillingProvider
from services.gateway import handlers
from services.gateway.entrypoints.auth import Operator


class TenantCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    billing_provider: BillingProvider


class TenantCreated(BaseModel):
    tenant_id: UUID
    key_id: UUID
    api_key: str = Field(description="Shown once; only its hash is stored.")
    scopes: list[str]


router = APIRouter(prefix="/v1/tenants", tags=["tenants"])


@router.post("", status_code=201, response_model=TenantCreated)
async def create_tenant(request: Request, body: TenantCreate, _: Operator) -> TenantCreated:
    async with request.app.state.runtime.units_of_work() as uow:
        tenant, api_key, key = await handlers.create_tenant(uow, name=body.name, billing_provider=body.billing_provider)
    return TenantCreated(tenant_id=tenant.id, key_id=api_key.id, api_key=key, scopes=api_key.scopes)
