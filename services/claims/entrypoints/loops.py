"""The claims service's background loops: the submission's three steps, each its own loop, and status
inquiries. One use case per step."""
import asyncio
import logging
from collections.abc import Awaitable, Callable

from shared.doorbell import Doorbell
from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.application.inquire_status import inquire_silent_claims
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.application.verify_eligibility import verify_ready_claims
from services.claims.catalog import Catalog

log = logging.getLogger(__name__)
UNREACHABLE_PAUSE_SECONDS = 2.0


class SubmissionBells:
    """Each submission step rings the next when it commits work for it; the claims consumer rings the first."""

    def __init__(self) -> None:
        self.claims_built = Doorbell()  # ready claims to verify
        self.claims_verified = Doorbell()  # verified claims to batch
        self.files_stored = Doorbell()  # validated 837P files to hand over


def pause_after_step(*, done: int, limit: int, reachable: bool) -> float | None:
    """After a step: 0 to go again at once (it took a full share, more is waiting), the unreachable
    clearinghouse's pause, or None: wait for the bell (or the interval, for work no bell announced).

    Steps overlap, so a claim built while the 270 of earlier claims is out waits for that 270 only, not
    for a whole round of 270, pyx12 and hand-over; each step's share is what came in during the last."""
    if not reachable:
        return UNREACHABLE_PAUSE_SECONDS
    return 0.0 if limit and done >= limit else None


def submission_loops(*, catalog: Catalog, clearinghouse: Clearinghouse, settings, bells: SubmissionBells):
    """The coverage check, the batching into 837Ps of `submit_batch_size` claims at most, and the hand-over."""
    limit, interval = settings.submission_batch_size, settings.submission_interval_seconds

    async def verify(runtime) -> int:
        async with runtime.units_of_work() as uow:
            return await verify_ready_claims(uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id,
                                             usage=settings.x12_usage, limit=limit)

    async def batch(runtime) -> int:
        async with runtime.units_of_work() as uow:
            return await batch_ready_claims(uow, catalog=catalog, submitter_id=settings.submitter_id,
                                            usage=settings.x12_usage, limit=limit,
                                            interchange_size=settings.submit_batch_size)

    async def hand_over(runtime) -> int:
        """Every interchange waiting, one transaction each; an unreachable clearinghouse stops the turn and
        the rest wait to be resent with their own ISA13."""
        sent = 0
        while not runtime.stopping.is_set():
            async with runtime.units_of_work() as uow:
                interchange = await next_interchange_to_send(uow)
                if interchange is None:
                    break
                await send_interchange(uow, interchange, catalog=catalog, clearinghouse=clearinghouse)
            sent += 1
        return sent

    return (_step_loop("coverage_loop", verify, bells.claims_built, bells.claims_verified, limit, interval),
            _step_loop("batching_loop", batch, bells.claims_verified, bells.files_stored, limit, interval),
            _step_loop("hand_over_loop", hand_over, bells.files_stored, None, 0, interval))


def _step_loop(name: str, step: Callable[[object], Awaitable[int]], bell: Doorbell, next_bell: Doorbell | None,
               limit: int, interval: float):
    """Runs `step` when its bell rings (or every `interval`), ringing the next step's bell when it did work."""
    async def run(runtime) -> None:
        while not runtime.stopping.is_set():
            done, reachable = 0, True
            try:
                done = await step(runtime)
            except ClearinghouseUnavailable as exc:
                log.warning("clearinghouse unavailable in the %s (%s); trying again", name, exc)
                reachable = False
            if done and next_bell is not None:
                next_bell.ring()
            pause = pause_after_step(done=done, limit=limit, reachable=reachable)
            if pause is None:
                await bell.wait(interval)
            elif pause:
                await asyncio.sleep(pause)

    run.__name__ = name
    return run


async def _in_own_transaction(runtime, step, what: str) -> None:
    """`step(uow)` committed on its own; an unreachable clearinghouse waits for the next round."""
    try:
        async with runtime.units_of_work() as uow:
            await step(uow)
    except ClearinghouseUnavailable as exc:
        log.warning("clearinghouse unavailable for %s (%s); trying again next round", what, exc)


def status_inquiry_loop(*, clearinghouse: Clearinghouse, settings):
    async def run(runtime) -> None:
        while not runtime.stopping.is_set():
            await _in_own_transaction(runtime, lambda uow: inquire_silent_claims(
                uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id, usage=settings.x12_usage,
                limit=settings.submission_batch_size), "276")
            await asyncio.sleep(settings.status_inquiry_interval_seconds)

    run.__name__ = "status_inquiry_loop"
    return run
