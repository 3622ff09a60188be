"""The encounters the benchmark pushes through the gateway: as fast as it takes them, or paced."""
import asyncio
import time

import httpx

from tests.e2e.support import encounter_body


def _client(url: str, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60,
                             limits=httpx.Limits(max_connections=200, max_keepalive_connections=200))


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
