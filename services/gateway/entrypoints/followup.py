"""The overdue-claims queue with its exports. Notes, the submission lag KPI and the held payer answers are
one-call forwards to claims (services/gateway/entrypoints/route_table.py)."""
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import Field

from shared.contracts.api.claims import FollowUpQuery, FollowUpQueue
from services.gateway.entrypoints.auth import ReadCaller
from services.gateway.entrypoints.forward import forward
from services.gateway.exports.formats import ExportFormat, requested_export
from services.gateway.exports.respond import EXPORT_RESPONSES, FORMAT_DESCRIPTION, file_response
from services.gateway.exports.sheets import sheet_of

router = APIRouter(tags=["follow-up"])


class FollowUpExport(FollowUpQuery):
    file_format: ExportFormat | None = Field(default=None, alias="format", description=FORMAT_DESCRIPTION)


@router.get("/v1/follow-up", response_model=FollowUpQueue, responses=EXPORT_RESPONSES)
async def follow_up_queue(request: Request, caller: ReadCaller, query: Annotated[FollowUpExport, Query()]):
    """Claims past their payer's expected days without a remittance, largest and oldest first."""
    queue = await forward(request, caller, "claims", "GET", "/internal/follow-up", FollowUpQueue,
                          query=FollowUpQuery.model_validate(query.model_dump(exclude={"file_format"})))
    export = requested_export(query.file_format, request.headers.get("accept"))
    if export is None:
        return queue
    return file_response([sheet_of("follow_up", queue.model_dump(mode="json")["items"])], export, "follow-up")
