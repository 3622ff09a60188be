"""POST /v1/encounters (JSON, FHIR R4 Bundle or HL7 v2 DFT^P03), the list, and GET /v1/encounters/{id}; an
encounter's review and audit trail are one-call forwards to coding (services/gateway/entrypoints/route_table.py)."""
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import AwareDatetime, BaseModel, Field, ValidationError

from shared.http.fast_path import fast_route
from shared.http.json_response import model_bytes
from shared.http.problems import Problem
from services.gateway.application import encounter_failures
from services.gateway.adapters.upstream import raise_for_problem
from shared.telemetry import current_parent
from services.gateway.application.accept_encounters import Accepted, Submission
from services.gateway.entrypoints.audit_log import mark_audited, mark_created
from services.gateway.entrypoints.cursors import decode_cursor, encode_cursor
from services.gateway.entrypoints.auth import PushCaller, ReadCaller, caller_ids
from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import IntakeError, UnsupportedFormat
from services.gateway.intake.model import EncounterIn
from services.gateway.entrypoints.openapi import request_body, schema_ref
from shared.contracts.api.gateway import EncounterView

router = APIRouter(prefix="/v1/encounters", tags=["encounters"])


class EncounterAccepted(BaseModel):
    encounter_id: UUID
    status: str


_BODY_DOC = request_body({
    "application/json": schema_ref(EncounterIn),
    "application/fhir+json": {"type": "object", "description": "FHIR R4 Bundle"},
    "x-application/hl7-v2+er7": {"type": "string", "description": "HL7 v2 DFT^P03"},
})


# Every encounter enters here, so it is answered on the fast path (shared.http.fast_path): it reads its own
# body and returns its answer's bytes, as it would through FastAPI. (A docstring would enter the public OpenAPI.)
@router.post("", status_code=202, response_model=EncounterAccepted, openapi_extra=_BODY_DOC)
@fast_route
async def post_encounter(request: Request, caller: PushCaller) -> Response:
    raw = await request.body()
    content_type = request.headers.get("content-type", "application/json")
    try:
        encounter, source_format = parse_encounter(content_type, raw)
    except UnsupportedFormat as exc:
        raise Problem(415, "Unsupported media type", str(exc)) from exc
    except IntakeError as exc:
        raise Problem(422, "Encounter is invalid", exc.summary(), errors=exc.problems) from exc
    except ValidationError as exc:
        errors = [{"field": "body." + ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                  for e in exc.errors(include_input=False)]
        raise Problem(422, "Request body is invalid", ", ".join(e["field"] for e in errors[:5]), errors=errors) from exc
    tenant_id, key_id = caller_ids(caller.tenant_id, caller.key_id)
    parent = current_parent()
    accepted = await request.app.state.intake.submit(Submission(
        tenant_id=tenant_id, key_id=key_id, encounter=encounter, source_format=source_format,
        parent=parent), parent=parent)
    mark_created(request, accepted.encounter_id)
    mark_audited(request)  # its entry was appended in the same transaction as the encounter
    return accepted_answer(accepted)


def accepted_answer(accepted: Accepted) -> Response:
    """The 202 as the bytes EncounterAccepted writes (the route keeps it as its documented model): FastAPI
    would validate and serialise the model a second time for every request."""
    answer = model_bytes({"encounter_id": accepted.encounter_id, "status": "received" if accepted.created else "duplicate"},
                         status_code=202)
    answer.headers["Location"] = f"/v1/encounters/{accepted.encounter_id}"
    return answer


class EncounterSummary(BaseModel):
    encounter_id: UUID
    external_id: str
    source_format: str = Field(examples=["json", "fhir", "hl7v2"])
    received_at: datetime | None


class EncounterPage(BaseModel):
    items: list[EncounterSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


@router.get("", response_model=EncounterPage)
async def list_encounters(
    request: Request, caller: ReadCaller, limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    external_id: Annotated[str | None, Query(max_length=80)] = None,
    source_format: Literal["json", "fhir", "hl7v2"] | None = None,
    received_from: AwareDatetime | None = None, received_to: AwareDatetime | None = None,
) -> EncounterPage:
    """Encounters received from this tenant, newest first; filter by external id, format or time."""
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await uow.encounters.page(
            UUID(caller.tenant_id), limit=limit, before=decode_cursor(cursor), external_id=external_id,
            source_format=source_format, received_from=received_from, received_to=received_to)
    items = [EncounterSummary(encounter_id=r.id, external_id=r.external_id, source_format=r.source_format,
                              received_at=r.received_at) for r in rows]
    last = rows[-1] if len(rows) == limit else None
    return EncounterPage(items=items, next_cursor=encode_cursor(last.received_at, last.id) if last else None)


@router.get("/{encounter_id}", response_model=EncounterView, response_model_exclude_unset=True)
async def get_encounter(request: Request, encounter_id: Annotated[UUID, Path()], caller: ReadCaller) -> dict:
    """The encounter as coding sees it (`received` until then); `failed`, with the reason, while an event of
    it sits dead-lettered and not replayed."""
    async with request.app.state.runtime.units_of_work() as uow:
        intake = await uow.encounters.find(UUID(caller.tenant_id), encounter_id)
    if intake is None:
        raise Problem(404, "Encounter not found")
    coded = await request.app.state.upstreams["coding"].request("GET", f"/internal/encounters/{encounter_id}", caller)
    if coded.status_code == 404:
        body = {"encounter_id": str(encounter_id), "external_id": intake.external_id, "status": "received",
                "received_at": intake.received_at.isoformat() if intake.received_at else None}
    else:
        raise_for_problem(coded)
        body = coded.json()
    return await encounter_failures.with_failure(body, intake, coded=coded.status_code != 404,
                                                 claims=request.app.state.upstreams["claims"], caller=caller)
