"""Webhook endpoints and deliveries in Postgres, every query scoped by tenant."""
import secrets
from datetime import datetime, timezone
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert

from shared.db.unit_of_work import UnitOfWork
from shared.kafka.consumer import EventBatch
from services.gateway.adapters.tables import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services.gateway.domain.webhooks import deliveries_for


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


async def enqueue_batch(uow: UnitOfWork, batch: EventBatch) -> int:
    """The consumer's batch handler: one read of the batch's tenants' enabled endpoints, each event in its
    own span, and one write of every delivery, in the inbox's transaction."""
    listening = await _enabled_endpoints(uow, {envelope.tenant_id for envelope in batch.envelopes})
    rows = []
    for envelope in batch.traced():
        rows += deliveries_for(envelope, listening.get(envelope.tenant_id, []))
    if rows:
        await uow.session.execute(insert(WebhookDelivery.__table__).on_conflict_do_nothing(), rows)
    return len(rows)


async def _enabled_endpoints(uow: UnitOfWork, tenant_ids: set[UUID]) -> dict[UUID, list[tuple[UUID, list[str]]]]:
    rows = await uow.session.execute(select(WebhookEndpoint.tenant_id, WebhookEndpoint.id, WebhookEndpoint.events).where(
        WebhookEndpoint.tenant_id.in_(tenant_ids), WebhookEndpoint.disabled_at.is_(None)))
    endpoints: dict[UUID, list[tuple[UUID, list[str]]]] = {}
    for tenant_id, endpoint_id, events in rows:
        endpoints.setdefault(tenant_id, []).append((endpoint_id, events))
    return endpoints
