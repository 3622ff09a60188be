"""Webhook endpoints of a tenant: register, list, read, delete, and the log of every delivery attempt.

A deleted endpoint is gone for the API (404), though its deliveries stay in the database.
"""
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from shared.http.problems import Problem
from services.gateway.entrypoints.cursors import decode_cursor, encode_cursor
from services.gateway.domain.webhooks import SIGNATURE_HEADER
from services.gateway.entrypoints.auth import WriteCaller
from services.gateway.webhooks import store, targets

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
EventName = Literal["claim.accepted", "claim.rejected", "claim.paid", "claim.denied"]


class WebhookCreate(BaseModel):
    url: str = Field(min_length=8, max_length=2000, examples=["https://ehr.example.com/hooks/billing"])
    events: list[EventName] = Field(min_length=1, max_length=4, examples=[["claim.paid", "claim.denied"]])


class WebhookOut(BaseModel):
    webhook_id: UUID
    url: str
    events: list[str]
    created_at: datetime | None
    disabled_at: datetime | None


class WebhookCreated(WebhookOut):
    secret: str = Field(description=f"Shown once. Verify the {SIGNATURE_HEADER} header: t=<unix>,v1=<hex "
                                    "HMAC-SHA256(secret, t + '.' + raw body)>.")


class AttemptOut(BaseModel):
    attempted_at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int


class DeliveryOut(BaseModel):
    delivery_id: UUID
    event_id: UUID
    event_type: str
    status: str = Field(description="pending, delivered, failed (out of attempts) or cancelled")
    attempts: list[AttemptOut]
    next_attempt_at: datetime | None
    created_at: datetime | None
    delivered_at: datetime | None
    payload: dict


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


def _out(endpoint) -> dict:
    return {"webhook_id": endpoint.id, "url": endpoint.url, "events": endpoint.events,
            "created_at": endpoint.created_at, "disabled_at": endpoint.disabled_at}


@router.post("", status_code=201, response_model=WebhookCreated)
async def register_webhook(request: Request, body: WebhookCreate, caller: WriteCaller) -> WebhookCreated:
    """Signed deliveries of claim.accepted, claim.rejected, claim.paid and claim.denied; retried with backoff."""
    problem, _ = await targets.check(body.url, allow_loopback=request.app.state.settings.webhook_allow_loopback_receivers)
    if problem:
        raise Problem(422, "Webhook URL is not acceptable", problem, errors=[{"field": "body.url", "message": problem}])
    async with request.app.state.runtime.units_of_work() as uow:
        endpoint = await store.register(uow, tenant_id=UUID(caller.tenant_id), key_id=UUID(caller.key_id),
                                        url=body.url, events=list(body.events))
        created = WebhookCreated(**_out(endpoint), secret=endpoint.secret)
    return created


@router.get("", response_model=list[WebhookOut])
async def list_webhooks(request: Request, caller: WriteCaller) -> list[WebhookOut]:
    async with request.app.state.runtime.units_of_work() as uow:
        return [WebhookOut(**_out(e)) for e in await store.endpoints(uow, tenant_id=UUID(caller.tenant_id))]


@router.get("/{webhook_id}", response_model=WebhookOut)
async def get_webhook(request: Request, webhook_id: Annotated[UUID, Path()], caller: WriteCaller) -> WebhookOut:
    async with request.app.state.runtime.units_of_work() as uow:
        endpoint = await store.endpoint(uow, tenant_id=UUID(caller.tenant_id), endpoint_id=webhook_id)
    if endpoint is None:
        raise Problem(404, "Webhook not found")
    return WebhookOut(**_out(endpoint))


@router.delete("/{webhook_id}", response_model=WebhookOut)
async def disable_webhook(request: Request, webhook_id: Annotated[UUID, Path()], caller: WriteCaller) -> WebhookOut:
    """Stops deliveries at once; pending ones are cancelled. Afterwards the webhook answers 404."""
    async with request.app.state.runtime.units_of_work() as uow:
        endpoint = await store.disable(uow, tenant_id=UUID(caller.tenant_id), endpoint_id=webhook_id)
        if endpoint is None:
            raise Problem(404, "Webhook not found")
        return WebhookOut(**_out(endpoint))


@router.get("/{webhook_id}/deliveries", response_model=DeliveryPage)
async def list_deliveries(request: Request, webhook_id: Annotated[UUID, Path()], caller: WriteCaller,
                          limit: Annotated[int, Query(ge=1, le=200)] = 50,
                          cursor: Annotated[str | None, Query(max_length=200)] = None) -> DeliveryPage:
    """Every delivery to this endpoint, newest first, with every attempt (time, status, error, duration)."""
    tenant_id = UUID(caller.tenant_id)
    async with request.app.state.runtime.units_of_work() as uow:
        if await store.endpoint(uow, tenant_id=tenant_id, endpoint_id=webhook_id) is None:
            raise Problem(404, "Webhook not found")
        rows = await store.deliveries(uow, tenant_id=tenant_id, endpoint_id=webhook_id, limit=limit,
                                     before=decode_cursor(cursor))
    items = [DeliveryOut(
        delivery_id=d.id, event_id=d.event_id, event_type=d.event_type, status=d.status,
        next_attempt_at=d.next_attempt_at if d.status == "pending" else None, created_at=d.created_at,
        delivered_at=d.delivered_at, payload=d.payload,
        attempts=[AttemptOut(attempted_at=a.attempted_at, status_code=a.status_code, error=a.error,
                             duration_ms=a.duration_ms) for a in attempts]) for d, attempts in rows]
    last = rows[-1][0] if rows else None
    next_cursor = encode_cursor(last.created_at, last.id) if len(rows) == limit and last.created_at else None
    return DeliveryPage(items=items, next_cursor=next_cursor)
