"""A long-running loop that stops turning: some await inside it will not return (after a broker restart an
aiokafka call has been seen to wait forever while the process looked alive). Its owner cancels it and starts
it again in the process, before liveness would have the whole process restarted."""
import asyncio
import time
from collections.abc import Callable
from pathlib import Path

CANCEL_SECONDS = 15.0
PROJECT_ROOT = f"{Path(__file__).resolve().parents[2]}/"


async def until_ended_or_stalled(task: asyncio.Task, heartbeat: Callable[[], float | None], *,
                                 stall_after: float) -> str | None:
    """Waits until `task` ends. When `heartbeat()` (the `time.monotonic()` of its last turn) is more than
    `stall_after` seconds old, cancels it and returns where it waited (`awaiting`); None when it ended on
    its own. Every wait inside such a loop either turns it or marks it alive (its retries set the heartbeat),
    so a stale heartbeat is an await that will not return."""
    while True:
        done, _ = await asyncio.wait([task], timeout=min(stall_after / 4, 5.0))
        if done:
            return None
        beat = heartbeat()
        if beat is not None and time.monotonic() - beat > stall_after:
            where = awaiting(task)
            task.cancel()
            await asyncio.wait([task], timeout=CANCEL_SECONDS)
            return where


def awaiting(task: asyncio.Task) -> str:
    """The chain of awaits a suspended task is in, outermost first, as `file:function:line` (code locations
    only: no values), so that the log of a stall says which call never returned."""
    places, awaited = [], task.get_coro()
    while awaited is not None and len(places) < 40:
        frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
        if frame is None:
            places.append(type(awaited).__name__)  # a future or another awaitable: the end of the chain
            break
        places.append(f"{_short(frame.f_code.co_filename)}:{frame.f_code.co_name}:{frame.f_lineno}")
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    return " > ".join(places)


def _short(path: str) -> str:
    """A library's file from its package on, the project's from its root, the standard library's last two parts."""
    if "site-packages/" in path:
        return path.rsplit("site-packages/", 1)[1]
    if path.startswith(PROJECT_ROOT):
        return path[len(PROJECT_ROOT):]
    return "/".join(path.split("/")[-2:])
