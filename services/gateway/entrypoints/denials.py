"""The denials work queue and analytics with their exports, and the appeal letter (HTML or PDF). The
one-call actions (inspect, assign, appeal, correct, write off, bulk) are in services/gateway/entrypoints/route_table.py;
the denials service scopes every query by the token's tenant, so a foreign denial id answers 404.
"""
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import Field

from shared.contracts.api.denials import AnalyticsQuery, DenialAnalytics, DenialListQuery, DenialPage
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import ReadCaller
from services.gateway.entrypoints.forward import forward
from services.gateway.exports.formats import PDF, ExportFormat, requested_export
from services.gateway.exports.respond import EXPORT_RESPONSES, FORMAT_DESCRIPTION, every_page, file_response
from services.gateway.exports.sheets import denial_analytics_sheets, sheet_of

router = APIRouter(tags=["denials"])
DenialId = Annotated[UUID, Path()]


class DenialListExport(DenialListQuery):
    file_format: ExportFormat | None = Field(default=None, alias="format", description=FORMAT_DESCRIPTION)


class AnalyticsExport(AnalyticsQuery):
    file_format: ExportFormat | None = Field(default=None, alias="format", description=FORMAT_DESCRIPTION)


async def _page(request: Request, caller, query: DenialListQuery) -> DenialPage:
    return await forward(request, caller, "denials", "GET", "/internal/denials", DenialPage, query=query)


@router.get("/v1/denials", response_model=DenialPage, responses=EXPORT_RESPONSES)
async def list_denials(request: Request, caller: ReadCaller, query: Annotated[DenialListExport, Query()]):
    """The work queue, highest priority first, with SLA and appeal-deadline timers."""
    filters = DenialListQuery.model_validate(query.model_dump(exclude={"file_format"}))
    export = requested_export(query.file_format, request.headers.get("accept"))
    if export is None:
        return await _page(request, caller, filters)

    async def page(after: str | None) -> dict:
        chunk = await _page(request, caller, filters.model_copy(update={"limit": 200, "cursor": after}))
        return chunk.model_dump(mode="json")

    return file_response([sheet_of("denials", await every_page(page))], export, "denial-queue")


@router.get("/v1/denials/analytics", response_model=DenialAnalytics, responses=EXPORT_RESPONSES)
async def denial_analytics(request: Request, caller: ReadCaller, query: Annotated[AnalyticsExport, Query()]):
    """Denial rate by payer, provider, procedure and month; shares by CARC and category; the
    preventable share; top root causes (payer + category + procedure)."""
    period = AnalyticsQuery.model_validate(query.model_dump(by_alias=True, exclude={"file_format"}))
    report = await forward(request, caller, "denials", "GET", "/internal/denials/analytics", DenialAnalytics,
                           query=period)
    export = requested_export(query.file_format, request.headers.get("accept"))
    if export is None:
        return report
    return file_response(denial_analytics_sheets(report.model_dump(mode="json", by_alias=True)), export,
                         "denial-analytics")


@router.get("/v1/denials/{denial_id}/appeal-letter", response_class=Response, responses={200: {
    "content": {"text/html": {"schema": {"type": "string"}}, PDF: {"schema": {"type": "string", "format": "binary"}}},
    "description": "The latest appeal's letter: HTML, or PDF with `Accept: application/pdf` or ?format=pdf"}})
async def appeal_letter(request: Request, denial_id: DenialId, caller: ReadCaller,
                        file_format: Annotated[Literal["html", "pdf"] | None, Query(alias="format")] = None) -> Response:
    pdf = requested_export(file_format, request.headers.get("accept"), offered=(PDF,)) == PDF
    response = await request.app.state.upstreams["denials"].request(
        "GET", f"/internal/denials/{denial_id}/appeal-letter", caller, headers={"accept": PDF if pdf else "text/html"})
    raise_for_problem(response)
    return Response(response.content, media_type=PDF if pdf else "text/html; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="appeal-{denial_id}.pdf"'} if pdf else None)
