"""A tenant's own payer profiles: PUT /internal/payers/{payer_id} adds or changes one."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request

from shared.contracts.api.claims import Payer
from shared.contracts.payer import PAYER_ID_PATTERN, PayerProfile
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims.domain.payers import payer_from_values, payer_problems
from services.claims.adapters.mapping import payer_public
from services.claims.application.payer_profiles import save_payer

router = APIRouter(prefix="/internal", tags=["payers"])
PayerId = Annotated[str, Path(min_length=1, max_length=80, pattern=PAYER_ID_PATTERN)]


@router.put("/payers/{payer_id}", response_model=Payer)
async def put_payer(request: Request, payer_id: PayerId, body: PayerProfile, caller: CallerDep) -> dict:
    values = {"payer_id": payer_id, **body.model_dump()}
    problems = payer_problems(values)
    if problems:
        raise Problem(422, "Payer profile is invalid", errors=[{"field": f"body.{field}", "message": message}
                                                               for field, message in problems])
    async with request.app.state.runtime.units_of_work() as uow:
        row = await save_payer(uow, tenant_id=UUID(caller.tenant_id), payer=payer_from_values(values))
    return payer_public(row)
