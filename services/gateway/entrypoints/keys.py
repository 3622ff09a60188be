"""A tenant's API keys: issue (rotation = issue a new one, then revoke the old), list, revoke."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from shared.http.problems import Problem
from services.gateway.application import api_keys
from services.gateway.adapters.credentials import SCOPES
from services.gateway.entrypoints.auth import AdminCaller
from shared.contracts.api.gateway import ApiKeyIssued, ApiKeyList, ApiKeyOut

router = APIRouter(prefix="/v1/keys", tags=["keys"])


class KeyCreate(BaseModel):
    scopes: list[str] = Field(min_length=1)


def _public(key) -> dict:
    return {"key_id": str(key.id), "prefix": key.prefix, "scopes": key.scopes,
            "created_at": key.created_at.isoformat() if key.created_at else None,
            "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None}


@router.post("", status_code=201, response_model=ApiKeyIssued)
async def create_key(request: Request, body: KeyCreate, caller: AdminCaller) -> dict:
    unknown = sorted(set(body.scopes) - set(SCOPES))
    if unknown:
        raise Problem(422, "Unknown scope", ", ".join(unknown), errors=[{"field": "body.scopes", "message": f"allowed: {', '.join(SCOPES)}"}])
    async with request.app.state.runtime.units_of_work() as uow:
        api_key, secret = await api_keys.issue_key(uow, tenant_id=UUID(caller.tenant_id), scopes=body.scopes)
    return {**_public(api_key), "api_key": secret}


@router.get("", response_model=ApiKeyList)
async def list_keys(request: Request, caller: AdminCaller) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        keys = await api_keys.list_keys(uow, tenant_id=UUID(caller.tenant_id))
    return {"items": [_public(k) for k in keys]}


@router.delete("/{key_id}", response_model=ApiKeyOut)
async def revoke_key(request: Request, key_id: Annotated[UUID, Path()], caller: AdminCaller) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        api_key = await api_keys.revoke_key(uow, tenant_id=UUID(caller.tenant_id), key_id=key_id)
    request.app.state.credentials.forget_key(key_id)
    if api_key is None:
        raise Problem(404, "Key not found")
    return _public(api_key)
