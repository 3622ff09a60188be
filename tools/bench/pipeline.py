"""The whole pipeline: N encounters posted at the gateway until every payment is posted."""
import asyncio
import os
import shutil
import time
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from tests.e2e.support import create_tenant, encounter_body
from tools.bench import gateway
from tools.devstack.stack import Stack
from tools.devstack.topology import Ports

RUN_DIR = Path(__file__).resolve().parents[2] / ".run" / "bench"


async def _post_all(url: str, key: str, count: int, concurrency: int = 50) -> list[str]:
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as client:
        async def post() -> str:
            async with limit:
                response = await client.post("/v1/encounters", json=encounter_body())
                response.raise_for_status()
                return response.json()["encounter_id"]

        return await asyncio.gather(*(post() for _ in range(count)))


async def _count_posted(stack: Stack, tenant_id: str) -> int:
    import asyncpg

    url = make_url(stack.database_url).set(database="billing_payments").render_as_string(hide_password=False)
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval("SELECT count(*) FROM ledger_transaction WHERE kind='payment' AND tenant_id=$1::uuid",
                                   tenant_id)
    finally:
        await conn.close()


def bench_stack() -> Stack:
    """A fresh stack for the benchmark (BENCH_PORT_OFFSET, default 3000, keeps it off the test ports)."""
    shutil.rmtree(RUN_DIR, ignore_errors=True)
    return Stack(RUN_DIR, Ports.offset(int(os.environ.get("BENCH_PORT_OFFSET", "3000"))), environment="test",
                 durable=False)


def measure(count: int = 500) -> dict[str, float]:
    stack = bench_stack()
    try:
        stack.start_infrastructure()
        stack.start_services()
        tenant = create_tenant(stack, "Bench Practice")
        started = time.perf_counter()
        asyncio.run(_post_all(stack.ports.url("gateway"), tenant["api_key"], count))
        accepted = time.perf_counter() - started
        while asyncio.run(_count_posted(stack, tenant["tenant_id"])) < count:
            if time.perf_counter() - started > 600:
                raise RuntimeError("pipeline did not finish in 10 minutes")
            time.sleep(0.5)
        total = time.perf_counter() - started
        return {f"gateway intake ({count} encounters, encounters/s)": count / accepted,
                f"end to end to posted payment ({count} encounters, encounters/s)": count / total,
                **gateway.measure(stack)}
    finally:
        stack.stop()
