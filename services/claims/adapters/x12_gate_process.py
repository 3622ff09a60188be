"""The pyx12 gate in a worker process of its own.

In a thread, pyx12 (pure Python, milliseconds per claim) and the service's event loop took turns at the
interpreter lock: each file's validation stretched by whatever the loop did meanwhile, and every wake-up
of the loop (a statement's answer, a fetch, a request) waiting up to a switch interval for the validator to
let go. A worker process validates on the machine's other core instead. The verdicts are the same
function's; only the file's text and its error strings cross the pipe.

A worker that dies (killed, out of memory) is replaced and the file validated again; a worker whose
service died (SIGKILL leaves it behind) notices within a second and exits.
"""
import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from services.claims.domain.x12_validation import validate_x12

PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent: int) -> None:
    """Runs in the worker: leave when the service that started it is gone."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _ready() -> bool:
    """A first call that makes the worker import pyx12 and its maps before the first file needs them."""
    return True


class ProcessValidator:
    """`await validator(text)` -> pyx12's error messages ([] means valid), computed in one worker process."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_exit_with_parent, initargs=(os.getpid(),))
        return self._pool

    async def start(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor(), _ready)

    async def __call__(self, text: str) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), validate_x12, text)
        except BrokenProcessPool:
            self.close()
            return await loop.run_in_executor(self._executor(), validate_x12, text)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
