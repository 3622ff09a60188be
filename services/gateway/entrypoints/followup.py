"""Follow-up work: the overdue-claims queue, notes with next-action dates, the submission lag KPI, and the
payer answers (271, 277) held because they could not be applied. Forwarded to claims, tenant-scoped."""
from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request

from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller
from services.gateway.exports.formats import ExportFormat, requested_export
from services.gateway.exports.respond import EXPORT_RESPONSES, FORMAT_DESCRIPTION, file_response
from services.gateway.exports.sheets import sheet_of
from services.gateway.openapi import json_body
from shared.contracts.requests import FollowUpNote

router = APIRouter(tags=["follow-up"])
ClaimId = Annotated[UUID, Path()]


async def _claims(request: Request, method: str, path: str, caller, **kwargs) -> dict:
    response = await request.app.state.upstreams["claims"].request(method, path, caller, **kwargs)
    raise_for_problem(response)
    return response.json()


@router.get("/v1/follow-up", responses=EXPORT_RESPONSES)
async def follow_up_queue(request: Request, caller: ReadCaller, payer_id: str | None = None, due_only: bool = False,
                          limit: Annotated[int, Query(ge=1, le=500)] = 50,
                          file_format: Annotated[ExportFormat | None, Query(alias="format", description=FORMAT_DESCRIPTION)] = None):
    """Claims past their payer's expected days without a remittance, largest and oldest first."""
    params = {"due_only": str(due_only).lower(), "limit": limit, **({"payer_id": payer_id} if payer_id else {})}
    queue = await _claims(request, "GET", "/internal/follow-up", caller, params=params)
    export = requested_export(file_format, request.headers.get("accept"))
    return queue if export is None else file_response([sheet_of("follow_up", queue["items"])], export, "follow-up")


@router.post("/v1/claims/{claim_id}/notes", status_code=201, openapi_extra=json_body(FollowUpNote))
async def add_note(request: Request, claim_id: ClaimId, caller: WriteCaller) -> dict:
    """A follow-up note: `{note, next_action_on?}`; the date sets when the claim is due again in the queue."""
    return await _claims(request, "POST", f"/internal/claims/{claim_id}/notes", caller, content=await request.body(),
                         headers={"content-type": "application/json"})


@router.get("/v1/claims/{claim_id}/notes")
async def list_notes(request: Request, claim_id: ClaimId, caller: ReadCaller) -> dict:
    return await _claims(request, "GET", f"/internal/claims/{claim_id}/notes", caller)


@router.get("/v1/reports/submission-lag")
async def submission_lag(request: Request, caller: ReadCaller, since: date | None = None) -> dict:
    """Days from date of service to first submission: count, mean, median, 90th percentile, max; per payer."""
    return await _claims(request, "GET", "/internal/reports/submission-lag", caller,
                         params={"since": since.isoformat()} if since else None)


@router.get("/v1/payer-responses/held")
async def held_payer_responses(request: Request, caller: ReadCaller,
                               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict:
    """Eligibility and status answers that could not be applied (unreadable, unknown claim), with the reason."""
    return await _claims(request, "GET", "/internal/clearinghouse/held", caller, params={"limit": limit})
