"""Replay every topic from the beginning: the consumers' inboxes must make it change nothing.

With the services stopped (their groups empty), each group's committed offsets are set back to the
start of every partition it reads; the restarted services then read the whole history again.
"""
import asyncio
import time

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from shared.settings import KafkaSettings
from shared.kafka.dlq_admin import partitions_of
from tools.chaos import probes
from tools.chaos.schedule import SERVICES
from shared.kafka.security import client_options


async def rewind(kafka: KafkaSettings, group: str) -> int:
    """Commits the earliest offset of every partition of the topics the group reads; returns the messages
    the group now has to read again, from its committed offsets as the broker reports them afterwards."""
    topics = sorted({tp.topic for tp in await _committed(kafka, group)})
    consumer = AIOKafkaConsumer(**client_options(kafka), group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [tp for t in topics for tp in await partitions_of(consumer, t)]
        if not partitions:
            return 0
        consumer.assign(partitions)
        await consumer.commit(await consumer.beginning_offsets(partitions))
        end = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    committed = await _committed(kafka, group)
    return sum(end[tp] - committed[tp].offset for tp in partitions if tp in committed)


async def _committed(kafka: KafkaSettings, group: str) -> dict:
    admin = AIOKafkaAdminClient(**client_options(kafka))
    await admin.start()
    try:
        return await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()


async def drained(kafka: KafkaSettings, timeout: float) -> float | None:
    """Seconds until every group's lag is 0, or None at the timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        lags = await probes.lags_or_none(kafka)
        if lags is not None and not any(lags.values()):
            return round(time.monotonic() - started, 2)
        await asyncio.sleep(1)
    return None


def restart_all(stack, *, rewind_groups: bool, timeout: float = 300) -> dict:
    """Stops the services, rewinds their groups if asked, starts them again and waits for them to catch up."""
    stack.stop_services()
    rewound = {group: asyncio.run(rewind(stack.operator_kafka(), group)) for group in SERVICES} if rewind_groups else {}
    stack.start_services()
    return {"messages_to_replay": rewound, "drained_s": asyncio.run(drained(stack.operator_kafka(), timeout))}
