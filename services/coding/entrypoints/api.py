"""Internal HTTP API of the coding service (reached through the gateway with a signed token)."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.coding import handlers

router = APIRouter(prefix="/internal", tags=["coding"])


@router.get("/encounters/{encounter_id}")
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
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }
