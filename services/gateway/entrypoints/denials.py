"""The denials work queue through the gateway: list, inspect, act (alone or in bulk), and analytics.

Bodies are checked here against the public contract, then forwarded; the denials service scopes
every query by the token's tenant, so a foreign denial id answers 404.
"""
from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from shared.contracts.denial import (
    AppealDenial,
    AppealOutcome,
    AssignDenial,
    BulkDenialAction,
    ClaimCorrection,
    WriteOffDenial,
)
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller
from services.gateway.exports.formats import PDF, ExportFormat, requested_export
from services.gateway.exports.respond import EXPORT_RESPONSES, FORMAT_DESCRIPTION, every_page, file_response
from services.gateway.exports.sheets import denial_analytics_sheets, sheet_of

router = APIRouter(tags=["denials"])
DenialId = Annotated[UUID, Path()]
# "<priority>:<denial uuid>", the next_cursor of the previous page (a strict UUID: schemathesis found
# that a looser pattern let "---…" through to a 500 in the denials service).
CURSOR = r"^[0-9]{1,3}:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


async def _forward(request: Request, caller, method: str, path: str, *, body: BaseModel | None = None,
                   params: dict | None = None) -> dict:
    kwargs: dict = {"params": {k: str(v) for k, v in (params or {}).items() if v is not None}}
    if body is not None:
        kwargs.update(content=body.model_dump_json(exclude_unset=True), headers={"content-type": "application/json"})
    response = await request.app.state.upstreams["denials"].request(method, path, caller, **kwargs)
    raise_for_problem(response)
    return response.json()


@router.get("/v1/denials", responses=EXPORT_RESPONSES)
async def list_denials(
    request: Request, caller: ReadCaller, status: str | None = None, category: str | None = None,
    payer_id: str | None = None, claim_id: UUID | None = None, assignee: str | None = None,
    preventable: bool | None = None, limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(pattern=CURSOR)] = None,
    file_format: Annotated[ExportFormat | None, Query(alias="format", description=FORMAT_DESCRIPTION)] = None,
):
    """The work queue, highest priority first, with SLA and appeal-deadline timers."""
    filters = dict(status=status, category=category, payer_id=payer_id, claim_id=claim_id, assignee=assignee,
                   preventable=None if preventable is None else str(preventable).lower())
    export = requested_export(file_format, request.headers.get("accept"))
    if export is None:
        return await _forward(request, caller, "GET", "/internal/denials", params={**filters, "limit": limit,
                                                                                   "cursor": cursor})
    items = await every_page(lambda after: _forward(request, caller, "GET", "/internal/denials",
                                                    params={**filters, "limit": 200, "cursor": after}))
    return file_response([sheet_of("denials", items)], export, "denial-queue")


@router.get("/v1/denials/analytics", responses=EXPORT_RESPONSES)
async def denial_analytics(request: Request, caller: ReadCaller,
                           start: date | None = Query(default=None, alias="from"),
                           end: date | None = Query(default=None, alias="to"),
                           top: Annotated[int, Query(ge=1, le=50)] = 5,
                           file_format: Annotated[ExportFormat | None, Query(alias="format", description=FORMAT_DESCRIPTION)] = None):
    """Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure)."""
    report = await _forward(request, caller, "GET", "/internal/denials/analytics",
                            params={"from": start, "to": end, "top": top})
    export = requested_export(file_format, request.headers.get("accept"))
    return report if export is None else file_response(denial_analytics_sheets(report), export, "denial-analytics")


@router.get("/v1/denials/{denial_id}")
async def get_denial(request: Request, denial_id: DenialId, caller: ReadCaller) -> dict:
    return await _forward(request, caller, "GET", f"/internal/denials/{denial_id}")


@router.get("/v1/denials/{denial_id}/appeal-letter", response_class=Response, responses={200: {
    "content": {"text/html": {}, PDF: {"schema": {"type": "string", "format": "binary"}}},
    "description": "The latest appeal's letter: HTML, or PDF with `Accept: application/pdf` or ?format=pdf"}})
async def appeal_letter(request: Request, denial_id: DenialId, caller: ReadCaller,
                        file_format: Annotated[Literal["html", "pdf"] | None, Query(alias="format")] = None) -> Response:
    pdf = requested_export(file_format, request.headers.get("accept"), offered=(PDF,)) == PDF
    response = await request.app.state.upstreams["denials"].request(
        "GET", f"/internal/denials/{denial_id}/appeal-letter", caller, headers={"accept": PDF if pdf else "text/html"})
    raise_for_problem(response)
    return Response(response.content, media_type=PDF if pdf else "text/html; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="appeal-{denial_id}.pdf"'} if pdf else None)


@router.post("/v1/denials/bulk")
async def bulk_action(request: Request, body: BulkDenialAction, caller: WriteCaller) -> dict:
    """Assign or write off many denials; each succeeds or fails on its own."""
    return await _forward(request, caller, "POST", "/internal/denials/bulk", body=body)


@router.post("/v1/denials/{denial_id}/assign")
async def assign(request: Request, denial_id: DenialId, body: AssignDenial, caller: WriteCaller) -> dict:
    return await _forward(request, caller, "POST", f"/internal/denials/{denial_id}/assign", body=body)


@router.post("/v1/denials/{denial_id}/appeal")
async def appeal(request: Request, denial_id: DenialId, body: AppealDenial, caller: WriteCaller) -> dict:
    """Records the appeal and answers with the letter (HTML) built from the claim's facts."""
    return await _forward(request, caller, "POST", f"/internal/denials/{denial_id}/appeal", body=body)


@router.post("/v1/denials/{denial_id}/appeal-outcome")
async def appeal_outcome(request: Request, denial_id: DenialId, body: AppealOutcome, caller: WriteCaller) -> dict:
    return await _forward(request, caller, "POST", f"/internal/denials/{denial_id}/appeal-outcome", body=body)


@router.post("/v1/denials/{denial_id}/correct")
async def correct(request: Request, denial_id: DenialId, body: ClaimCorrection, caller: WriteCaller) -> dict:
    """Claims bills a replacement claim (frequency 7, REF*F8 = the payer's claim number) with these changes."""
    return await _forward(request, caller, "POST", f"/internal/denials/{denial_id}/correct", body=body)


@router.post("/v1/denials/{denial_id}/write-off")
async def write_off(request: Request, denial_id: DenialId, body: WriteOffDenial, caller: WriteCaller) -> dict:
    """Closes the denial; the adjustment reaches the ledger through denial.resolved."""
    return await _forward(request, caller, "POST", f"/internal/denials/{denial_id}/write-off", body=body)
