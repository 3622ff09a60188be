"""Internal HTTP API of the payments service: 835 intake, remits, a claim's postings, suspense."""
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.exc import IntegrityError

from shared.contracts.api import payments as api
from shared.contracts.requests import ApplySuspense, CloseSuspense, RefundOverpayment
from shared.db.engine import statement_connection
from shared.http.auth import CallerDep, caller_of
from shared.http.clearinghouse_auth import ClearinghouseCallerDep
from shared.http.fast_path import fast_route
from shared.http.json_response import model_bytes
from shared.http.problems import Problem
from shared.x12 import control_character_problems
from services.payments.application import ingest_remittance, ledger_views, suspense
from services.payments.adapters import claim_postings as postings

router = APIRouter(prefix="/internal", tags=["payments"])
MAX_835_BYTES = 20 * 1024 * 1024
SUSPENSE_ID_MAX = api.SUSPENSE_ID_MAX


async def _ingest(request: Request, caller, source: str) -> dict:
    body = await request.body()
    if len(body) > MAX_835_BYTES:
        raise Problem(413, "835 file too large", f"at most {MAX_835_BYTES} bytes")
    text = body.decode("utf-8", errors="replace")
    refused = control_character_problems(text)
    if refused:  # not kept: Postgres text cannot hold a NUL, and the file says nothing readable
        raise Problem(422, "835 refused: control characters; nothing was posted", "; ".join(refused[:5]),
                      errors=[{"field": "body", "message": p} for p in refused])
    try:
        row = await _ingest_once_more_if_raced(request, caller, text, source)
    except ingest_remittance.RemittanceRejected as exc:
        async with request.app.state.runtime.units_of_work() as uow:
            kept = await ingest_remittance.keep_rejected(uow, tenant_id=UUID(caller.tenant_id), x12=text, source=source,
                                                error=exc)
        raise Problem(422, "835 rejected; nothing was posted",
                      "; ".join(exc.problems[:5]) + f" (the file is kept as remittance {kept})",
                      errors=[{"field": "body", "message": p} for p in exc.problems[:50]]) from exc
    return {"remit_id": str(row.id), "status": row.status, "claims": row.claim_count,
            "detail": "duplicate of a remittance already posted; nothing posted" if row.status == "duplicate" else None}


async def _ingest_once_more_if_raced(request: Request, caller, text: str, source: str):
    """The same 835 posted twice at once: the loser of the unique-index race retries and sees a duplicate."""
    for attempt in (1, 2):
        try:
            async with request.app.state.runtime.units_of_work() as uow:
                return await ingest_remittance.ingest_remittance(uow, tenant_id=UUID(caller.tenant_id), x12=text,
                                                        source=source)
        except IntegrityError:
            if attempt == 2:
                raise


@router.post("/remits", status_code=202, response_model=api.RemitAccepted)
async def post_remit(request: Request, caller: CallerDep) -> dict:
    return await _ingest(request, caller, "api")


@router.post("/clearinghouse/era", status_code=202, response_model=api.RemitAccepted)
async def receive_era(request: Request, caller: ClearinghouseCallerDep) -> dict:
    """The clearinghouse connector's inbox: the payer's 835 for this tenant's mailbox."""
    return await _ingest(request, caller, "clearinghouse")


@router.get("/remits/{remit_id}", response_model=api.Remit)
async def get_remit(request: Request, remit_id: Annotated[UUID, Path()], caller: CallerDep) -> dict:
    async with request.app.state.runtime.units_of_work() as uow:
        row = await uow.remittances.of_tenant(UUID(caller.tenant_id), remit_id)
        if row is None:
            raise Problem(404, "Remittance not found")
        posted = await uow.ledger.remittance_cash(row.tenant_id, row.id)
    return {"remit_id": str(row.id), "status": row.status, "source": row.source, "payer_id": row.payer_id,
            "trace_number": row.trace_number, "total_paid": str(row.total_paid) if row.total_paid is not None else None,
            "posted_cash": str(posted), "claims": row.claim_count, "problems": row.problems,
            "received_at": row.received_at.isoformat()}


