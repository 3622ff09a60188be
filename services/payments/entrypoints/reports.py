"""Internal reports of the payments service: ledger balances, recent charges and the suspense queue."""
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Query, Request

from shared.contracts.api.reports import PaymentFigures
from shared.http.auth import CallerDep
from shared.http.reports import AllTenants, report_tenant
from services.payments.application import reports

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


@router.get("/payments", response_model=PaymentFigures)
async def payments_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False,
                          days: Annotated[int, Query(ge=1, le=730)] = 90) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    since = datetime.now(timezone.utc) - timedelta(days=days)
    async with request.app.state.runtime.units_of_work() as uow:
        figures = await reports.dashboard_figures(uow, tenant_id=tenant_id, since=since)
    return {**figures, "period_days": days}
