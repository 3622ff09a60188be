"""The claims service's background loops: submission rounds and status inquiries, one use case per step."""
import asyncio
import logging

from services.claims.adapters.clearinghouse import Clearinghouse, ClearinghouseUnavailable
from services.claims.application.inquire_status import inquire_silent_claims
from services.claims.application.send_interchange import next_interchange_to_send, send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.application.verify_eligibility import verify_ready_claims
from services.claims.adapters.catalog import Catalog

log = logging.getLogger(__name__)


def submission_loop(*, catalog: Catalog, clearinghouse: Clearinghouse, settings):
    """Each round: verify coverage, batch what is ready into 837Ps of `submit_batch_size` claims at most, send
    the round's interchanges. The first round, a round after the clearinghouse was unreachable and a round
    that batched nothing send every interchange waiting (what a crash or another replica left stored)."""
    async def run(runtime) -> None:
        drain = True
        while not runtime.stopping.is_set():
            await _verify_coverage(runtime, clearinghouse=clearinghouse, settings=settings)
            async with runtime.units_of_work() as uow:
                batched = await batch_ready_claims(uow, catalog=catalog, submitter_id=settings.submitter_id,
                                                   usage=settings.x12_usage, limit=settings.submission_batch_size,
                                                   interchange_size=settings.submit_batch_size)
            sent = await _send_pending(runtime, clearinghouse=clearinghouse,
                                       claims=None if drain or not batched else batched)
            drain = not sent
            pause = pause_after_round(batched=batched, sent=sent, interval=settings.submission_interval_seconds)
            if pause:
                await asyncio.sleep(pause)

    run.__name__ = "submission_loop"
    return run


def pause_after_round(*, batched: int, sent: bool, interval: float) -> float:
    """A round that found claims starts the next at once: claims built meanwhile wait one round's work, not
    the work and the interval, and a round's size follows the arrival rate by itself. Only an empty round
    waits the interval (an idle service polls twice a second), and an unreachable clearinghouse longer."""
    if not sent:
        return 2.0
    return 0.0 if batched else interval


async def _in_own_transaction(runtime, step, what: str) -> None:
    """`step(uow)` committed on its own; an unreachable clearinghouse waits for the next round."""
    try:
        async with runtime.units_of_work() as uow:
            await step(uow)
    except ClearinghouseUnavailable as exc:
        log.warning("clearinghouse unavailable for %s (%s); trying again next round", what, exc)


async def _verify_coverage(runtime, *, clearinghouse: Clearinghouse, settings) -> None:
    """Coverage first, in its own transaction: the 271s are kept even if the 837 step fails."""
    await _in_own_transaction(runtime, lambda uow: verify_ready_claims(
        uow, clearinghouse=clearinghouse, submitter_id=settings.submitter_id, usage=settings.x12_usage,
        limit=settings.submission_batch_size), "270")


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
