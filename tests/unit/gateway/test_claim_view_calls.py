"""The claim view's three calls run at once and hand back each answer or exception in order, as gather with
return_exceptions would; a cancelled view leaves no call running behind it."""
import asyncio

import pytest

from services.gateway.application.claim_view import _at_once

pytestmark = pytest.mark.unit


async def _answer(value, delay: float = 0.0):
    await asyncio.sleep(delay)
    if isinstance(value, Exception):
        raise value
    return value


async def test_every_answer_or_exception_comes_back_in_the_order_asked_and_the_calls_overlap():
    refused, broken = LookupError("claim"), RuntimeError("denials")
    loop = asyncio.get_running_loop()
    started = loop.time()
    answers = await _at_once(_answer(refused, 0.05), _answer("postings", 0.05), _answer(broken, 0.05))
    assert answers == [refused, "postings", broken]
    assert loop.time() - started < 0.14  # at once, not one after another


async def test_a_cancelled_view_cancels_the_calls_still_running():
    others = [asyncio.Event(), asyncio.Event()]

    async def waits(done: asyncio.Event):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            done.set()
            raise

    view = asyncio.create_task(_at_once(_answer("claim", 10), waits(others[0]), waits(others[1])))
    await asyncio.sleep(0.01)
    view.cancel()
    with pytest.raises(asyncio.CancelledError):
        await view
    await asyncio.sleep(0)
    assert all(done.is_set() for done in others)
