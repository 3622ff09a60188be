"""The encounters the benchmark pushes through the gateway: as fast as it takes them, or paced."""
import asyncio
import time

import httpx

from services.gateway.adapters.http1 import Http1Transport
from tests.e2e.support import encounter_body
from tools.bench.gateway import KEEPALIVE_SECONDS


def _client(url: str, key: str) -> httpx.AsyncClient:
    """Over the gateway's own keep-alive transport: httpx's default one (httpcore's pool, h11) spent
    milliseconds of CPU per request, on the same two cores as the stack it loads, so the intake figure
    was partly the load generator's. Idle connections go well before the server's keep-alive timeout."""
    return httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60,
                             transport=Http1Transport(max_connections=200, keepalive_expiry=KEEPALIVE_SECONDS))


async def _post(client: httpx.AsyncClient) -> str:
    response = await client.post("/v1/encounters", json=encounter_body())
    response.raise_for_status()
    return response.json()["encounter_id"]


async def post_burst(url: str, key: str, count: int, concurrency: int = 50) -> tuple[list[str], float]:
    """Posts `count` encounters `concurrency` at a time; the ids and the seconds the gateway took."""
    limit = asyncio.Semaphore(concurrency)
    async with _client(url, key) as client:
        async def one() -> str:
            async with limit:
                return await _post(client)

        started = time.perf_counter()
        ids = await asyncio.gather(*(one() for _ in range(count)))
        return ids, time.perf_counter() - started


async def post_paced(url: str, key: str, per_second: float, seconds: float) -> list[str]:
    """Posts one encounter every 1/per_second seconds for `seconds`, whatever the answers' pace
    (an open-loop load, so a slow pipeline shows as latency instead of slowing the load down)."""
    count = max(1, int(per_second * seconds))
    async with _client(url, key) as client:
        started = time.perf_counter()

        async def one(i: int) -> str:
            await asyncio.sleep(max(0.0, started + i / per_second - time.perf_counter()))
            return await _post(client)

        return await asyncio.gather(*(one(i) for i in range(count)))
