"""Claims and remits routes that do more than forward: the merged claim view, the 837 sent, 835 intake.

The one-call forwards (claim list, fixes, corrections, payers, suspense) are in services/gateway/entrypoints/route_table.py.
The services scope every query by the token's tenant, so a foreign id is a 404 there.
"""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from shared.contracts.api.gateway import ClaimView
from shared.contracts.api.payments import RemitAccepted
from shared.http.fast_path import fast_route
from shared.http.json_response import model_bytes
from services.gateway.adapters.upstream import raise_for_problem
from services.gateway.entrypoints.audit_log import mark_created
from services.gateway.entrypoints.auth import ReadCaller, WriteCaller
from services.gateway.entrypoints.forward import forward
from services.gateway.entrypoints.openapi import request_body
from services.gateway.application.claim_view import claim_view

router = APIRouter(tags=["billing"])
ClaimId = Annotated[UUID, Path()]


def _up(request: Request, name: str):
    return request.app.state.upstreams[name]


@router.get("/v1/claims/{claim_id}", response_model=ClaimView, response_model_exclude_unset=True)
@fast_route
async def get_claim(request: Request, claim_id: ClaimId, caller: ReadCaller) -> Response:
    """The claim with its payments, adjustments, balance and denials, and one timeline across the services."""
    return model_bytes(await claim_view(request.app.state.upstreams, claim_id, caller))


@router.get("/v1/claims/{claim_id}/837", response_class=Response,
            responses={200: {"content": {"application/edi-x12": {"schema": {"type": "string"}}},
                             "description": "The 837P interchange the claim was sent in"}})
async def get_claim_837(request: Request, claim_id: ClaimId, caller: ReadCaller) -> Response:
    response = await _up(request, "claims").request("GET", f"/internal/claims/{claim_id}/837", caller)
    raise_for_problem(response)
    return Response(response.content, media_type="application/edi-x12")


X12_835 = {"type": "string", "description": "An X12 835 (005010X221A1) file"}


@router.post("/v1/remits", status_code=202, response_model=RemitAccepted,
             openapi_extra=request_body({"application/edi-x12": X12_835, "text/plain": X12_835}))
async def post_remit(request: Request, caller: WriteCaller) -> RemitAccepted:
    accepted = await forward(request, caller, "payments", "POST", "/internal/remits", RemitAccepted,
                             content=await request.body(), content_type="application/edi-x12")
    mark_created(request, accepted.remit_id)
    return accepted
