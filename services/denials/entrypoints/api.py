"""Internal HTTP API of the denials service: the work queue."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request

from shared.http.auth import CallerDep
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
