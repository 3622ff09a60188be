"""The delivery loop: works the webhook_delivery table, so deliveries survive a restart.

Each round leases the due rows (FOR UPDATE SKIP LOCKED, next attempt pushed out by the lease) in a
short transaction, posts them concurrently without holding a transaction open, then records every
attempt and either marks the delivery delivered, schedules the next try with exponential backoff, or
gives up after the last attempt. Each attempt checks again where the URL points (targets.py).
Several gateway replicas share the table safely. Delivery is at least once (a crash between the POST
and the record repeats it): receivers deduplicate on `id`.
"""
import asyncio
import json
import random
import time
from datetime import datetime, timedelta, timezone

import httpx

from services.gateway.adapters.tables import WebhookAttempt
from services.gateway.domain.webhooks import SIGNATURE_HEADER, retry_delay_seconds, sign
from services.gateway.webhooks import targets

LEASE = timedelta(seconds=60)
BATCH = 50
IDLE_SLEEP_SECONDS = 0.5


def webhook_loop(settings):
    async def deliver_webhooks(runtime) -> None:
        async with httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, follow_redirects=False) as client:
            while not runtime.stopping.is_set():
                worked = await deliver_due(runtime.units_of_work, client, settings)
                if not worked:
                    await asyncio.sleep(IDLE_SLEEP_SECONDS)

    return deliver_webhooks


async def deliver_due(units_of_work, client: httpx.AsyncClient, settings) -> int:
    async with units_of_work() as uow:
        leased = await uow.webhooks.lease_due(lease_seconds=LEASE.total_seconds(), batch=BATCH)
        work = [(d.id, d.tenant_id, d.attempts, d.payload, e.url, e.secret, e.disabled_at is not None)
                for d, e in leased]
    if not work:
        return 0
    allow_loopback = settings.webhook_allow_loopback_receivers
    results = await asyncio.gather(*(_post(client, url, secret, payload, allow_loopback=allow_loopback)
                                     for _, _, _, payload, url, secret, off in work if not off))
    outcomes = iter(results)
    async with units_of_work() as uow:
        for delivery_id, tenant_id, attempts, _, _, _, disabled in work:
            if disabled:
                await uow.webhooks.cancel(delivery_id)
                continue
            status_code, error, duration_ms, at = next(outcomes)
            await uow.webhooks.record_attempt(
                WebhookAttempt(delivery_id=delivery_id, tenant_id=tenant_id, attempted_at=at,
                               status_code=status_code, error=error, duration_ms=duration_ms),
                _next_state(attempts + 1, status_code, at, settings))
    return len(work)


def _next_state(attempts: int, status_code: int | None, at: datetime, settings) -> dict:
    if status_code is not None and 200 <= status_code < 300:
        return {"status": "delivered", "attempts": attempts, "delivered_at": at}
    if attempts >= settings.webhook_max_attempts:
        return {"status": "failed", "attempts": attempts}
    delay = retry_delay_seconds(attempts, base=settings.webhook_backoff_base_seconds, jitter=random.random())
    return {"attempts": attempts, "next_attempt_at": at + timedelta(seconds=delay)}


async def _post(client: httpx.AsyncClient, url: str, secret: str, payload: dict, *, allow_loopback: bool):
    """One attempt: (status code, error, duration ms, time). A target that now resolves to an address
    we must not call is not called; the attempt records why."""
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    at = datetime.now(timezone.utc)
    started = time.perf_counter()
    problem, target = await targets.check(url, allow_loopback=allow_loopback)
    if target is None:
        return None, f"not called: the URL {problem}"[:200], int((time.perf_counter() - started) * 1000), at
    headers = {"content-type": "application/json", SIGNATURE_HEADER: sign(secret, int(at.timestamp()), body),
               "Webhook-Id": payload["id"], "User-Agent": "billing-platform-webhooks/1", "Host": target.host_header}
    try:
        response = await client.post(target.url, content=body, headers=headers,
                                     extensions={"sni_hostname": target.sni_hostname})
        status_code, error = response.status_code, None if response.is_success else f"HTTP {response.status_code}"
    except Exception as exc:  # noqa: BLE001 - any failure to reach the receiver is a failed attempt
        status_code, error = None, type(exc).__name__
    return status_code, error, int((time.perf_counter() - started) * 1000), at
