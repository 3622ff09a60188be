"""Internal reports of the denials service: denied claims by category, reason (CARC) and payer."""
from uuid import UUID

from fastapi import APIRouter, Request
from sqlalchemy import func, select

from shared.contracts.api.reports import DenialFigures
from shared.http.auth import CallerDep
from shared.http.reports import AllTenants, report_tenant, scoped
from services.denials.adapters.tables import Denial

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)


async def denial_figures(session, tenant_id: UUID | None) -> dict:
    """Counts are of distinct claims: a claim with two denied lines is one denied claim."""
    async def claims_by(column) -> dict[str, int]:
        query = scoped(select(column, func.count(func.distinct(Denial.claim_id))).group_by(column),
                       Denial.tenant_id, tenant_id)
        return {str(k): n for k, n in (await session.execute(query)).all()}

    denied = (await session.execute(scoped(select(func.count(func.distinct(Denial.claim_id))),
                                           Denial.tenant_id, tenant_id))).scalar_one()
    reasons = scoped(select(func.unnest(Denial.carc_codes).label("carc"), Denial.claim_id),
                     Denial.tenant_id, tenant_id).subquery()
    by_carc = (await session.execute(select(reasons.c.carc, func.count(func.distinct(reasons.c.claim_id)))
                                     .group_by(reasons.c.carc))).all()
    return {"denied_claims": denied, "by_category": await claims_by(Denial.category),
            "by_payer": await claims_by(Denial.payer_id), "by_carc": dict(by_carc),
            "open": (await claims_by(Denial.status)).get("open", 0)}


@router.get("/denials", response_model=DenialFigures)
async def denials_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        return await denial_figures(uow.session, tenant_id)
