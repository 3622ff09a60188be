"""Webhook endpoints a tenant registers, lists and deletes, their deliveries, and the events of a consumer batch
turned into deliveries: every read and write scoped by tenant, through the unit of work's webhook store."""
import secrets
from datetime import datetime
from uuid import UUID

from shared.kafka.consumer import EventBatch
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.adapters.tables import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from services.gateway.domain.webhooks import deliveries_for


async def register(uow: GatewayUnitOfWork, *, tenant_id: UUID, key_id: UUID, url: str,
                   events: list[str]) -> WebhookEndpoint:
    return await uow.webhooks.add_endpoint(WebhookEndpoint(
        tenant_id=tenant_id, url=url, events=sorted(set(events)), secret="whsec_" + secrets.token_urlsafe(32),
        created_by_key_id=key_id))


async def endpoints(uow: GatewayUnitOfWork, *, tenant_id: UUID) -> list[WebhookEndpoint]:
    """The tenant's live endpoints; deleted (disabled) ones are no longer listed."""
    return await uow.webhooks.live_endpoints(tenant_id)


async def endpoint(uow: GatewayUnitOfWork, *, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
    """A live endpoint of the tenant; None when it is another tenant's, deleted, or unknown."""
    return await uow.webhooks.live_endpoint(tenant_id, endpoint_id)


async def disable(uow: GatewayUnitOfWork, *, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
    found = await uow.webhooks.live_endpoint(tenant_id, endpoint_id)
    if found is not None:
        found.disabled_at = uow.now()
    return found


async def deliveries(uow: GatewayUnitOfWork, *, tenant_id: UUID, endpoint_id: UUID, limit: int,
                     before: tuple[datetime, UUID] | None) -> list[tuple[WebhookDelivery, list[WebhookAttempt]]]:
    """Newest first; the cursor is (created_at, id) of the last delivery of the previous page."""
    return await uow.webhooks.deliveries_page(tenant_id, endpoint_id, limit=limit, before=before)


async def enqueue_batch(uow: GatewayUnitOfWork, batch: EventBatch) -> int:
    """The consumer's batch handler: one read of the batch's tenants' enabled endpoints, each event in its
    own span, and one write of every delivery, in the inbox's transaction."""
    listening = await uow.webhooks.listening({envelope.tenant_id for envelope in batch.envelopes})
    rows = []
    for envelope in batch.traced():
        rows += deliveries_for(envelope, listening.get(envelope.tenant_id, []))
    await uow.webhooks.add_deliveries(rows)
    return len(rows)
