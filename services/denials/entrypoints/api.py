"""Internal HTTP API of the denials service: the work queue, its actions, and the analytics."""
from datetime import date, datetime, timedelta, timezone
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from shared.contracts.api import denials as api
from shared.contracts.denial import (
    AppealDenial,
    AppealOutcome,
    AssignDenial,
    BulkDenialAction,
    ClaimCorrection,
    WriteOffDenial,
)
from shared.db.engine import statement_connection
from shared.http.actions import run_action
from shared.http.auth import CallerDep, caller_of
from shared.http.fast_path import fast_route
from shared.http.json_response import model_bytes
from shared.http.problems import Problem
from services.denials.application import appeals
from services.denials.application.analytics import denial_analytics
from services.denials.application import work_queue as handlers
from services.denials.adapters import claim_denials as by_claim
from services.denials.adapters.appeal_letter_pdf import appeal_letter_pdf
from services.denials.domain.appeal_letter import render_appeal_letter
from services.denials.domain.queue import breach_risk, business_days_between

router = APIRouter(prefix="/internal", tags=["denials"])
FIRST_PAGE = api.DenialListQuery.model_fields["limit"].default


def today() -> date:
    return datetime.now(timezone.utc).date()


def denial_public(d, *, on: date | None = None) -> dict:
    """Every field of api.Denial, ids, days and instants as themselves: a response model or
    `model_bytes` writes them."""
    on = on or today()
    opened_on = d.opened_at.date() if d.opened_at else on
    return {
        "denial_id": d.id, "claim_id": d.claim_id, "remit_id": d.remit_id, "payer_id": d.payer_id,
        "level": d.level, "line_number": d.line_number, "procedure_code": d.procedure_code,
        "carc_codes": d.carc_codes, "rarc_codes": d.rarc_codes, "category": d.category,
        "preventable": d.preventable, "recommended_action": d.recommended_action, "explanation": d.explanation,
        "amount": str(d.amount), "partial": d.partial, "payer_claim_number": d.payer_claim_number,
        "status": d.status, "priority": d.priority, "assignee": d.assignee,
        "appeal_deadline": d.appeal_deadline, "days_to_appeal_deadline": (d.appeal_deadline - on).days,
        "sla_due": d.sla_due,
        "sla": "met" if d.acted_at and d.acted_at.date() <= d.sla_due else
               ("missed" if d.acted_at else breach_risk(opened_on, on)),
        "business_days_to_sla": business_days_between(on, d.sla_due),
        "opened_at": d.opened_at, "acted_at": d.acted_at, "resolved_at": d.resolved_at,
    }


def _page(rows, limit: int) -> dict:
    return {"items": [denial_public(d) for d in rows],
            "next_cursor": f"{rows[-1].priority}:{rows[-1].id}" if len(rows) == limit else None}


@router.get("/denials", response_model=api.DenialPage)
async def list_denials(request: Request, caller: CallerDep, query: Annotated[api.DenialListQuery, Query()]) -> dict:
    """A page after a cursor is read in a transaction: its plan is made with the cursor's values
    (`plan_with_values`), which a reading unit of work (autocommit) cannot hold."""
    units_of_work = request.app.state.runtime.units_of_work
    async with (units_of_work() if query.cursor else units_of_work.reading()) as uow:
        rows = await handlers.list_denials(
            uow, tenant_id=UUID(caller.tenant_id), limit=query.limit, after=query.cursor,
            filters=query.model_dump(exclude={"limit", "cursor"}))
    return _page(rows, query.limit)


@router.get("/claims/{claim_id}/denials", response_model=api.DenialPage)
@fast_route
async def claim_denials(request: Request, claim_id: UUID) -> Response:
    """Read by the gateway for every claim view: the first page of GET /denials?claim_id= in one statement,
    answered as the model's bytes on the fast path (`shared.http.fast_path`); an empty page for a claim of
    another tenant. The caller is checked in the body."""
    caller = caller_of(request)
    async with statement_connection(request.app.state.runtime.engine) as connection:
        rows = await by_claim.claim_denials(connection, tenant_id=UUID(caller.tenant_id), claim_id=claim_id,
                                            limit=FIRST_PAGE)
    return model_bytes(_page(rows, FIRST_PAGE))


@router.get("/denials/analytics", response_model=api.DenialAnalytics)
async def analytics(request: Request, caller: CallerDep, query: Annotated[api.AnalyticsQuery, Query()]) -> dict:
    end = query.end or today()
    start = query.start or end - timedelta(days=365)
    top = query.top
    if start > end:
        raise Problem(422, "Invalid period", "'from' is after 'to'")
    async with request.app.state.runtime.units_of_work() as uow:
        figures = await denial_analytics(uow, tenant_id=UUID(caller.tenant_id), start=start, end=end, top=top)
    return {"from": start.isoformat(), "to": end.isoformat(), **figures}


