"""The stall watch: a loop that stops turning is cancelled, and the log says where it waited."""
import asyncio
import time

import pytest

from shared.kafka.stall import awaiting, until_ended_or_stalled

pytestmark = pytest.mark.unit


async def _never_returns(forever: asyncio.Event) -> None:
    await forever.wait()


async def _loop(beat: list[float], forever: asyncio.Event) -> None:
    beat.append(time.monotonic())
    await _never_returns(forever)


async def test_a_loop_whose_heartbeat_goes_stale_is_cancelled_and_its_await_named():
    beat: list[float] = []
    task = asyncio.create_task(_loop(beat, asyncio.Event()))
    where = await until_ended_or_stalled(task, lambda: beat[-1] if beat else None, stall_after=0.2)
    assert task.cancelled()
    places = where.split(" > ")
    assert places[0].startswith("tests/unit/shared/test_stall.py:_loop:")
    assert places[1].startswith("tests/unit/shared/test_stall.py:_never_returns:")
    assert places[2].startswith("asyncio/locks.py:wait:")  # the event's own wait
    assert ":" not in places[-1]  # the future it waits on ends the chain


async def test_a_loop_that_ends_on_its_own_is_not_a_stall():
    task = asyncio.create_task(asyncio.sleep(0.05))
    assert await until_ended_or_stalled(task, time.monotonic, stall_after=0.2) is None and not task.cancelled()


async def test_a_loop_that_keeps_turning_is_left_alone():
    stop = asyncio.Event()

    async def turning(beat):
        while not stop.is_set():
            beat[0] = time.monotonic()
            await asyncio.sleep(0.02)

    beat = [time.monotonic()]
    task = asyncio.create_task(turning(beat))
    watch = asyncio.create_task(until_ended_or_stalled(task, lambda: beat[0], stall_after=0.2))
    await asyncio.sleep(0.6)
    assert not watch.done()
    stop.set()
    assert await watch is None


async def test_where_a_task_waits_holds_code_locations_only():
    forever = asyncio.Event()
    task = asyncio.create_task(_loop([], forever))
    await asyncio.sleep(0.01)
    *calls, end = awaiting(task).split(" > ")
    assert all(place.count(":") == 2 and not place.startswith("/") for place in calls) and ":" not in end
    task.cancel()
