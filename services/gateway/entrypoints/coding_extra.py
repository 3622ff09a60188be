"""Coder review queue routes: claim an item, search the queue, documentation queries to the provider, and the
tenant's coding settings (admin)."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from shared.http.problems import Problem
from services.gateway import handlers
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.auth import AdminCaller, PushCaller, ReadCaller, WriteCaller

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


class AskProvider(BaseModel):
    unclear: str = Field(min_length=3, max_length=500, examples=["Diabetes type and control are not documented"])
    question: str = Field(min_length=3, max_length=1000, examples=["Please document the type of diabetes mellitus."])
    options: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=10, examples=[["Type 1", "Type 2", "Other (please specify)"]])


class ProviderAnswer(BaseModel):
    answer: str = Field(min_length=1, max_length=2000, examples=["Type 2"])


async def _coding(request: Request, caller, method: str, path: str, body: BaseModel | None = None) -> dict:
    kwargs = {"content": body.model_dump_json(), "headers": {"content-type": "application/json"}} if body else {}
    response = await request.app.state.upstreams["coding"].request(method, path, caller, **kwargs)
    raise_for_problem(response)
    return response.json()


@router.post("/v1/encounters/{encounter_id}/queries", status_code=201)
async def ask_provider(request: Request, encounter_id: Annotated[UUID, Path()], body: AskProvider,
                       caller: WriteCaller) -> dict:
    """A coder asks the rendering provider about an unclear note; the encounter waits in review until answered."""
    return await _coding(request, caller, "POST", f"/internal/encounters/{encounter_id}/queries", body)


@router.get("/v1/encounters/{encounter_id}/queries")
async def list_provider_queries(request: Request, encounter_id: Annotated[UUID, Path()], caller: ReadCaller) -> dict:
    """The encounter's documentation queries; 404 unless the encounter is this tenant's, like every route."""
    async with request.app.state.runtime.units_of_work() as uow:
        found = await handlers.find_encounter(uow, tenant_id=UUID(caller.tenant_id), encounter_id=encounter_id)
    if found is None:
        raise Problem(404, "Encounter not found")
    return await _coding(request, caller, "GET", f"/internal/encounters/{encounter_id}/queries")


@router.post("/v1/queries/{query_id}/answer")
async def answer_provider_query(request: Request, query_id: Annotated[UUID, Path()], body: ProviderAnswer,
                                caller: PushCaller) -> dict:
    """The provider's answer, from the EHR (scope ehr:push); kept with the encounter's audit trail."""
    return await _coding(request, caller, "POST", f"/internal/queries/{query_id}/answer", body)


class CodingSettings(BaseModel):
    """Replaced as a whole: omitted fields take their defaults, so auto-accept stays off unless sent as true."""

    model_config = ConfigDict(extra="forbid")
    auto_accept_threshold: float | None = Field(
        default=None, ge=0, le=1, examples=[0.92],
        description="Note suggestions at or above it may be coded without review; null returns to the default.")
    auto_accept: bool = Field(default=False, description="Bill codes suggested from the note alone without a "
                                                         "coder's review (confidence at or above the threshold).")
    accept_below_target_precision: bool = Field(
        default=False, description="Required with auto_accept when the measured precision at the threshold is "
                                   "below the target (see GET): the tenant accepts that error rate.")


@router.get("/v1/coding/settings")
async def get_coding_settings(request: Request, caller: AdminCaller) -> dict:
    """The tenant's auto-accept choice, threshold and CPT file, the measured precision and recall of note
    suggestions at that threshold, and a warning when the precision is below the target."""
    return await _coding(request, caller, "GET", "/internal/settings")


@router.put("/v1/coding/settings")
async def put_coding_settings(request: Request, body: CodingSettings, caller: AdminCaller) -> dict:
    """Replace the tenant's coding settings (applies to encounters coded from now on); auto-accept below the
    target precision is refused with 422 unless accept_below_target_precision is true."""
    return await _coding(request, caller, "PUT", "/internal/settings", body)
