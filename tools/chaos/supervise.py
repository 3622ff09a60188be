"""What an orchestrator does for a process that crashed or whose liveness fails: start it again.
Counted, since each is a finding: a crash under its service's name, a liveness restart as
`<service> (liveness)`."""
import asyncio
import time
from collections import Counter

import httpx

from tools.devstack.stack import LivenessTracker

BACKOFF_SECONDS = 2.0
PROBE_EVERY_SECONDS = 5.0


async def keep_running(stack, crashes: Counter, stop: asyncio.Event, *, probe=None,
                       probe_every: float = PROBE_EVERY_SECONDS) -> None:
    """Restarts any service process that exited on its own (a fault's restart pops it first, so it is not
    seen), and one whose liveness failed three probes in a row, as Kubernetes would with the same probe."""
    last: dict[str, float] = {}
    tracker, probed = LivenessTracker(), 0.0
    async with httpx.AsyncClient(timeout=2) as client:
        probe = probe or (lambda name: _alive(client, stack, name))
        while not stop.is_set():
            for name, process in list(stack.processes.items()):
                if process.poll() is None or time.monotonic() - last.get(name, 0) < BACKOFF_SECONDS:
                    continue
                if stack.processes.get(name) is process:
                    crashes[name] += 1
                    last[name] = time.monotonic()
                    tracker.forget(name)
                    stack.start_service(name)
            if time.monotonic() - probed >= probe_every:
                probed = time.monotonic()
                for name in list(stack.processes):
                    if tracker.record(name, await probe(name)) and name in stack.processes:
                        crashes[f"{name} (liveness)"] += 1
                        tracker.forget(name)
                        stack.kill_service(name)
                        stack.start_service(name)
            try:
                await asyncio.wait_for(stop.wait(), min(1.0, probe_every))
            except asyncio.TimeoutError:
                pass


async def _alive(client: httpx.AsyncClient, stack, name: str) -> bool | None:
    """True on 200, False on a failing answer or none in time, None while nothing listens (starting, or
    restarted by a fault: an exit is caught by poll)."""
    try:
        response = await client.get(f"{stack.ports.url(name)}/health")
    except httpx.ConnectError:
        return None
    except httpx.HTTPError:
        return False
    return response.status_code == 200
