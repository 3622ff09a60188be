"""Internal HTTP API of the coding service (reached through the gateway with a signed token)."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from shared.contracts.api import coding as api
from shared.contracts.requests import CodingReview, CodingSettings
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.coding.application import provider_queries as queries
from services.coding.application import review as handlers
from services.coding.application import tenant_settings as coding_settings

router = APIRouter(prefix="/internal", tags=["coding"])


@router.get("/encounters/{encounter_id}", response_model=api.CodedEncounter)
async def get_encounter(request: Request, encounter_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        row = await handlers.find_encounter(uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id)
    if row is None:
        raise Problem(404, "Encounter not found")
    return {
        "encounter_id": str(row.encounter_id),
        "external_id": row.external_id,
        "status": row.status,
        "claim_id": str(row.claim_id) if row.claim_id else None,
        "diagnoses": row.diagnoses,
        "procedures": row.procedures,
        "edits": row.edits,
        "suggestions": row.suggestions,
        "assigned_to": row.assigned_to,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }


@router.get("/review-queue", response_model=api.ReviewQueue)
async def review_queue(request: Request, caller: CallerDep, query: Annotated[api.ReviewQueueSearch, Query()]) -> dict:
    limit = query.limit
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await handlers.list_review_queue(uow, tenant_id=UUID(caller.tenant_id), limit=limit,
                                                after=query.cursor, edit_id=query.edit_id,
                                                assigned_to=query.assigned_to)
        waiting = await queries.open_for(uow, UUID(caller.tenant_id), [r.encounter_id for r in rows])
    return {"items": [{"encounter_id": str(r.encounter_id), "external_id": r.external_id, "edits": r.edits,
                       "suggestions": r.suggestions, "diagnoses": r.diagnoses, "procedures": r.procedures,
                       "assigned_to": r.assigned_to,
                       "open_query": queries.public(waiting[r.encounter_id]) if r.encounter_id in waiting else None,
                       "received_at": r.created_at.isoformat() if r.created_at else None} for r in rows],
            "next_cursor": str(rows[-1].encounter_id) if len(rows) == limit else None}


@router.post("/encounters/{encounter_id}/claim", response_model=api.ReviewClaimed)
async def claim(request: Request, encounter_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    """The calling coder takes the review item."""
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            row = await handlers.claim_review_item(uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id,
                                                   coder=f"key:{caller.key_id}")
    except handlers.ReviewRejected as exc:
        raise Problem(exc.status, exc.title, errors=exc.edits) from exc
    if row is None:
        raise Problem(404, "Encounter not found")
    return {"encounter_id": str(row.encounter_id), "status": row.status, "assigned_to": row.assigned_to}


@router.post("/encounters/{encounter_id}/review", response_model=api.ReviewDone)
async def review(request: Request, encounter_id: Annotated[UUID, Path()], body: CodingReview, caller: CallerDep) -> dict:
    state = request.app.state
    try:
        async with state.runtime.units_of_work() as uow:
            row = await handlers.review_encounter(
                uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id, coder=f"key:{caller.key_id}",
                diagnoses=body.diagnoses, procedures=[p.model_dump() for p in body.procedures], reason=body.reason,
                coding=state.coder)
    except handlers.ReviewRejected as exc:
        raise Problem(exc.status, exc.title, errors=exc.edits) from exc
    if row is None:
        raise Problem(404, "Encounter not found")
    return {"encounter_id": str(row.encounter_id), "status": row.status,
            "claim_id": str(row.claim_id) if row.claim_id else None}


@router.get("/encounters/{encounter_id}/audit", response_model=api.CodingAuditTrail)
async def audit(request: Request, encounter_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        if await handlers.find_encounter(uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id) is None:
            raise Problem(404, "Encounter not found")
        rows = await handlers.audit_trail(uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id)
    return {"items": [{"actor": r.actor, "action": r.action, "before": r.before, "after": r.after,
                       "reason": r.reason, "at": r.at.isoformat()} for r in rows]}


def _admin(caller) -> None:
    if "admin" not in caller.scopes:
        raise Problem(403, "Forbidden", "this key lacks the admin scope")


@router.get("/settings", response_model=api.CodingSettingsView)
async def get_settings(request: Request, caller: CallerDep) -> dict:
    _admin(caller)
    async with request.app.state.runtime.units_of_work() as uow:
        return await coding_settings.tenant_settings(uow, tenant_id=UUID(caller.tenant_id),
                                                     coder=request.app.state.coder)


@router.put("/settings", response_model=api.CodingSettingsView)
async def put_settings(request: Request, body: CodingSettings, caller: CallerDep) -> dict:
    _admin(caller)
    coder = request.app.state.coder
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            await coding_settings.replace_settings(uow, tenant_id=UUID(caller.tenant_id), coder=coder,
                                                   requested=coding_settings.RequestedSettings(**body.model_dump()),
                                                   actor=f"key:{caller.key_id}")
    except coding_settings.SettingsRejected as exc:
        raise Problem(422, "Coding settings are not acceptable", exc.message,
                      errors=[{"field": f"body.{exc.field}", "message": exc.message}]) from exc
    async with request.app.state.runtime.units_of_work() as uow:
        return await coding_settings.tenant_settings(uow, tenant_id=UUID(caller.tenant_id), coder=coder)
