"""Replacement claims started by a biller through the API (the denials service starts them by event)."""
import uuid
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from shared.contracts.claim import ClaimCorrectionRequested
from shared.contracts.api.claims import CorrectionBilled
from shared.contracts.denial import ClaimCorrection
from shared.contracts.requests import VoidClaim
from shared.http.actions import run_action
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims.application import correct_claim as corrections

router = APIRouter(prefix="/internal", tags=["claims"])


async def _correct(request: Request, action, caller, original_id: UUID, /, **kwargs) -> dict:
    """Bill the correction in one unit of work; a claim that cannot take it is a 409, a foreign one a 404."""
    claim = await run_action(request, action, refused=corrections.ReplacementRefused, not_found="Claim not found",
                             refused_title="Claim cannot be corrected", tenant_id=UUID(caller.tenant_id),
                             catalog=request.app.state.catalog, **kwargs)
    return {"claim_id": str(claim.id), "original_claim_id": str(original_id), "frequency_code": claim.frequency_code,
            "status": claim.status, "edits": claim.edits}


@router.post("/claims/{claim_id}/replace", status_code=201, response_model=CorrectionBilled)
async def replace(request: Request, claim_id: Annotated[UUID, Path()], body: ClaimCorrection, caller: CallerDep) -> dict:
    if body.procedures is None and body.diagnoses is None and body.prior_authorization is None:
        raise Problem(422, "Nothing to correct", "give procedures, diagnoses or prior_authorization")
    correction = ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(claim_id),
                                          **body.model_dump(mode="json", exclude_none=True))
    return await _correct(request, corrections.replace_claim, caller, claim_id, request=correction)


@router.post("/claims/{claim_id}/void", status_code=201, response_model=CorrectionBilled)
async def void(request: Request, claim_id: Annotated[UUID, Path()], body: VoidClaim, caller: CallerDep) -> dict:
    return await _correct(request, corrections.void, caller, claim_id, claim_id=claim_id, reason=body.reason)