@router.get("/denials/{denial_id}", response_model=api.DenialDetail)
async def get_denial(request: Request, denial_id: UUID, caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        denial = await handlers.find_denial(uow, tenant_id=UUID(caller.tenant_id), denial_id=denial_id)
        if denial is None:
            raise Problem(404, "Denial not found")
        history = await handlers.actions(uow, denial)
    return {**denial_public(denial), "actions": [
        {"action": a.action, "actor": a.actor, "at": a.at.isoformat(),
         "detail": {k: v for k, v in a.detail.items() if k != "letter"}} for a in history]}


async def _run(request: Request, action, **kwargs):
    return await run_action(request, action, refused=handlers.ActionRefused, not_found="Denial not found", **kwargs)


def _who(caller) -> dict:
    return {"tenant_id": UUID(caller.tenant_id), "actor": f"key:{caller.key_id}"}


@router.post("/denials/bulk", response_model=api.BulkResult)
async def bulk(request: Request, body: BulkDenialAction, caller: CallerDep) -> dict:
    """Each denial in its own transaction: one that cannot take the action does not stop the others."""
    if body.action == "write-off" and not body.reason:
        raise Problem(422, "A bulk write-off needs a reason", errors=[{"field": "reason", "message": "required"}])
    results = []
    for raw_id in dict.fromkeys(body.denial_ids):
        try:
            denial_id = UUID(raw_id)
        except ValueError:
            results.append({"denial_id": raw_id, "status": 422, "detail": "not a denial id"})
            continue
        try:
            if body.action == "assign":
                denial = await _run(request, handlers.assign, denial_id=denial_id, assignee=body.assignee,
                                    **_who(caller))
            else:
                denial = await _run(request, handlers.write_off, denial_id=denial_id, reason=body.reason,
                                    **_who(caller))
            results.append({"denial_id": raw_id, "status": 200, "denial_status": denial.status})
        except Problem as problem:
            results.append({"denial_id": raw_id, "status": problem.status, "detail": problem.detail or problem.title})
    return {"action": body.action, "results": results,
            "succeeded": sum(r["status"] == 200 for r in results), "failed": sum(r["status"] != 200 for r in results)}


@router.post("/denials/{denial_id}/assign", response_model=api.Denial)
async def assign(request: Request, denial_id: UUID, body: AssignDenial, caller: CallerDep) -> dict:
    return denial_public(await _run(request, handlers.assign, denial_id=denial_id, assignee=body.assignee,
                                    **_who(caller)))


@router.post("/denials/{denial_id}/write-off", response_model=api.Denial)
async def write_off(request: Request, denial_id: UUID, body: WriteOffDenial, caller: CallerDep) -> dict:
    return denial_public(await _run(request, handlers.write_off, denial_id=denial_id, reason=body.reason,
                                    **_who(caller)))


@router.post("/denials/{denial_id}/appeal", response_model=api.AppealRecorded)
async def appeal(request: Request, denial_id: UUID, body: AppealDenial, caller: CallerDep) -> dict:
    denial, letter = await _run(request, appeals.appeal, denial_id=denial_id, note=body.note,
                                enclosures=body.enclosures, today=today(), **_who(caller))
    return {**denial_public(denial), "appeal_letter_html": letter}


@router.get("/denials/{denial_id}/appeal-letter", response_class=Response)
async def appeal_letter(request: Request, denial_id: UUID, caller: CallerDep) -> Response:
    """The latest appeal's letter: PDF when the Accept header asks for it, else HTML."""
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            facts = await appeals.appeal_letter_facts(uow, tenant_id=UUID(caller.tenant_id), denial_id=denial_id)
    except appeals.NoAppeal as exc:
        raise Problem(404, "No appeal letter", str(exc)) from exc
    if facts is None:
        raise Problem(404, "Denial not found")
    if "application/pdf" in request.headers.get("accept", ""):
        return Response(appeal_letter_pdf(facts), media_type="application/pdf")
    return Response(render_appeal_letter(facts), media_type="text/html; charset=utf-8")


@router.post("/denials/{denial_id}/appeal-outcome", response_model=api.Denial)
async def appeal_outcome(request: Request, denial_id: UUID, body: AppealOutcome, caller: CallerDep) -> dict:
    return denial_public(await _run(request, handlers.record_appeal_outcome, denial_id=denial_id,
                                    outcome=body.outcome, note=body.note, **_who(caller)))


@router.post("/denials/{denial_id}/correct", response_model=api.Denial)
async def correct(request: Request, denial_id: UUID, body: ClaimCorrection, caller: CallerDep) -> dict:
    if body.procedures is None and body.diagnoses is None and body.prior_authorization is None:
        raise Problem(422, "Nothing to correct", "give procedures, diagnoses or prior_authorization")
    correction = body.model_dump(mode="json", exclude_none=True)
    return denial_public(await _run(request, handlers.correct, denial_id=denial_id, correction=correction,
                                    **_who(caller)))
