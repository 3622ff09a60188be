"""Internal reports of the payments service: ledger balances, recent charges and the suspense queue."""
from datetime import datetime, timedelta, timezone
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from sqlalchemy import func, select

from shared.contracts.api.reports import PaymentFigures
from shared.http.auth import CallerDep
from shared.http.reports import AllTenants, report_tenant, scoped
from services.payments.adapters.tables import BilledClaim, SuspenseItem, TenantAccountBalance

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


async def payment_figures(session, tenant_id: UUID | None, *, days: int) -> dict:
    balances = dict((await session.execute(scoped(
        select(TenantAccountBalance.account, func.sum(TenantAccountBalance.amount))
        .group_by(TenantAccountBalance.account), TenantAccountBalance.tenant_id, tenant_id))).all())
    since = datetime.now(timezone.utc) - timedelta(days=days)
    recent = (await session.execute(scoped(
        select(func.coalesce(func.sum(BilledClaim.total_charge), 0)).where(BilledClaim.submitted_at >= since),
        BilledClaim.tenant_id, tenant_id))).scalar_one()
    suspense = (await session.execute(scoped(
        select(func.count()).select_from(SuspenseItem).where(SuspenseItem.status == "open"),
        SuspenseItem.tenant_id, tenant_id))).scalar_one()
    return {"account_balances": {k: str(v) for k, v in balances.items()}, "period_days": days,
            "charges_in_period": str(recent), "suspense_open": suspense}


@router.get("/payments", response_model=PaymentFigures)
async def payments_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False,
                          days: Annotated[int, Query(ge=1, le=730)] = 90) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        return await payment_figures(uow.session, tenant_id, days=days)
