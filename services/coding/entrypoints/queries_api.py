"""Provider documentation queries over HTTP: ask (coder), answer (provider or EHR), list per encounter."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from shared.contracts.api.coding import ProviderQuery, ProviderQueryList
from shared.contracts.requests import AskProvider, ProviderAnswer
from shared.http.actions import run_action
from shared.http.auth import CallerDep
from services.coding.application import provider_queries as queries

router = APIRouter(prefix="/internal", tags=["coding"])


async def _run(request: Request, action, **kwargs) -> dict:
    result = await run_action(request, action, refused=queries.QueryRefused, not_found="Not found",
                              refused_title="Query not allowed", **kwargs)
    return queries.public(result)


@router.post("/encounters/{encounter_id}/queries", status_code=201, response_model=ProviderQuery)
async def ask(request: Request, encounter_id: Annotated[UUID, Path()], body: AskProvider, caller: CallerDep) -> dict:
    return await _run(request, queries.ask, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id,
                      coder=f"key:{caller.key_id}", unclear=body.unclear, question=body.question, options=body.options)


@router.post("/queries/{query_id}/answer", response_model=ProviderQuery)
async def answer(request: Request, query_id: Annotated[UUID, Path()], body: ProviderAnswer, caller: CallerDep) -> dict:
    return await _run(request, queries.answer, tenant_id=UUID(caller.tenant_id), query_id=query_id,
                      provider=f"key:{caller.key_id}", text=body.answer)


@router.get("/encounters/{encounter_id}/queries", response_model=ProviderQueryList)
async def list_queries(request: Request, encounter_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await queries.for_encounter(uow, UUID(caller.tenant_id), encounter_id)
    return {"items": [queries.public(q) for q in rows]}
