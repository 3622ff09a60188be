"""The lag gauges are measured beside the poll loop: a slow answer to the end offsets' request (the broker
sends it after the fetch in flight) never holds the records already fetched."""
import asyncio

import pytest

from shared.kafka.consumer import ConsumerRunner, EventRouter

pytestmark = pytest.mark.unit


class EmptyPolls:
    """A consumer whose polls answer at once, with nothing."""

    def __init__(self):
        self.polls = 0

    async def getmany(self, timeout_ms, max_records):
        self.polls += 1
        await asyncio.sleep(0)
        return {}


def _runner(consumer) -> ConsumerRunner:
    runner = ConsumerRunner(group_id="g", router=EventRouter(), bootstrap_servers="127.0.0.1:1",
                            units_of_work=None, producer=None)
    runner._consumer = consumer
    return runner


async def test_the_poll_loop_turns_while_the_lag_measurement_waits_and_the_measurement_ends_with_the_loop():
    consumer = EmptyPolls()
    runner = _runner(consumer)
    measuring = asyncio.Event()

    async def stuck_measurement():
        measuring.set()
        await asyncio.Event().wait()

    runner._measure_lag = stuck_measurement
    loop = asyncio.create_task(runner._poll_until_stopped())
    await asyncio.wait_for(measuring.wait(), 1)
    polls = consumer.polls
    for _ in range(20):
        await asyncio.sleep(0)
    assert consumer.polls > polls + 5
    runner._stopping.set()
    await asyncio.wait_for(loop, 1)
    await asyncio.sleep(0)
    lag_tasks = [t for t in asyncio.all_tasks() if t.get_name() == "consumer-lag:g"]
    assert all(t.done() for t in lag_tasks)


async def test_the_lag_is_measured_again_every_interval():
    runner = _runner(EmptyPolls())
    measured = []

    async def measurement():
        measured.append(asyncio.get_running_loop().time())

    runner._measure_lag = measurement
    task = asyncio.create_task(runner._measure_lag_every(0.01))
    await asyncio.sleep(0.1)
    task.cancel()
    assert len(measured) >= 3
