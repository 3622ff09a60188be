"""POST /v1/tenants: the operator creates a client practice and receives its first API key."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from shared.contracts.tenant import BillingProvider
from shared.http.problems import Problem
from services.gateway.application.register_tenant import register_tenant, set_tenant_limit
from services.gateway.domain.onboarding import billing_provider_problems
from services.gateway.entrypoints.auth import Operator
from services.gateway.entrypoints.rate_limits import Limit


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
    """Checks the billing provider (NPI check digit, EIN, ZIP+4, street address, taxonomy, contact) first."""
    problems = billing_provider_problems(body.billing_provider)
    if problems:
        raise Problem(422, "Billing provider is invalid", f"invalid fields: {', '.join(f for f, _ in problems)}",
                      errors=[{"field": f"body.{field}", "message": message} for field, message in problems])
    async with request.app.state.runtime.units_of_work() as uow:
        tenant, api_key, key = await register_tenant(uow, name=body.name, billing_provider=body.billing_provider)
    return TenantCreated(tenant_id=tenant.id, key_id=api_key.id, api_key=key, scopes=api_key.scopes)


class RateLimitSetting(BaseModel):
    """A tenant's own limit; null for both returns it to the gateway's default."""

    requests_per_second: float | None = Field(default=None, gt=0, le=100000, examples=[50])
    burst: int | None = Field(default=None, ge=1, le=1000000, examples=[100])


@router.put("/{tenant_id}/rate-limit", response_model=RateLimitSetting)
async def set_rate_limit(request: Request, tenant_id: Annotated[UUID, Path()], body: RateLimitSetting,
                         _: Operator) -> RateLimitSetting:
    """Per-tenant rate limit (requests per second and burst, per gateway replica)."""
    if (body.requests_per_second is None) != (body.burst is None):
        raise Problem(422, "Give both requests_per_second and burst, or neither",
                      errors=[{"field": "body.burst", "message": "set together with requests_per_second"}])
    limit = Limit(body.requests_per_second, body.burst) if body.requests_per_second else None
    async with request.app.state.runtime.units_of_work() as uow:
        tenant = await set_tenant_limit(uow, tenant_id=tenant_id, limit=limit)
    request.app.state.credentials.forget_tenant(tenant_id)
    if tenant is None:
        raise Problem(404, "Tenant not found")
    return body
