"""The audit log through the API: a tenant's admin reads its own entries; the operator verifies the chain."""
from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from services.gateway.application import read_audit
from services.gateway.entrypoints.cursors import AUDIT_SEQ_MAX
from services.gateway.entrypoints.auth import AdminCaller, Operator

router = APIRouter(tags=["audit"])


class AuditEntryOut(BaseModel):
    seq: int
    at: datetime
    key_id: UUID
    action: str = Field(examples=["read", "read:837", "create", "appeal"])
    object_type: str = Field(examples=["claim"])
    object_id: str | None
    outcome: int = Field(description="The HTTP status the gateway answered", examples=[200])
    hash: str


class AuditPage(BaseModel):
    items: list[AuditEntryOut]
    next_cursor: int | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


class ChainReport(BaseModel):
    ok: bool
    entries: int
    last_hash: str
    first_bad_seq: int | None = None
    reason: str | None = None


@router.get("/v1/audit", response_model=AuditPage)
async def list_audit(request: Request, caller: AdminCaller, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                     cursor: Annotated[int | None, Query(ge=1, le=AUDIT_SEQ_MAX)] = None,
                     object_type: Annotated[str | None, Query(max_length=40)] = None,
                     object_id: Annotated[str | None, Query(max_length=80)] = None) -> AuditPage:
    """Who read or changed which patient data of this tenant, newest first."""
    rows = await read_audit.entries(request.app.state.runtime.units_of_work, tenant_id=UUID(caller.tenant_id),
                                   limit=limit, before_seq=cursor, object_type=object_type, object_id=object_id)
    items = [AuditEntryOut.model_validate(r, from_attributes=True) for r in rows]
    return AuditPage(items=items, next_cursor=rows[-1].seq if len(rows) == limit else None)


@router.get("/v1/admin/audit/verify", response_model=ChainReport)
async def verify_audit_chain(request: Request, _: Operator) -> ChainReport:
    """Recomputes every hash of the chain (all tenants); names the first entry that does not match."""
    check = await read_audit.verify(request.app.state.runtime.units_of_work)
    return ChainReport(**check.__dict__)
