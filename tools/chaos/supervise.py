"""What an orchestrator does for a crashed process: start it again. Counted, since a crash is a finding."""
import asyncio
import time
from collections import Counter

BACKOFF_SECONDS = 2.0


async def keep_running(stack, crashes: Counter, stop: asyncio.Event) -> None:
    """Restarts any service process that exited on its own (a fault's restart pops it first, so it is not seen)."""
    last: dict[str, float] = {}
    while not stop.is_set():
        for name, process in list(stack.processes.items()):
            if process.poll() is None or time.monotonic() - last.get(name, 0) < BACKOFF_SECONDS:
                continue
            if stack.processes.get(name) is process:
                crashes[name] += 1
                last[name] = time.monotonic()
                stack.start_service(name)
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass
