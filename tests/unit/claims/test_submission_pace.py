"""The submission steps' pace: a step that took a full share goes again at once, one that took less waits
for its bell (or the interval), and an unreachable clearinghouse waits longer."""
import asyncio
import contextlib

import pytest

from shared.contracts import topics
from shared.doorbell import Doorbell
from services.claims.entrypoints.consumers import build_router
from services.claims.entrypoints.loops import UNREACHABLE_PAUSE_SECONDS, pause_after_step
from tests.unit.claims.fakes import Batch, FakeClaimsUnitOfWork

pytestmark = pytest.mark.unit


def test_a_step_that_took_a_full_share_goes_again_at_once():
    assert pause_after_step(done=500, limit=500, reachable=True) == 0.0


def test_a_step_that_took_less_waits_for_its_bell():
    assert pause_after_step(done=37, limit=500, reachable=True) is None
    assert pause_after_step(done=0, limit=500, reachable=True) is None


def test_the_hand_over_has_no_share_and_always_waits_for_its_bell():
    assert pause_after_step(done=12, limit=0, reachable=True) is None


def test_an_unreachable_clearinghouse_waits_longer_whatever_was_done():
    assert pause_after_step(done=500, limit=500, reachable=False) == UNREACHABLE_PAUSE_SECONDS
    assert UNREACHABLE_PAUSE_SECONDS > 0


def test_built_claims_ring_the_coverage_check_once_committed_and_never_after_a_rollback():
    bell = Doorbell()
    handler = build_router(catalog=None, claims_built=bell).subscriptions[topics.CLAIM_CODED].handler

    async def scenario():
        uow = FakeClaimsUnitOfWork()
        async with uow:
            await handler(uow, Batch([]))
            before_commit = await bell.wait(0.01)
        after_commit = await bell.wait(0.01)
        with contextlib.suppress(RuntimeError):
            async with uow:
                await handler(uow, Batch([]))
                raise RuntimeError("the batch failed")
        after_rollback = await bell.wait(0.01)
        return before_commit, after_commit, after_rollback

    assert asyncio.run(scenario()) == (False, True, False)
