"""Webhook endpoints and deliveries in Postgres, every query scoped by tenant."""
import secrets
from datetime import datetime, timezone
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert

from shared.contracts.envelope import Envelope
from shared.db.unit_of_work import UnitOfWork
from services.gateway.adapters.tables import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services.gateway.domain.webhooks import public_event


async def register(uow: UnitOfWork, *, tenant_id: UUID, key_id: UUID, url: str, events: list[str]) -> WebhookEndpoint:
    endpoint = WebhookEndpoint(tenant_id=tenant_id, url=url, events=sorted(set(events)),
                               secret="whsec_" + secrets.token_urlsafe(32), created_by_key_id=key_id)
    uow.session.add(endpoint)
    await uow.session.flush()
    await uow.session.refresh(endpoint)
    return endpoint


async def endpoints(uow: UnitOfWork, *, tenant_id: UUID) -> list[WebhookEndpoint]:
    """The tenant's live endpoints; deleted (disabled) ones are no longer listed."""
    rows = await uow.session.execute(select(WebhookEndpoint).where(
        WebhookEndpoint.tenant_id == tenant_id, WebhookEndpoint.disabled_at.is_(None)).order_by(WebhookEndpoint.created_at))
    return list(rows.scalars())


async def endpoint(uow: UnitOfWork, *, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
    """A live endpoint of the tenant; None when it is another tenant's, deleted, or unknown."""
    return (await uow.session.execute(select(WebhookEndpoint).where(
        WebhookEndpoint.id == endpoint_id, WebhookEndpoint.tenant_id == tenant_id,
        WebhookEndpoint.disabled_at.is_(None)))).scalar_one_or_none()


async def disable(uow: UnitOfWork, *, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
    found = await endpoint(uow, tenant_id=tenant_id, endpoint_id=endpoint_id)
    if found is not None:
        found.disabled_at = datetime.now(timezone.utc)
    return found


async def deliveries(uow: UnitOfWork, *, tenant_id: UUID, endpoint_id: UUID, limit: int,
                     before: tuple[datetime, UUID] | None) -> list[tuple[WebhookDelivery, list[WebhookAttempt]]]:
    """Newest first; the cursor is (created_at, id) of the last delivery of the previous page."""
    query = select(WebhookDelivery).where(WebhookDelivery.tenant_id == tenant_id,
                                          WebhookDelivery.endpoint_id == endpoint_id)
    if before is not None:
        query = query.where(tuple_(WebhookDelivery.created_at, WebhookDelivery.id) < tuple_(*before))
    query = query.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()).limit(limit)
    rows = list((await uow.session.execute(query)).scalars())
    attempts: dict[UUID, list[WebhookAttempt]] = {row.id: [] for row in rows}
    if rows:
        found = await uow.session.execute(select(WebhookAttempt).where(
            WebhookAttempt.tenant_id == tenant_id, WebhookAttempt.delivery_id.in_(list(attempts)))
            .order_by(WebhookAttempt.id))
        for attempt in found.scalars():
            attempts[attempt.delivery_id].append(attempt)
    return [(row, attempts[row.id]) for row in rows]


async def enqueue(uow: UnitOfWork, envelope: Envelope) -> int:
    """The consumer's handler: one delivery row per subscribed endpoint, in the inbox's transaction."""
    event = public_event(envelope.event_type, envelope.payload.model_dump(mode="json"))
    if event is None:
        return 0
    event_type, data = event
    targets = (await uow.session.execute(select(WebhookEndpoint.id).where(
        WebhookEndpoint.tenant_id == envelope.tenant_id, WebhookEndpoint.disabled_at.is_(None),
        WebhookEndpoint.events.any(event_type)))).scalars().all()
    body = {"id": str(envelope.event_id), "type": event_type, "created": envelope.occurred_at.isoformat(), "data": data}
    for endpoint_id in targets:
        await uow.session.execute(insert(WebhookDelivery).values(
            tenant_id=envelope.tenant_id, endpoint_id=endpoint_id, event_id=envelope.event_id,
            event_type=event_type, payload=body, status="pending", attempts=0,
        ).on_conflict_do_nothing())
    return len(targets)
