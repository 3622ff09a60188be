"""A patient's mailing address for the statements the gateway prints."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.contracts.api.claims import MailingAddress
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims.application.patient_contacts import mailing_address

router = APIRouter(prefix="/internal", tags=["patients"])
PatientId = Annotated[str, Path(min_length=1, max_length=50)]


@router.get("/patients/{patient_id}/mailing-address", response_model=MailingAddress)
async def get_mailing_address(request: Request, patient_id: PatientId, caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        found = await mailing_address(uow, tenant_id=UUID(caller.tenant_id), patient_id=patient_id)
    if found is None:
        raise Problem(404, "Patient not found")
    return found
