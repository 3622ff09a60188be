"""Group commit: concurrent requests queue their item and wait; one task writes whatever is queued in
one transaction, so a burst of requests costs a few round trips instead of a transaction each.

An item that makes its batch fail is isolated: the batch is written again one item at a time, so only
that request learns of the error. The batch's work is traced in the first request's trace and linked
from the others'. A request that stops waiting (timeout, client gone) may still be
written: the answer it missed is what a retry of it finds (an idempotent re-send).
"""
import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from opentelemetry.trace import SpanContext

from shared.telemetry import batch_span, current_parent

log = logging.getLogger(__name__)
Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(Generic[Item, Result]):
    def __init__(self, name: str, write: Callable[[list[Item]], Awaitable[list[Result]]], *,
                 max_batch: int = 500, timeout_seconds: float = 10):
        self.name = name
        self._write = write
        self._max_batch = max_batch
        self._timeout = timeout_seconds
        self._queue: asyncio.Queue[tuple[Item, asyncio.Future, SpanContext | None]] = asyncio.Queue()

    async def submit(self, item: Item, *, parent: SpanContext | None = None) -> Result:
        """The item's result once its batch committed; the write's exception otherwise. `parent`: the active
        span's context, when the caller has taken it already (`current_parent`; else it is taken here)."""
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        await self._queue.put((item, done, parent if parent is not None else current_parent()))
        # A timer that fails the wait, rather than asyncio.wait_for: that one adds a second future and its
        # callbacks to every request, for a timeout that almost never fires. Either way the item's future is
        # done when the wait ends, so a batch that has not taken it yet leaves it out.
        expiry = loop.call_later(self._timeout, _time_out, done)
        try:
            return await done
        finally:
            expiry.cancel()

    async def run(self, runtime) -> None:
        while not runtime.stopping.is_set():
            batch = [await self._queue.get()]
            while len(batch) < self._max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            await self._settle(batch)

    async def _settle(self, batch: list[tuple[Item, asyncio.Future, SpanContext | None]]) -> None:
        waiting = [entry for entry in batch if not entry[1].done()]
        if not waiting:
            return
        try:
            with batch_span(f"{self.name} write", [parent for _, _, parent in waiting]):
                results = await self._write([item for item, _, _ in waiting])
        except Exception as exc:  # noqa: BLE001 - every waiting request learns of it
            if len(waiting) > 1:
                for one in waiting:
                    await self._settle([one])
                return
            log.error("%s write failed: %s", self.name, type(exc).__name__)
            waiting[0][1].done() or waiting[0][1].set_exception(exc)
            return
        for (_, done, _), result in zip(waiting, results):
            done.done() or done.set_result(result)


def _time_out(done: asyncio.Future) -> None:
    done.done() or done.set_exception(TimeoutError())


def in_one_transaction(units_of_work, use_case: Callable[..., Awaitable[list[Result]]]):
    """A batch writer: the use case applied to the whole batch in one unit of work."""

    async def write(items: list) -> list[Result]:
        async with units_of_work() as uow:
            return await use_case(uow, items)

    return write
