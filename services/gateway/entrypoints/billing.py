"""Claims, remits, payers and denials: the gateway checks the key and forwards with a signed token.

The services scope every query by the token's tenant, so a foreign id is a 404 there.
"""
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field

from shared.contracts.denial import ClaimCorrection
from shared.contracts.payer import PAYER_ID_PATTERN, PayerProfile
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.audit_log import mark_created
from services.gateway.cursors import SUSPENSE_ID_MAX
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller
from services.gateway.openapi import json_body, request_body
from shared.contracts.requests import ClaimFix
from services.gateway.views import claim_view

router = APIRouter(tags=["billing"])
ClaimId = Annotated[UUID, Path()]


def _up(request: Request, name: str):
    return request.app.state.upstreams[name]


@router.get("/v1/claims")
async def list_claims(request: Request, caller: ReadCaller, status: Annotated[str | None, Query(max_length=20)] = None,
                      payer_id: Annotated[str | None, Query(max_length=80)] = None, encounter_id: UUID | None = None,
                      frequency_code: Annotated[str | None, Query(pattern="^[178]$")] = None,
                      limit: Annotated[int, Query(ge=1, le=200)] = 50,
                      cursor: Annotated[str | None, Query(max_length=100, pattern=r"^[0-9T:.+-]+~[0-9a-f-]{36}$")] = None) -> dict:
    """The tenant's claims, newest first; filters by status, payer, encounter and frequency (1, 7, 8)."""
    params = {k: str(v) for k, v in dict(status=status, payer_id=payer_id, encounter_id=encounter_id,
                                         frequency_code=frequency_code, limit=limit, cursor=cursor).items() if v is not None}
    response = await _up(request, "claims").request("GET", "/internal/claims", caller, params=params)
    raise_for_problem(response)
    return response.json()


@router.get("/v1/claims/{claim_id}")
async def get_claim(request: Request, claim_id: ClaimId, caller: ReadCaller) -> dict:
    return await claim_view(request.app.state.upstreams, claim_id, caller)


@router.patch("/v1/claims/{claim_id}", openapi_extra=json_body(ClaimFix))
async def fix_claim(request: Request, claim_id: ClaimId, caller: WriteCaller) -> dict:
    """Correct a held or rejected claim (coverage, patient, codes, authorization); it is re-scrubbed."""
    response = await _up(request, "claims").request("PATCH", f"/internal/claims/{claim_id}", caller,
                                                    content=await request.body(), headers={"content-type": "application/json"})
    raise_for_problem(response)
    return response.json()


@router.post("/v1/claims/{claim_id}/replace", status_code=201)
async def replace_claim(request: Request, claim_id: ClaimId, body: ClaimCorrection, caller: WriteCaller) -> dict:
    """Bill a replacement claim (frequency 7, REF*F8 = the payer's claim number) for an adjudicated claim."""
    response = await _up(request, "claims").request(
        "POST", f"/internal/claims/{claim_id}/replace", caller, content=body.model_dump_json(exclude_unset=True),
        headers={"content-type": "application/json"})
    raise_for_problem(response)
    return response.json()


class VoidClaim(BaseModel):
    reason: str = Field(min_length=3, max_length=500, examples=["billed to the wrong payer"])


@router.post("/v1/claims/{claim_id}/void", status_code=201)
async def void_claim(request: Request, claim_id: ClaimId, body: VoidClaim, caller: WriteCaller) -> dict:
    """Bill a void (frequency 8, REF*F8) of an adjudicated claim: the payer reverses what it paid."""
    response = await _up(request, "claims").request(
        "POST", f"/internal/claims/{claim_id}/void", caller, content=body.model_dump_json(),
        headers={"content-type": "application/json"})
    raise_for_problem(response)
    return response.json()


@router.get("/v1/claims/{claim_id}/837", response_class=Response,
            responses={200: {"content": {"application/edi-x12": {}}}})
async def get_claim_837(request: Request, claim_id: ClaimId, caller: ReadCaller) -> Response:
    response = await _up(request, "claims").request("GET", f"/internal/claims/{claim_id}/837", caller)
    raise_for_problem(response)
    return Response(response.content, media_type="application/edi-x12")


@router.get("/v1/payers")
async def list_payers(request: Request, caller: ReadCaller) -> dict:
    response = await _up(request, "claims").request("GET", "/internal/payers", caller)
    raise_for_problem(response)
    return response.json()


@router.put("/v1/payers/{payer_id}")
async def put_payer(request: Request, payer_id: Annotated[str, Path(max_length=80, pattern=PAYER_ID_PATTERN)],
                    body: PayerProfile, caller: WriteCaller) -> dict:
    """Adds a payer the tenant bills, or changes its profile (deadlines, program); new claims use it."""
    response = await _up(request, "claims").request("PUT", f"/internal/payers/{payer_id}", caller,
                                                    json=body.model_dump())
    raise_for_problem(response)
    return response.json()


X12_835 = {"type": "string", "description": "An X12 835 (005010X221A1) file"}


@router.post("/v1/remits", status_code=202, openapi_extra=request_body({"application/edi-x12": X12_835,
                                                                       "text/plain": X12_835}))
async def post_remit(request: Request, caller: WriteCaller) -> dict:
    response = await _up(request, "payments").request(
        "POST", "/internal/remits", caller, content=await request.body(),
        headers={"content-type": "application/edi-x12"},
    )
    raise_for_problem(response)
    accepted = response.json()
    mark_created(request, accepted.get("remit_id"))
    return accepted


@router.get("/v1/remits/{remit_id}")
async def get_remit(request: Request, remit_id: Annotated[UUID, Path()], caller: ReadCaller) -> dict:
    response = await _up(request, "payments").request("GET", f"/internal/remits/{remit_id}", caller)
    raise_for_problem(response)
    return response.json()


@router.get("/v1/suspense")
async def list_suspense(request: Request, caller: ReadCaller,
                        status: Literal["open", "posted", "closed"] = "open",
                        cursor: Annotated[int | None, Query(ge=1, le=SUSPENSE_ID_MAX)] = None,
                        limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict:
    """Payments waiting in suspense (status open), or worked (posted, closed), oldest first.

    `next_cursor` of a page, passed as `cursor`, gives the next page; null at the end.
    """
    params = {"status": status, "limit": str(limit)} | ({"cursor": str(cursor)} if cursor else {})
    response = await _up(request, "payments").request("GET", "/internal/suspense", caller, params=params)
    raise_for_problem(response)
    return response.json()
