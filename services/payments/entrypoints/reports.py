"""Internal reports of the payments service: ledger balances, recent charges and the suspense queue."""
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Query, Request

from shared.contracts.api.reports import PaymentFigures
from shared.http.auth import CallerDep
from shared.http.reports import AllTenants, report_tenant

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


@router.get("/payments", response_model=PaymentFigures)
async def payments_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False,
                          days: Annotated[int, Query(ge=1, le=730)] = 90) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    since = datetime.now(timezone.utc) - timedelta(days=days)
    async with request.app.state.runtime.units_of_work() as uow:
        balances, recent, suspense = await uow.reports.dashboard(tenant_id, since)
    return {"account_balances": {k: str(v) for k, v in balances.items()}, "period_days": days,
            "charges_in_period": str(recent), "suspense_open": suspense}
