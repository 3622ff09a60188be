"""pyx12, the gate on every 837P, in a worker process kept for the life of the service.

In a thread, validation held the interpreter lock against the event loop: while a file was checked the
claim.coded consumer, the outbox relay, the hand-over and the HTTP routes ran in 5 ms slices, and the
second core stayed idle. One worker process, started with the service (spawned: it inherits no thread,
socket or connection of the service), loads and warms the maps once, then validates each file on a
core of its own. The verdicts are the worker's `validate_x12`, unchanged (PHI-free messages included).

A worker that dies is replaced and the file validated again by the new one; if that one dies on it
too, the validation raises: the round's transaction rolls back, no file is stored, and the claims are
batched again next round. A file is never stored on anything but a verdict pyx12 returned.
"""
import asyncio
import logging
import multiprocessing
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from services.claims.domain.x12_validation import validate_x12

log = logging.getLogger(__name__)

Validate = Callable[[str], Awaitable[list[str]]]
ATTEMPTS = 2  # a file is tried on a fresh worker once after its worker died
# An interchange with no transaction in it: pyx12 loads the control map and the 837P map (GS08) to
# reject it, so the worker's first real file finds them loaded.
_WARM_UP = ("ISA*00*          *00*          *ZZ*WARMUP         *ZZ*WARMUP         *261201*1200*^*00501*"
            "000000001*0*T*:~GS*HC*WARMUP*WARMUP*20261201*1200*1*X*005010X222A1~"
            "ST*837*0001*005010X222A1~SE*2*0001~GE*1*1~IEA*1*000000001~")


class ValidatorUnavailable(RuntimeError):
    """The worker died on a file twice: nothing is known about the file, so it is not stored."""


async def validate_in_thread(text: str) -> list[str]:
    """In this process: for tools and tests that measure or exercise pyx12 itself."""
    return await asyncio.to_thread(validate_x12, text)


def _warm(check: Callable[[str], list[str]]) -> None:
    check(_WARM_UP)


class WorkerValidator:
    """`await validator.validate(text)`: the verdict of `check` (validate_x12) from the worker process."""

    def __init__(self, check: Callable[[str], list[str]] = validate_x12):
        self._check = check
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Spawns the worker and warms it (in the background: the first file may wait for it)."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm, initargs=(self._check,))
            self._pool.submit(os.getpid)  # the pool spawns on its first task: now, not at the first file

    async def validate(self, text: str) -> list[str]:
        loop = asyncio.get_running_loop()
        for attempt in range(1, ATTEMPTS + 1):
            self.start()
            pool = self._pool
            try:
                return await loop.run_in_executor(pool, self._check, text)
            except BrokenProcessPool:
                log.warning("the 837P validation worker died (attempt %d of %d); starting another", attempt,
                            ATTEMPTS)
                self._discard(pool)
        raise ValidatorUnavailable("the 837P validation worker died twice on one file")

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stops the worker once the file it is checking, if any, is done."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
