"""Internal reports of the claims service: claims by status, clean claims, first-pass outcomes, by payer."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from sqlalchemy import and_, exists, func, or_, select

from shared.contracts.api.reports import ClaimFigures, ClaimLookup
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from shared.http.reports import AllTenants, report_tenant, require_ops, scoped
from services.claims.adapters.tables import Claim, ClaimEvent

router = APIRouter(prefix="/internal/reports", tags=["reports"], include_in_schema=False)
REWORK_EVENTS = ("held", "rejected")


async def claim_figures(session, tenant_id: UUID | None) -> dict:
    by_status = dict((await session.execute(scoped(
        select(Claim.status, func.count()).group_by(Claim.status), Claim.tenant_id, tenant_id))).all())
    reworked = exists().where(ClaimEvent.claim_id == Claim.id, ClaimEvent.event.in_(REWORK_EVENTS),
                              ClaimEvent.tenant_id == Claim.tenant_id)
    decided = scoped(select(func.count(), func.count().filter(~reworked)).where(Claim.status != "built"),
                     Claim.tenant_id, tenant_id)
    scrubbed, clean = (await session.execute(decided)).one()
    return {"by_status": by_status, "scrubbed": scrubbed, "clean": clean,
            "adjudication": await _first_adjudications(session, tenant_id)}


async def _first_adjudications(session, tenant_id: UUID | None) -> dict:
    """Per payer: claims adjudicated, and those whose first adjudication paid an original claim in full."""
    first = (scoped(select(ClaimEvent.claim_id, ClaimEvent.status).where(ClaimEvent.event == "adjudicated"),
                    ClaimEvent.tenant_id, tenant_id)
             .distinct(ClaimEvent.claim_id).order_by(ClaimEvent.claim_id, ClaimEvent.id).subquery())
    paid_first = and_(first.c.status == "paid", Claim.frequency_code == "1")
    query = scoped(select(Claim.payer_id, func.count(), func.count().filter(paid_first))
                   .join(first, first.c.claim_id == Claim.id).group_by(Claim.payer_id), Claim.tenant_id, tenant_id)
    return {payer: {"adjudicated": n, "first_pass_paid": paid} for payer, n, paid in (await session.execute(query)).all()}


async def find_for_ops(session, any_id: UUID) -> tuple[Claim | None, list[ClaimEvent]]:
    claim = (await session.execute(select(Claim).where(or_(Claim.id == any_id, Claim.encounter_id == any_id))
                                   .order_by(Claim.created_at.desc()).limit(1))).scalar_one_or_none()
    if claim is None:
        return None, []
    events = await session.execute(select(ClaimEvent).where(ClaimEvent.claim_id == claim.id).order_by(ClaimEvent.id))
    return claim, list(events.scalars())


@router.get("/claims", response_model=ClaimFigures)
async def claims_report(request: Request, caller: CallerDep, all_tenants: AllTenants = False) -> dict:
    tenant_id = report_tenant(caller, all_tenants)
    async with request.app.state.runtime.units_of_work() as uow:
        return await claim_figures(uow.session, tenant_id)


@router.get("/lookup/{any_id}", response_model=ClaimLookup)
async def lookup(request: Request, any_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    """Ops search: a claim by its id or its encounter's id, across tenants, with its timeline. No PHI."""
    require_ops(caller)
    async with request.app.state.runtime.units_of_work() as uow:
        claim, events = await find_for_ops(uow.session, any_id)
    if claim is None:
        raise Problem(404, "Claim not found")
    return {"service": "claims", "tenant_id": str(claim.tenant_id), "claim_id": str(claim.id),
            "encounter_id": str(claim.encounter_id), "status": claim.status, "payer_id": claim.payer_id,
            "edits": claim.edits, "timeline": [{"event": e.event, "status": e.status, "at": e.at.isoformat(),
                                                "detail": e.detail} for e in events]}
