"""What the printed documents need beyond the JSON view: the practice (the gateway's own tenant record)
and the patient's mailing address (from claims)."""
from urllib.parse import quote
from uuid import UUID

from fastapi import Request


async def practice_of(request: Request, tenant_id: str) -> dict:
    """The tenant's billing provider: name, address and contact printed as the remit-to party."""
    async with request.app.state.runtime.units_of_work() as uow:
        tenant = await uow.credentials.tenant(UUID(tenant_id))
    return dict(tenant.billing_provider) if tenant else {}


async def mailing_address(request: Request, caller, patient_id: str) -> dict | None:
    response = await request.app.state.upstreams["claims"].request(
        "GET", f"/internal/patients/{quote(patient_id, safe='')}/mailing-address", caller)
    return response.json() if response.status_code == 200 else None
