"""Internal HTTP API of the claims service: claim views, the 837 sent, payers, clearinghouse acks."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response
from pydantic import ValidationError

from shared.contracts.api import claims as api
from shared.contracts.requests import ClaimFix
from shared.db.engine import statement_connection
from shared.http.auth import CallerDep, caller_of
from shared.http.clearinghouse_auth import ClearinghouseCallerDep
from shared.http.fast_path import fast_route
from shared.http.json_response import model_bytes
from shared.http.problems import Problem
from shared.x12 import X12SyntaxError, control_character_problems
from services.claims.application.fix_claim import FixRefused, fix_claim as fix_held_claim
from services.claims.application.inquire_status import apply_277
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.verify_eligibility import apply_271
from services.claims.adapters.claim_view import claim_view
from services.claims.domain.acks import read_277ca, read_999
from services.claims.domain.claim_status import is_claim_status_277
from services.claims.adapters.mapping import payer_public

router = APIRouter(prefix="/internal", tags=["claims"])
ClaimId = Annotated[UUID, Path()]


async def _claim_or_404(uow, caller, claim_id: UUID):
    claim = await uow.claims.get(UUID(caller.tenant_id), claim_id)
    if claim is None:
        raise Problem(404, "Claim not found")
    return claim


@router.get("/claims/{claim_id}", response_model=api.ClaimDetail)
@fast_route
async def get_claim(request: Request, claim_id: ClaimId) -> Response:
    """Read by the gateway for every claim view: one statement, answered as the model's bytes on the fast path
    (`shared.http.fast_path`), the caller checked in the body."""
    caller = caller_of(request)
    async with statement_connection(request.app.state.runtime.engine) as connection:
        view = await claim_view(connection, tenant_id=UUID(caller.tenant_id), claim_id=claim_id)
    if view is None:
        raise Problem(404, "Claim not found")
    return model_bytes(view)


@router.get("/claims/{claim_id}/837", response_class=Response)
async def get_claim_837(request: Request, claim_id: ClaimId, caller: CallerDep) -> Response:
    async with request.app.state.runtime.units_of_work() as uow:
        claim = await _claim_or_404(uow, caller, claim_id)
        interchange = await uow.interchanges.get(claim.interchange_id) if claim.interchange_id else None
    if interchange is None:
        raise Problem(404, "This claim has not been sent yet")
    return Response(interchange.x12, media_type="application/edi-x12")


@router.get("/payers", response_model=api.PayerList)
async def list_payers(request: Request, caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await uow.payers.of_tenant(UUID(caller.tenant_id))
    return {"items": [payer_public(r) for r in rows]}


@router.post("/clearinghouse/acks", status_code=202, response_model=api.AckApplied)
async def receive_acknowledgment(request: Request, caller: ClearinghouseCallerDep) -> dict:
    """The clearinghouse's 999, 277CA, 271 or claim status 277 for this tenant's mailbox.

    An answer that cannot be read or applied is kept with the reason (GET /internal/clearinghouse/held)."""
    text = (await request.body()).decode(errors="replace")
    refused = control_character_problems(text)
    if refused:  # before anything keeps it: Postgres text cannot hold a NUL
        raise Problem(422, "Acknowledgment refused: control characters", "; ".join(refused[:5]),
                      errors=[{"field": "body", "message": p} for p in refused])
    tenant_id = UUID(caller.tenant_id)
    if "ST*271*" in text:
        async with request.app.state.runtime.units_of_work() as uow:
            return await apply_271(uow, tenant_id=tenant_id, text=text)
    if is_claim_status_277(text):
        async with request.app.state.runtime.units_of_work() as uow:
            return await apply_277(uow, tenant_id=tenant_id, text=text)
    try:
        is_999 = "ST*999*" in text[:400] or "~ST*999" in text
        acks = [] if is_999 else read_277ca(text)
        file_ack = read_999(text) if is_999 else None
    except X12SyntaxError as exc:
        raise Problem(422, "Acknowledgment is not valid X12", str(exc)) from exc
    async with request.app.state.runtime.units_of_work() as uow:
        applied = await record_acknowledgments(uow, tenant_id=tenant_id, acks=acks, x12=text)
    return {"kind": "999" if file_ack else "277CA", "claims": len(acks), "applied": applied,
            "held": len(acks) - applied}


@router.patch("/claims/{claim_id}", response_model=api.ClaimFixed)
async def fix_claim(request: Request, claim_id: ClaimId, body: ClaimFix, caller: CallerDep) -> dict:
    state = request.app.state
    try:
        async with state.runtime.units_of_work() as uow:
            claim = await fix_held_claim(
                uow, tenant_id=UUID(caller.tenant_id), claim_id=claim_id, changes=body.model_dump(exclude_none=True),
                actor=f"key:{caller.key_id}", catalog=state.catalog)
    except FixRefused as exc:
        raise Problem(409, "Claim cannot be fixed", str(exc)) from exc
    except ValidationError as exc:
        raise Problem(422, "The corrected claim is invalid", errors=[
            {"field": "body." + ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
            for e in exc.errors(include_input=False)]) from exc
    if claim is None:
        raise Problem(404, "Claim not found")
    return {"claim_id": str(claim.id), "status": claim.status, "edits": claim.edits}