@router.get("/remits/{remit_id}/835", response_class=Response, responses={200: {"content": {"application/edi-x12": {}}}})
async def get_remit_file(request: Request, remit_id: Annotated[UUID, Path()], caller: CallerDep) -> Response:
    """The original 835 exactly as received (accepted, duplicate or rejected)."""
    async with request.app.state.runtime.units_of_work() as uow:
        row = await uow.remittances.of_tenant(UUID(caller.tenant_id), remit_id)
    if row is None:
        raise Problem(404, "Remittance not found")
    return Response(row.x12, media_type="application/edi-x12")


@router.get("/claims/{claim_id}/postings", response_model=api.ClaimPostings)
@fast_route
async def claim_postings(request: Request, claim_id: Annotated[UUID, Path()]) -> Response:
    """Read by the gateway for every claim view: one statement, answered as the model's bytes on the fast path
    (`shared.http.fast_path`), the caller checked in the body."""
    caller = caller_of(request)
    async with statement_connection(request.app.state.runtime.engine) as connection:
        transactions, entries = await postings.claim_postings(connection, tenant_id=UUID(caller.tenant_id),
                                                              claim_id=claim_id)
    if not transactions:
        raise Problem(404, "No postings for this claim")
    return model_bytes(ledger_views.claim_view(transactions, entries))


@router.get("/suspense", response_model=api.SuspensePage)
async def list_suspense(request: Request, caller: CallerDep, query: Annotated[api.SuspenseQuery, Query()]) -> dict:
    """Suspense items by status, oldest first; pass next_cursor as `cursor` for the next page."""
    async with request.app.state.runtime.units_of_work() as uow:
        rows, next_cursor = await suspense.list_items(uow, tenant_id=UUID(caller.tenant_id), status=query.status,
                                                      after=query.cursor, limit=query.limit)
        return {"items": [suspense.item_view(r) for r in rows], "next_cursor": next_cursor}


async def _work(request: Request, action, **kwargs) -> dict:
    try:
        async with request.app.state.runtime.units_of_work() as uow:
            item = await action(uow, **kwargs)
            return suspense.item_view(item)
    except suspense.SuspenseNotFound:
        raise Problem(404, "Suspense item or claim not found") from None
    except suspense.SuspenseConflict as exc:
        raise Problem(409, "Suspense item cannot be worked this way", str(exc)) from None


@router.post("/suspense/{item_id}/apply", response_model=api.SuspenseItem)
async def apply_suspense(request: Request, item_id: Annotated[int, Path(ge=1, le=SUSPENSE_ID_MAX)], body: ApplySuspense,
                         caller: CallerDep) -> dict:
    """Post a waiting claim payment to a claim of this tenant."""
    return await _work(request, suspense.apply_to_claim, tenant_id=UUID(caller.tenant_id), item_id=item_id,
                       claim_id=body.claim_id, note=body.note)


@router.post("/suspense/{item_id}/close", response_model=api.SuspenseItem)
async def close_suspense(request: Request, item_id: Annotated[int, Path(ge=1, le=SUSPENSE_ID_MAX)], body: CloseSuspense,
                         caller: CallerDep) -> dict:
    return await _work(request, suspense.close, tenant_id=UUID(caller.tenant_id), item_id=item_id,
                       reason=body.reason)


@router.post("/suspense/{item_id}/refund", response_model=api.SuspenseItem)
async def refund_suspense(request: Request, item_id: Annotated[int, Path(ge=1, le=SUSPENSE_ID_MAX)],
                          body: RefundOverpayment, caller: CallerDep) -> dict:
    """Post the refund of a payer's overpayment the item holds, and close the item."""
    return await _work(request, suspense.refund_overpayment, tenant_id=UUID(caller.tenant_id), item_id=item_id,
                       reference=body.reference.strip(), method=body.method, refunded_on=body.refunded_on)
