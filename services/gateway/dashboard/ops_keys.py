"""Ops keys: issued by the operator (admin key) to ops staff; scope `ops` only, tied to the platform's
own operations tenant, so they open the dashboard and nothing of any client's API.

Tenant admins cannot mint one: `ops` is not among the scopes POST /v1/keys accepts, and the
tenant `admin` scope does not stand in for it.
"""
from typing import Annotated
from uuid import NAMESPACE_URL, UUID, uuid5

from fastapi import APIRouter, Depends, Path, Request

from shared.http.problems import Problem
from shared.http.reports import OPS_SCOPE
from shared.contracts.api.gateway import OpsKeyIssued, OpsKeyRevoked
from shared.internal_auth import Caller
from services.gateway.entrypoints import idempotency
from services.gateway.application import api_keys
from services.gateway.entrypoints.auth import Operator, live_credential

OPS_TENANT_ID = uuid5(NAMESPACE_URL, "urn:billing-platform:operations")

router = APIRouter(prefix="/v1/ops/keys", tags=["ops"])


async def ops_caller(request: Request) -> Caller:
    found = await live_credential(request)  # not rate limited: the dashboard polls a handful of endpoints
    caller = found.caller
    if OPS_SCOPE not in caller.scopes or caller.tenant_id != str(OPS_TENANT_ID):
        raise Problem(403, "Forbidden", "the dashboard needs an ops key")
    request.state.caller = caller
    await idempotency.reserve(request, owner=found.owner, tenant_id=caller.tenant_id)
    return caller


OpsCaller = Annotated[Caller, Depends(ops_caller)]


@router.post("", status_code=201, response_model=OpsKeyIssued)
async def issue_ops_key(request: Request, _: Operator) -> dict:
    """A new ops key (shown once). Rotation: issue a new one, then revoke the old."""
    async with request.app.state.runtime.units_of_work() as uow:
        await uow.credentials.ensure_tenant(OPS_TENANT_ID, "Platform operations")
        api_key, secret = await api_keys.issue_key(uow, tenant_id=OPS_TENANT_ID, scopes=[OPS_SCOPE])
    return {"key_id": str(api_key.id), "prefix": api_key.prefix, "scopes": api_key.scopes, "api_key": secret}


@router.delete("/{key_id}", response_model=OpsKeyRevoked)
async def revoke_ops_key(request: Request, key_id: Annotated[UUID, Path()], _: Operator) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        api_key = await api_keys.revoke_key(uow, tenant_id=OPS_TENANT_ID, key_id=key_id)
    request.app.state.credentials.forget_key(key_id)
    if api_key is None:
        raise Problem(404, "Key not found")
    return {"key_id": str(api_key.id), "revoked": True}
