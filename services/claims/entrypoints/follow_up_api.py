"""Internal HTTP API for follow-up: the overdue-claims queue, notes, the submission lag KPI, held answers."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request

from shared.contracts.api import claims as api
from shared.contracts.requests import FollowUpNote
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims.application import follow_up

router = APIRouter(prefix="/internal", tags=["follow-up"])


def _now(request: Request):
    return request.app.state.clock()


@router.get("/follow-up", response_model=api.FollowUpQueue)
async def follow_up_queue(request: Request, caller: CallerDep, query: Annotated[api.FollowUpQuery, Query()]) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        items = await follow_up.follow_up_queue(uow, tenant_id=UUID(caller.tenant_id), **query.model_dump())
    return {"items": items}


@router.post("/claims/{claim_id}/notes", status_code=201, response_model=api.Note)
async def add_note(request: Request, claim_id: Annotated[UUID, Path()], body: FollowUpNote, caller: CallerDep) -> dict:
    if body.next_action_on and body.next_action_on < _now(request).date():
        raise Problem(422, "The next action date is in the past",
                      errors=[{"field": "body.next_action_on", "message": "must be today or later"}])
    async with request.app.state.runtime.units_of_work() as uow:
        note = await follow_up.add_note(uow, tenant_id=UUID(caller.tenant_id), claim_id=claim_id, note=body.note,
                                        next_action_on=body.next_action_on, author=f"key:{caller.key_id}")
    if note is None:
        raise Problem(404, "Claim not found")
    return note


@router.get("/claims/{claim_id}/notes", response_model=api.NoteList)
async def list_notes(request: Request, claim_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        notes = await follow_up.list_notes(uow, tenant_id=UUID(caller.tenant_id), claim_id=claim_id)
    if notes is None:
        raise Problem(404, "Claim not found")
    return {"items": notes}


@router.get("/reports/submission-lag", response_model=api.SubmissionLag)
async def submission_lag(request: Request, caller: CallerDep,
                         query: Annotated[api.SubmissionLagQuery, Query()]) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        return await follow_up.lag_report(uow, tenant_id=UUID(caller.tenant_id), since=query.since)


@router.get("/clearinghouse/held", response_model=api.HeldResponses)
async def held_responses(request: Request, caller: CallerDep, query: Annotated[api.HeldQuery, Query()]) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        return {"items": await follow_up.held_responses(uow, tenant_id=UUID(caller.tenant_id), limit=query.limit)}
