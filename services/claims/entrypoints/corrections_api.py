"""Replacement claims started by a biller through the API (the denials service starts them by event)."""
import uuid
from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from shared.contracts.claim import ClaimCorrectionRequested
from shared.contracts.denial import ClaimCorrection
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims import corrections

router = APIRouter(prefix="/internal", tags=["claims"])


@router.post("/claims/{claim_id}/replace", status_code=201)
async def replace(request: Request, claim_id: Annotated[UUID, Path()], body: ClaimCorrection, caller: CallerDep) -> dict:
    if body.procedures is None and body.diagnoses is None and body.prior_authorization is None:
        raise Problem(422, "Nothing to correct", "give procedures, diagnoses or prior_authorization")
    correction = ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(claim_id),
                                          **body.model_dump(mode="json", exclude_none=True))
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            claim = await corrections.replace_claim(uow, UUID(caller.tenant_id), correction,
                                                    catalog=request.app.state.catalog, today=date.today())
    except corrections.ReplacementRefused as exc:
        raise Problem(409, "Claim cannot be replaced", str(exc)) from exc
    if claim is None:
        raise Problem(404, "Claim not found")
    return {"claim_id": str(claim.id), "original_claim_id": str(claim_id), "frequency_code": claim.frequency_code,
            "status": claim.status, "edits": claim.edits}


class VoidClaim(BaseModel):
    reason: str = Field(min_length=3, max_length=500, examples=["billed to the wrong payer"])


@router.post("/claims/{claim_id}/void", status_code=201)
async def void(request: Request, claim_id: Annotated[UUID, Path()], body: VoidClaim, caller: CallerDep) -> dict:
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            claim = await corrections.void(uow, UUID(caller.tenant_id), claim_id, reason=body.reason,
                                           catalog=request.app.state.catalog, today=date.today())
    except corrections.ReplacementRefused as exc:
        raise Problem(409, "Claim cannot be voided", str(exc)) from exc
    if claim is None:
        raise Problem(404, "Claim not found")
    return {"claim_id": str(claim.id), "original_claim_id": str(claim_id), "frequency_code": claim.frequency_code,
            "status": claim.status, "edits": claim.edits}
