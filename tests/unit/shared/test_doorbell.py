"""A loop's doorbell: a ring is never lost, and a wait without one ends at its timeout."""
import asyncio

import pytest

from shared.doorbell import Doorbell

pytestmark = pytest.mark.unit


def test_a_ring_while_the_loop_was_busy_ends_the_next_wait_at_once():
    async def scenario():
        bell = Doorbell()
        bell.ring()
        return await bell.wait(5.0)

    assert asyncio.run(scenario()) is True


def test_a_ring_is_answered_once():
    async def scenario():
        bell = Doorbell()
        bell.ring()
        bell.ring()
        return await bell.wait(5.0), await bell.wait(0.01)

    assert asyncio.run(scenario()) == (True, False)


def test_a_ring_during_the_wait_ends_it():
    async def scenario():
        bell = Doorbell()
        asyncio.get_running_loop().call_later(0.01, bell.ring)
        return await bell.wait(5.0)

    assert asyncio.run(scenario()) is True


def test_without_a_ring_the_wait_ends_at_its_timeout():
    assert asyncio.run(Doorbell().wait(0.01)) is False
