"""GET /v1/claims/{id} through the gateway vs the claims service directly, at concurrency 200.

The gateway does more per request than the service (key lookup, rate limit, three upstream calls
merged into one view, an audit entry), so the ratio says what that door costs. Zero errors is part of
the result: any non-200 is counted and reported.
"""
import asyncio
import time
from collections import Counter

import httpx

from shared.internal_auth import HEADER, Caller, issue_token
from tests.e2e.support import create_tenant, encounter_body

CONCURRENCY = 200


async def _hammer(client: httpx.AsyncClient, path: str, count: int, headers: dict) -> tuple[float, Counter]:
    """Requests per second and the non-200 answers by status (or exception name)."""
    limit = asyncio.Semaphore(CONCURRENCY)
    errors: Counter = Counter()

    async def one() -> None:
        async with limit:
            try:
                response = await client.get(path, headers=headers)
                if response.status_code != 200:
                    errors[str(response.status_code)] += 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    return count / (time.perf_counter() - started), errors


def _claim_id(gateway: httpx.Client) -> str:
    encounter_id = gateway.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        claim_id = gateway.get(f"/v1/encounters/{encounter_id}").json().get("claim_id")
        if claim_id:
            return claim_id
        time.sleep(0.5)
    raise RuntimeError("no claim within 2 minutes")


async def _compare(stack, tenant: dict, claim_id: str, count: int) -> dict[str, float]:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    token = issue_token(stack.secrets["internal_token_secret"], Caller(tenant["tenant_id"], tenant["key_id"]),
                        ttl_seconds=3600)
    async with httpx.AsyncClient(base_url=stack.ports.url("gateway"), limits=limits, timeout=60) as gateway, \
            httpx.AsyncClient(base_url=stack.ports.url("claims"), limits=limits, timeout=60) as claims:
        auth = {"Authorization": f"Bearer {tenant['api_key']}"}
        await _hammer(gateway, f"/v1/claims/{claim_id}", CONCURRENCY, auth)  # warm both paths
        await _hammer(claims, f"/internal/claims/{claim_id}", CONCURRENCY, {HEADER: token})
        direct, direct_errors = await _hammer(claims, f"/internal/claims/{claim_id}", count, {HEADER: token})
        through, gateway_errors = await _hammer(gateway, f"/v1/claims/{claim_id}", count, auth)
    return {
        f"claims service direct, GET claim (req/s, c={CONCURRENCY})": direct,
        f"gateway, GET /v1/claims/{{id}} merged view (req/s, c={CONCURRENCY})": through,
        "gateway / direct throughput (%)": 100 * through / direct,
        "errors direct (must be 0)": sum(direct_errors.values()),
        "errors through the gateway (must be 0)": sum(gateway_errors.values()),
        **{f"  direct error {kind}": n for kind, n in direct_errors.items()},
        **{f"  gateway error {kind}": n for kind, n in gateway_errors.items()},
    }


def measure(stack, count: int = 3000) -> dict[str, float]:
    """Runs against a started stack (tools.bench.pipeline starts one)."""
    tenant = create_tenant(stack, "Bench Gateway Practice")
    admin = {"Authorization": f"Bearer {stack.secrets['admin_api_key']}"}
    httpx.put(f"{stack.ports.url('gateway')}/v1/tenants/{tenant['tenant_id']}/rate-limit", headers=admin, timeout=30,
              json={"requests_per_second": 100000, "burst": 100000}).raise_for_status()
    with httpx.Client(base_url=stack.ports.url("gateway"), headers={"Authorization": f"Bearer {tenant['api_key']}"},
                      timeout=60) as gateway:
        claim_id = _claim_id(gateway)
    return asyncio.run(_compare(stack, tenant, claim_id, count))


def measure_alone() -> dict[str, float]:
    """`python -m tools.bench --gateway-only`: a stack of its own, just this comparison."""
    from tools.bench.pipeline import bench_stack

    stack = bench_stack()
    try:
        stack.start_infrastructure()
        stack.start_services()
        return measure(stack)
    finally:
        stack.stop()
