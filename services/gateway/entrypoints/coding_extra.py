"""Coder review queue routes added with issue 3: claim an item, and search the queue by edit or assignee."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request

from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller

router = APIRouter(tags=["coding"])


@router.post("/v1/encounters/{encounter_id}/claim")
async def claim_review_item(request: Request, encounter_id: Annotated[UUID, Path()], caller: WriteCaller) -> dict:
    """The calling coder takes a held encounter; another coder's review of it is refused with 409."""
    response = await request.app.state.upstreams["coding"].request(
        "POST", f"/internal/encounters/{encounter_id}/claim", caller)
    raise_for_problem(response)
    return response.json()


@router.get("/v1/review-queue/search")
async def search_review_queue(request: Request, caller: ReadCaller,
                              limit: Annotated[int, Query(ge=1, le=200)] = 50, cursor: UUID | None = None,
                              edit_id: Annotated[str | None, Query(max_length=40)] = None,
                              assigned_to: Annotated[str | None, Query(max_length=100)] = None) -> dict:
    """Held encounters filtered by an edit id (e.g. NCCI-PTP) and/or assignee ("none" for unclaimed)."""
    params = {"limit": str(limit), **{k: str(v) for k, v in
                                      {"cursor": cursor, "edit_id": edit_id, "assigned_to": assigned_to}.items() if v}}
    response = await request.app.state.upstreams["coding"].request("GET", "/internal/review-queue", caller,
                                                                   params=params)
    raise_for_problem(response)
    return response.json()
