"""The claims service's background loops: submission rounds and status inquiries, one use case per step."""
import asyncio
import contextlib
import logging

from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.application.inquire_status import inquire_silent_claims
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submission_round import verify_and_batch
from services.claims.adapters.catalog import Catalog

log = logging.getLogger(__name__)
UNREACHABLE_PAUSE = 2.0  # seconds before a round tries an unreachable clearinghouse again


def submission_loop(*, catalog: Catalog, clearinghouse: Clearinghouse, settings, work: asyncio.Event | None = None):
    """Rounds of SubmissionRounds for as long as the service runs."""
    rounds = SubmissionRounds(catalog=catalog, clearinghouse=clearinghouse, settings=settings, work=work)

    async def run(runtime) -> None:
        try:
            while not runtime.stopping.is_set():
                await rounds.wait(await rounds.round(runtime))
        finally:
            rounds.abandon()

    run.__name__ = "submission_loop"
    return run


class SubmissionRounds:
    """Each round verifies coverage and batches what is ready into 837Ps of `submit_batch_size` claims at
    most, in one transaction (application/submission_round.py), then hands the round's files over while
    the next round already reads and batches: at most one hand-over runs at a time, and the next round's
    waits for it. The first round, a round after the clearinghouse was unreachable and a round that
    batched nothing hand over every interchange waiting (what a crash or another replica left stored).

    A round that batched claims starts the next at once; an idle loop waits for `work` (set when a
    transaction of this process left a claim ready) or the interval, whichever comes first, so that a
    claim built on a quiet service does not wait out the poll; woken, it lingers `submission_linger_seconds`
    so that the claims of one consumer batch and those just behind it share a file."""

    def __init__(self, *, catalog: Catalog, clearinghouse: Clearinghouse, settings, work: asyncio.Event | None = None):
        self._catalog, self._clearinghouse, self._settings = catalog, clearinghouse, settings
        self._work = work
        self._drain, self._reachable = True, True
        self._handing_over: asyncio.Task | None = None

    async def round(self, runtime) -> float:
        """One round; returns how long the loop waits before the next."""
        if self._work is not None:
            self._work.clear()  # a claim made ready from now on wakes the next wait
        batched = await self._verify_and_batch(runtime)
        sent = self._reachable = await self.finish()
        drain = self._drain or not sent or not batched
        self._handing_over = asyncio.create_task(
            _send_pending(runtime, clearinghouse=self._clearinghouse, claims=None if drain else batched))
        self._drain = False
        return pause_after_round(batched=batched, sent=sent, interval=self._settings.submission_interval_seconds)

    async def wait(self, pause: float) -> None:
        """Sleeps `pause`; an idle round's pause ends as soon as a claim becomes ready, the pause after an
        unreachable clearinghouse does not."""
        if not pause:
            return
        if self._work is None or not self._reachable:
            await asyncio.sleep(pause)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._work.wait(), pause)
            await asyncio.sleep(self._settings.submission_linger_seconds)  # woken: let the batch fill a little

    async def finish(self) -> bool:
        """Waits for the hand-over in flight; False when it found the clearinghouse unreachable."""
        handing_over, self._handing_over = self._handing_over, None
        return True if handing_over is None else await handing_over

    def abandon(self) -> None:
        """The loop stops or failed: a hand-over in flight is cancelled (its transaction rolls back and the
        file is sent again, with the same ISA13, by the next round that drains)."""
        if self._handing_over is not None:
            self._handing_over.cancel()
            self._handing_over = None
        self._drain = True

    async def _verify_and_batch(self, runtime) -> int:
        settings = self._settings
        async with runtime.units_of_work() as uow:
            return await verify_and_batch(uow, catalog=self._catalog, clearinghouse=self._clearinghouse,
                                          submitter_id=settings.submitter_id, usage=settings.x12_usage,
                                          limit=settings.submission_batch_size,
                                          interchange_size=settings.submit_batch_size)


def pause_after_round(*, batched: int, sent: bool, interval: float) -> float:
    """A round that found claims starts the next at once: claims built meanwhile wait one round's work, not
    the work and the interval, and a round's size follows the arrival rate by itself. Only an empty round
    waits the interval (an idle service polls twice a second, and is woken sooner when a claim becomes
    ready), and an unreachable clearinghouse longer."""
    if not sent:
        return UNREACHABLE_PAUSE
    return 0.0 if batched else interval


async def _in_own_transaction(runtime, step, what: str) -> None:
    """`step(uow)` committed on its own; an unreachable clearinghouse waits for the next round."""
    try:
        async with runtime.units_of_work() as uow:
            await step(uow)
    except ClearinghouseUnavailable as exc:
        log.warning("clearinghouse unavailable for %s (%s); trying again next round", what, exc)


async def _send_pending(runtime, *, clearinghouse: Clearinghouse, claims: int | None) -> bool:
    """Sends the interchanges waiting, oldest first, one transaction each: until `claims` claims were handed
    over (the round's own files; no last transaction to find that nothing is left), or until none waits
    when `claims` is None. False when the clearinghouse is unreachable."""
    handed = 0
    while not runtime.stopping.is_set() and (claims is None or handed < claims):
        try:
            async with runtime.units_of_work() as uow:
                interchange = await next_interchange_to_send(uow)
                if interchange is None:
                    return True
                handed += await send_interchange(uow, interchange, clearinghouse=clearinghouse)
        except ClearinghouseUnavailable as exc:
            log.warning("clearinghouse unavailable (%s); interchanges wait to be resent", exc)
            return False
    return True


def status_inquiry_loop(*, clearinghouse: Clearinghouse, settings):
    async def run(runtime) -> None:
        while not runtime.stopping.is_set():
            await _in_own_transaction(runtime, lambda uow: inquire_silent_claims(
                uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id, usage=settings.x12_usage,
                limit=settings.submission_batch_size), "276")
            await asyncio.sleep(settings.status_inquiry_interval_seconds)

    run.__name__ = "status_inquiry_loop"
    return run
