"""A documentation query list checks the encounter is this tenant's before asking coding. The other coding
routes (review queue, claims of review items, queries, settings) are one-call forwards in
services/gateway/entrypoints/route_table.py."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.contracts.api.coding import ProviderQueryList
from shared.http.problems import Problem
from services.gateway.entrypoints.auth import ReadCaller
from services.gateway.entrypoints.forward import forward

router = APIRouter(tags=["coding"])


@router.get("/v1/encounters/{encounter_id}/queries", response_model=ProviderQueryList)
async def list_provider_queries(request: Request, encounter_id: Annotated[UUID, Path()],
                                caller: ReadCaller) -> ProviderQueryList:
    """The encounter's documentation queries; 404 unless the encounter is this tenant's, like every route."""
    async with request.app.state.runtime.units_of_work() as uow:
        found = await uow.encounters.find(UUID(caller.tenant_id), encounter_id)
    if found is None:
        raise Problem(404, "Encounter not found")
    return await forward(request, caller, "coding", "GET", f"/internal/encounters/{encounter_id}/queries",
                         ProviderQueryList)
