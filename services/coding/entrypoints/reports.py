"""Internal reports of the coding service: encounters by coding status, and one encounter for ops."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.contracts.api.reports import CodingFigures, EncounterLookup
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from shared.http.reports import AllTenants, report_tenant, require_ops

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


@router.get("/coding", response_model=CodingFigures)
async def coding_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        counts = await uow.reports.status_counts(tenant_id)
    return {"encounters_by_status": counts, "review_queue": counts.get("needs_review", 0)}


@router.get("/lookup/{any_id}", response_model=EncounterLookup)
async def lookup(request: Request, any_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    """Ops search: an encounter by its id or by its claim's id, across tenants. Codes and edits, no PHI."""
    require_ops(caller)
    async with request.app.state.runtime.units_of_work() as uow:
        row = await uow.reports.find_for_ops(any_id)
    if row is None:
        raise Problem(404, "Encounter not found")
    return {"service": "coding", "tenant_id": str(row.tenant_id), "encounter_id": str(row.encounter_id),
            "status": row.status, "claim_id": str(row.claim_id) if row.claim_id else None, "edits": row.edits,
            "updated_at": row.updated_at.isoformat() if row.updated_at else None}
