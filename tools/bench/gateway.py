"""GET /v1/claims/{id} through the gateway vs the claims service directly, at concurrency 200.

The gateway does more per request than the service (key lookup, rate limit, three upstream calls
merged into one view, an audit entry), so the ratio says what that door costs. Zero errors is part of
the result: every answer that is not a 200 is counted by kind (status class or exception name).
"""
import asyncio
import time
from collections import Counter

import httpx

from shared.internal_auth import HEADER, Caller, issue_token
from tests.e2e.support import encounter_body

CONCURRENCY = 200
# Idle pooled connections are dropped well before the services' uvicorn keep-alive timeout, so the
# client never sends a request on a connection the server is closing at that very moment.
LIMITS = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY, keepalive_expiry=2.0)


def error_kind(response: httpx.Response | None = None, exc: Exception | None = None) -> str:
    """'5xx:503', '4xx:429' or the httpx exception's name (ReadError, RemoteProtocolError, ReadTimeout...)."""
    if exc is not None:
        return type(exc).__name__
    return f"{response.status_code // 100}xx:{response.status_code}"


async def _hammer(client: httpx.AsyncClient, path: str, count: int, headers: dict) -> tuple[float, Counter]:
    """Requests per second and the non-200 answers by kind."""
    limit = asyncio.Semaphore(CONCURRENCY)
    errors: Counter = Counter()

    async def one() -> None:
        async with limit:
            try:
                response = await client.get(path, headers=headers)
                if response.status_code != 200:
                    errors[error_kind(response)] += 1
            except httpx.HTTPError as exc:
                errors[error_kind(exc=exc)] += 1

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    return count / (time.perf_counter() - started), errors


def _claim_id(url: str, key: str) -> str:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as gateway:
        encounter_id = gateway.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            claim_id = gateway.get(f"/v1/encounters/{encounter_id}").json().get("claim_id")
            if claim_id:
                return claim_id
            time.sleep(0.5)
    raise RuntimeError("no claim within 2 minutes")


async def _compare(stack, tenant: dict, claim_id: str, count: int) -> dict:
    token = issue_token(stack.secrets["internal_token_secret"], Caller(tenant["tenant_id"], tenant["key_id"]),
                        ttl_seconds=3600)
    auth = {"Authorization": f"Bearer {tenant['api_key']}"}
    async with httpx.AsyncClient(base_url=stack.ports.url("claims"), limits=LIMITS, timeout=60) as claims:
        await _hammer(claims, f"/internal/claims/{claim_id}", CONCURRENCY, {HEADER: token})  # warm-up
        direct, direct_errors = await _hammer(claims, f"/internal/claims/{claim_id}", count, {HEADER: token})
    async with httpx.AsyncClient(base_url=stack.ports.url("gateway"), limits=LIMITS, timeout=60) as gateway:
        await _hammer(gateway, f"/v1/claims/{claim_id}", CONCURRENCY, auth)  # warm-up
        through, gateway_errors = await _hammer(gateway, f"/v1/claims/{claim_id}", count, auth)
    return {"concurrency": CONCURRENCY, "requests": count, "get_direct_per_s": direct, "get_gateway_per_s": through,
            "gateway_over_direct": through / direct,
            "errors": {"direct": dict(direct_errors), "gateway": dict(gateway_errors)}}


def measure(stack, count: int = 2000) -> dict:
    """Runs against a started stack."""
    from tools.bench.pipeline import open_tenant

    tenant = open_tenant(stack, "Bench Gateway Practice")
    claim_id = _claim_id(stack.ports.url("gateway"), tenant["api_key"])
    return asyncio.run(_compare(stack, tenant, claim_id, count))
