"""Waits, before a phase is timed, until the work that the run itself left behind has finished.

A bulk load leaves gigabytes of dirty pages for the checkpointer and tables for autovacuum; timed
straight after, the full database's reads share the two cores with that background work, and the
comparison with the nearly empty database measures it. So the phase starts with a CHECKPOINT, then
waits (up to a bound) until no autovacuum worker runs and the machine's CPU has stayed mostly idle for
a few seconds in a row (two servers side by side are both checkpointed and watched in one wait). How
long it waited, and whether it settled, go into the result: a phase timed on a machine that never
settled (other work running) is marked as such.
"""
import asyncio
import time
from dataclasses import dataclass

import asyncpg
import psutil

from tools.bench.stages import database_url

AUTOVACUUM_WORKERS = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"


@dataclass(frozen=True)
class Quiet:
    """The machine is quiet when its CPU was busy at most `busy_percent` (all cores together) in each of
    `seconds` one-second samples in a row, with no autovacuum worker running."""
    busy_percent: float = 25.0
    seconds: int = 5
    limit_seconds: float = 180.0

    def settled(self, busy_samples: list[float], autovacuum_workers: int) -> bool:
        recent = busy_samples[-self.seconds:]
        return (autovacuum_workers == 0 and len(recent) == self.seconds
                and all(busy <= self.busy_percent for busy in recent))


def settle(server_urls: list[str], quiet: Quiet = Quiet(), *, log=print) -> dict:
    """CHECKPOINT on every server, then one-second CPU samples until the machine is quiet (no autovacuum
    worker on any of them) or the limit is reached."""
    waited = asyncio.run(_settle(server_urls, quiet))
    log(f"[bench-data] settled: {waited['settled']} after {waited['seconds']} s "
        f"(CPU busy {waited['last_busy_percent']} %, autovacuum workers {waited['autovacuum_workers']})", flush=True)
    return waited


async def _settle(server_urls: list[str], quiet: Quiet) -> dict:
    # Any of a cluster's databases will do: CHECKPOINT and pg_stat_activity are the whole server's.
    conns = [await asyncpg.connect(database_url(url, "claims"), command_timeout=None) for url in server_urls]
    try:
        started = time.monotonic()
        for conn in conns:
            await conn.execute("CHECKPOINT")
        checkpoint_seconds = time.monotonic() - started
        samples: list[float] = []
        workers = 0
        while time.monotonic() - started < quiet.limit_seconds:
            samples.append(await asyncio.to_thread(psutil.cpu_percent, 1.0))
            workers = sum([await conn.fetchval(AUTOVACUUM_WORKERS) for conn in conns])
            if quiet.settled(samples, workers):
                break
    finally:
        for conn in conns:
            await conn.close()
    return {"seconds": round(time.monotonic() - started, 1), "checkpoint_seconds": round(checkpoint_seconds, 1),
            "settled": quiet.settled(samples, workers), "last_busy_percent": samples[-quiet.seconds:],
            "autovacuum_workers": workers}
