"""Webhook endpoints, deliveries and attempts in Postgres: every query the webhook use cases and the delivery
loop make, by name. Deliveries live in a table so that they survive a restart; the loop leases due rows with
FOR UPDATE SKIP LOCKED, so several gateway replicas share the table safely."""
from datetime import datetime
from uuid import UUID

from sqlalchemy import select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import in_array
from services.gateway.adapters.tables import WebhookAttempt, WebhookDelivery, WebhookEndpoint

# The due deliveries, their next attempt pushed out by the lease: a loop that dies holding them lets another
# take them when the lease runs out.
_LEASE_DUE = text("""
UPDATE webhook_delivery SET next_attempt_at = now() + make_interval(secs => CAST(:lease AS double precision))
WHERE id IN (SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)
RETURNING id
""")
_LIVE = WebhookEndpoint.disabled_at.is_(None)


class WebhookStore:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def add_endpoint(self, endpoint: WebhookEndpoint) -> WebhookEndpoint:
        """The endpoint as stored, with the columns the database fills."""
        self._session.add(endpoint)
        await self._session.flush()
        await self._session.refresh(endpoint)
        return endpoint

    async def live_endpoints(self, tenant_id: UUID) -> list[WebhookEndpoint]:
        rows = await self._session.execute(select(WebhookEndpoint).where(
            WebhookEndpoint.tenant_id == tenant_id, _LIVE).order_by(WebhookEndpoint.created_at))
        return list(rows.scalars())

    async def live_endpoint(self, tenant_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        return (await self._session.execute(select(WebhookEndpoint).where(
            WebhookEndpoint.id == endpoint_id, WebhookEndpoint.tenant_id == tenant_id, _LIVE))).scalar_one_or_none()

    async def listening(self, tenant_ids: set[UUID]) -> dict[UUID, list[tuple[UUID, list[str]]]]:
        """{tenant: [(endpoint id, events)]} of these tenants' live endpoints, in one read."""
        rows = await self._session.execute(select(WebhookEndpoint.tenant_id, WebhookEndpoint.id,
                                                  WebhookEndpoint.events).where(
            in_array(WebhookEndpoint.tenant_id, tenant_ids), _LIVE))
        endpoints: dict[UUID, list[tuple[UUID, list[str]]]] = {}
        for tenant_id, endpoint_id, events in rows:
            endpoints.setdefault(tenant_id, []).append((endpoint_id, events))
        return endpoints

    async def add_deliveries(self, rows: list[dict]) -> None:
        """New deliveries in one statement; one already made for the same event and endpoint is left as it is."""
        if rows:
            await self._session.execute(insert(WebhookDelivery.__table__).on_conflict_do_nothing(), rows)

    async def deliveries_page(self, tenant_id: UUID, endpoint_id: UUID, *, limit: int,
                              before: tuple[datetime, UUID] | None
                              ) -> list[tuple[WebhookDelivery, list[WebhookAttempt]]]:
        """Newest first, keyset-paginated on (created_at, id), each delivery with its attempts in order."""
        query = select(WebhookDelivery).where(WebhookDelivery.tenant_id == tenant_id,
                                              WebhookDelivery.endpoint_id == endpoint_id)
        if before is not None:
            query = query.where(tuple_(WebhookDelivery.created_at, WebhookDelivery.id) < tuple_(*before))
        query = query.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()).limit(limit)
        rows = list((await self._session.execute(query)).scalars())
        attempts: dict[UUID, list[WebhookAttempt]] = {row.id: [] for row in rows}
        if rows:
            found = await self._session.execute(select(WebhookAttempt).where(
                WebhookAttempt.tenant_id == tenant_id, in_array(WebhookAttempt.delivery_id, attempts))
                .order_by(WebhookAttempt.id))
            for attempt in found.scalars():
                attempts[attempt.delivery_id].append(attempt)
        return [(row, attempts[row.id]) for row in rows]

    async def lease_due(self, *, lease_seconds: float, batch: int) -> list[tuple[WebhookDelivery, WebhookEndpoint]]:
        """Up to `batch` due deliveries with their endpoints, leased for `lease_seconds`."""
        ids = (await self._session.execute(_LEASE_DUE, {"lease": lease_seconds, "batch": batch})).scalars().all()
        if not ids:
            return []
        return [tuple(row) for row in (await self._session.execute(
            select(WebhookDelivery, WebhookEndpoint).join(WebhookEndpoint,
                                                          WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(in_array(WebhookDelivery.id, ids)))).all()]

    async def cancel(self, delivery_id: UUID) -> None:
        await self._session.execute(update(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
                                    .values(status="cancelled"))

    async def record_attempt(self, attempt: WebhookAttempt, delivery_state: dict) -> None:
        """The attempt, and the delivery's state after it (delivered, failed, or its next try)."""
        self._session.add(attempt)
        await self._session.execute(update(WebhookDelivery).where(WebhookDelivery.id == attempt.delivery_id)
                                    .values(**delivery_state))
