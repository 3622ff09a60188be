"""GET /v1/claims/{id} through the gateway vs the claims service directly, at concurrency 200.

The gateway does more per request than the service (key lookup, rate limit, three upstream calls
merged into one view, an audit entry), so the ratio says what that door costs. Zero errors is part of
the result: every answer that is not a 200 is counted by kind (status class or exception name). The
CPU every process of the stack (and the load generator) spent per GET is kept beside the rates: on a
shared machine it says what a GET costs when the rate only says how busy the machine was.
"""
import asyncio
import time
from collections import Counter

import httpx

from shared.internal_auth import HEADER, Caller, issue_token
from services.gateway.adapters.http1 import Http1Transport, request_head
from tests.e2e.support import encounter_body
from tools.bench import resources

CONCURRENCY = 200
# Idle pooled connections are dropped well before the services' uvicorn keep-alive timeout, so the
# client never sends a request on a connection the server is closing at that very moment.
KEEPALIVE_SECONDS = 2.0
TIMEOUTS = httpx.Timeout(60).as_dict()


def error_kind(response: httpx.Response | None = None, exc: Exception | None = None) -> str:
    """'5xx:503', '4xx:429' or the httpx exception's name (ReadError, RemoteProtocolError, ReadTimeout...)."""
    if exc is not None:
        return type(exc).__name__
    return f"{response.status_code // 100}xx:{response.status_code}"


async def _hammer(transport: Http1Transport, url: str, target: str, headers: dict, count: int
                  ) -> tuple[float, Counter, float]:
    """Requests per second, the non-200 answers by kind and this process's CPU seconds.

    The load comes from `CONCURRENCY` workers, each sending its next GET when its last one is answered,
    over the gateway's own keep-alive transport with the request's bytes written once: httpx's client
    spent several milliseconds of CPU per request at this concurrency, more than the servers it measured,
    on the same two cores."""
    base = httpx.URL(url)
    message = request_head("GET", target, base.netloc.decode(), headers)
    errors: Counter = Counter()

    async def worker(share: int) -> None:
        for _ in range(share):
            try:
                response = await transport.exchange(base.host, base.port, message, TIMEOUTS)
                if response.status_code != 200:
                    errors[error_kind(response)] += 1
            except httpx.HTTPError as exc:
                errors[error_kind(exc=exc)] += 1

    shares = [count // CONCURRENCY + (i < count % CONCURRENCY) for i in range(CONCURRENCY)]
    cpu, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker(share) for share in shares if share))
    return count / (time.perf_counter() - started), errors, time.process_time() - cpu


async def _measure_one(stack, url: str, target: str, headers: dict, count: int) -> tuple[float, Counter, dict]:
    """Warmed up, then measured: the rate, the errors and the CPU ms per GET of every process."""
    transport = Http1Transport(max_connections=CONCURRENCY, keepalive_expiry=KEEPALIVE_SECONDS)
    try:
        await _hammer(transport, url, target, headers, CONCURRENCY)  # warm-up: connections, caches
        before = resources.snapshot(stack)
        rate, errors, client_cpu = await _hammer(transport, url, target, headers, count)
        spent = resources.cpu_between(before, resources.snapshot(stack))
    finally:
        await transport.aclose()
    cpu_ms = {name: round(seconds * 1000 / count, 3) for name, seconds in spent.items() if seconds > 0}
    return rate, errors, {**cpu_ms, "bench_client": round(client_cpu * 1000 / count, 3)}


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
    direct, direct_errors, direct_cpu = await _measure_one(
        stack, stack.ports.url("claims"), f"/internal/claims/{claim_id}", {HEADER: token}, count)
    through, gateway_errors, gateway_cpu = await _measure_one(
        stack, stack.ports.url("gateway"), f"/v1/claims/{claim_id}", {"Authorization": f"Bearer {tenant['api_key']}"},
        count)
    return {"concurrency": CONCURRENCY, "requests": count, "get_direct_per_s": direct, "get_gateway_per_s": through,
            "gateway_over_direct": through / direct,
            "errors": {"direct": dict(direct_errors), "gateway": dict(gateway_errors)},
            "cpu_ms_per_get": {"direct": direct_cpu, "gateway": gateway_cpu}}


def measure(stack, count: int = 2000) -> dict:
    """Runs against a started stack."""
    from tools.bench.pipeline import open_tenant

    tenant = open_tenant(stack, "Bench Gateway Practice")
    claim_id = _claim_id(stack.ports.url("gateway"), tenant["api_key"])
    return asyncio.run(_compare(stack, tenant, claim_id, count))


def main() -> None:
    """The GET phase alone, on a durable stack of its own (BENCH_PORT_BASE moves its ports); it prints
    the figures and writes no result file."""
    import argparse
    import json

    from tools.bench.pipeline import bench_stack

    parser = argparse.ArgumentParser(prog="python -m tools.bench.gateway", description=main.__doc__.split(";")[0])
    parser.add_argument("--requests", type=int, default=2000, help="GETs per path")
    args = parser.parse_args()
    stack = bench_stack()
    try:
        stack.start_infrastructure()
        stack.start_services()
        print(json.dumps(measure(stack, args.requests), indent=2), flush=True)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
