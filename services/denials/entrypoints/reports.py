"""Internal reports of the denials service: denied claims by category, reason (CARC) and payer."""
from fastapi import APIRouter, Request

from shared.contracts.api.reports import DenialFigures
from shared.http.auth import CallerDep
from shared.http.reports import AllTenants, report_tenant

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


@router.get("/denials", response_model=DenialFigures)
async def denials_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        return await uow.reports.figures(tenant_id)
