"""Group commit: concurrent submissions share a write, each gets its own answer, and an item that breaks
its batch fails alone."""
import asyncio
from types import SimpleNamespace

import pytest
from opentelemetry.trace import SpanContext, TraceFlags

from services.gateway.adapters.group_commit import GroupCommit

pytestmark = pytest.mark.unit


class Store:
    def __init__(self):
        self.writes: list[list[int]] = []

    async def write(self, items: list[int]) -> list[int]:
        if -1 in items:
            raise ValueError("refused")
        self.writes.append(items)
        return [item * 10 for item in items]


async def run_with(writer: GroupCommit, *items: int) -> list:
    runtime = SimpleNamespace(stopping=asyncio.Event())
    task = asyncio.create_task(writer.run(runtime))
    try:
        return await asyncio.gather(*(writer.submit(i) for i in items), return_exceptions=True)
    finally:
        task.cancel()


async def test_concurrent_submissions_share_one_write_and_get_their_own_answer():
    store = Store()
    answers = await run_with(GroupCommit("test", store.write), 1, 2, 3)
    assert answers == [10, 20, 30]
    assert store.writes == [[1, 2, 3]]


async def test_batches_are_bounded():
    store = Store()
    await run_with(GroupCommit("test", store.write, max_batch=2), 1, 2, 3)
    assert store.writes == [[1, 2], [3]]


async def test_an_item_that_breaks_its_batch_fails_alone():
    store = Store()
    answers = await run_with(GroupCommit("test", store.write), 1, -1, 3)
    assert answers[0] == 10 and answers[2] == 30
    assert isinstance(answers[1], ValueError)
    assert sorted(sum(store.writes, [])) == [1, 3]



async def test_a_handed_span_context_is_the_one_queued_with_its_item():
    writer = GroupCommit("test", Store().write)
    handed = SpanContext(0x0123456789ABCDEF0123456789ABCDEF, 0x0123456789ABCDEF, True, TraceFlags(TraceFlags.SAMPLED))
    waiting = [asyncio.create_task(writer.submit(1, parent=handed)), asyncio.create_task(writer.submit(2))]
    await asyncio.sleep(0)
    queued = [writer._queue.get_nowait() for _ in waiting]
    for one in waiting:
        one.cancel()
    assert [(item, parent) for item, _, parent in queued] == [(1, handed), (2, None)]


async def test_a_wait_past_the_timeout_fails_and_its_item_is_not_written_later():
    store = Store()
    writer = GroupCommit("test", store.write, timeout_seconds=0.01)
    with pytest.raises(TimeoutError):
        await writer.submit(1)  # no batch runs
    assert await run_with(writer, 2) == [20]
    assert store.writes == [[2]]


async def test_a_cancelled_wait_leaves_its_item_out_of_the_batch():
    store = Store()
    writer = GroupCommit("test", store.write)
    waiting = asyncio.create_task(writer.submit(1))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert await run_with(writer, 2) == [20]
    assert store.writes == [[2]]
