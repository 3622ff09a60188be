"""Internal reports of the claims service: claims by status, clean claims, first-pass outcomes, by payer."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.contracts.api.reports import ClaimFigures, ClaimLookup
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from shared.http.reports import AllTenants, report_tenant, require_ops

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


@router.get("/claims", response_model=ClaimFigures)
async def claims_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        return await uow.reports.figures(tenant_id)


@router.get("/lookup/{any_id}", response_model=ClaimLookup)
async def lookup(request: Request, any_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    """Ops search: a claim by its id or its encounter's id, across tenants, with its timeline. No PHI."""
    require_ops(caller)
    async with request.app.state.runtime.units_of_work() as uow:
        claim, events = await uow.reports.find_for_ops(any_id)
    if claim is None:
        raise Problem(404, "Claim not found")
    return {"service": "claims", "tenant_id": str(claim.tenant_id), "claim_id": str(claim.id),
            "encounter_id": str(claim.encounter_id), "status": claim.status, "payer_id": claim.payer_id,
            "edits": claim.edits, "timeline": [{"event": e.event, "status": e.status, "at": e.at.isoformat(),
                                                "detail": e.detail} for e in events]}
