"""Internal HTTP API of the denials service: the work queue."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.denials import handlers

router = APIRouter(prefix="/internal", tags=["denials"])


def denial_public(d) -> dict:
    return {
        "denial_id": str(d.id), "claim_id": str(d.claim_id), "remit_id": d.remit_id, "payer_id": d.payer_id,
        "level": d.level, "line_number": d.line_number, "procedure_code": d.procedure_code,
        "carc_codes": d.carc_codes, "rarc_codes": d.rarc_codes, "category": d.category,
        "preventable": d.preventable, "recommended_action": d.recommended_action, "explanation": d.explanation,
        "amount": str(d.amount), "status": d.status, "priority": d.priority,
        "appeal_deadline": d.appeal_deadline.isoformat(), "sla_due": d.sla_due.isoformat(), "assignee": d.assignee,
        "opened_at": d.opened_at.isoformat(),
    }


@router.get("/denials")
async def list_denials(
    request: Request, caller: CallerDep, status: str | None = None, category: str | None = None,
    payer_id: str | None = None, claim_id: UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50, cursor: UUID | None = None,
) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await handlers.list_denials(
            uow, tenant_id=UUID(caller.tenant_id), limit=limit, after=str(cursor) if cursor else None,
            filters={"status": status, "category": category, "payer_id": payer_id, "claim_id": claim_id})
    return {"items": [denial_public(d) for d in rows],
            "next_cursor": str(rows[-1].id) if len(rows) == limit else None}


class WriteOff(BaseModel):
    reason: str = Field(min_length=3, max_length=500)


class Appeal(BaseModel):
    note: str = Field(default="", max_length=4000)


async def _run(request: Request, action, **kwargs):
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            result = await action(uow, **kwargs)
    except handlers.ActionRefused as exc:
        raise Problem(409, "Action not allowed", str(exc)) from exc
    if result is None:
        raise Problem(404, "Denial not found")
    return result


@router.post("/denials/{denial_id}/write-off")
async def write_off(request: Request, denial_id: UUID, body: WriteOff, caller: CallerDep) -> dict:
    denial = await _run(request, handlers.write_off, tenant_id=UUID(caller.tenant_id), denial_id=denial_id,
                        actor=f"key:{caller.key_id}", reason=body.reason)
    return denial_public(denial)


@router.post("/denials/{denial_id}/appeal")
async def appeal(request: Request, denial_id: UUID, body: Appeal, caller: CallerDep) -> dict:
    denial, letter = await _run(request, handlers.appeal, tenant_id=UUID(caller.tenant_id), denial_id=denial_id,
                                actor=f"key:{caller.key_id}", note=body.note)
    return {**denial_public(denial), "appeal_letter_html": letter}
