"""A long-running loop that stops turning: some await inside it will not return (after a broker restart an
aiokafka call has been seen to wait forever while the process looked alive). Its owner cancels it and starts
it again in the process, before liveness would have the whole process restarted."""
import asyncio
import time
from collections.abc import Callable

CANCEL_SECONDS = 15.0


async def until_ended_or_stalled(task: asyncio.Task, heartbeat: Callable[[], float | None], *,
                                 stall_after: float) -> bool:
    """Waits until `task` ends; True when it was cancelled here because `heartbeat()` (the `time.monotonic()`
    of its last turn) is more than `stall_after` seconds old. Every wait inside such a loop either turns it or
    marks it alive (its retries set the heartbeat), so a stale heartbeat is an await that will not return."""
    while True:
        done, _ = await asyncio.wait([task], timeout=min(stall_after / 4, 5.0))
        if done:
            return False
        beat = heartbeat()
        if beat is not None and time.monotonic() - beat > stall_after:
            task.cancel()
            await asyncio.wait([task], timeout=CANCEL_SECONDS)
            return True
