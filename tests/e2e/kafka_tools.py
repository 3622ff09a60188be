"""Reading and writing topics directly, for tests that inspect what crossed the broker."""
import asyncio

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient


async def _read_all(bootstrap: str, topic: str) -> list:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = await _partitions(consumer, topic)
        if not partitions:
            return []
        consumer.assign(partitions)
        end = await consumer.end_offsets(partitions)
        for tp in partitions:
            consumer.seek(tp, 0)
        records = []
        while any([await consumer.position(tp) < end[tp] for tp in partitions]):
            batch = await consumer.getmany(timeout_ms=1000)
            records += [r for part in batch.values() for r in part]
        return records
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    # Make the client track this topic (it may have been created a moment ago), then refresh.
    await consumer._client.add_topic(topic)
    await consumer._client.force_metadata_update()
    return [TopicPartition(topic, p) for p in sorted(consumer._client.cluster.partitions_for_topic(topic) or ())]


def read_topic(bootstrap: str, topic: str) -> list:
    return asyncio.run(_read_all(bootstrap, topic))


async def _produce(bootstrap: str, topic: str, messages: list[tuple[bytes, bytes, list]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for key, value, headers in messages:
            await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, messages: list[tuple[bytes, bytes, list]]) -> None:
    asyncio.run(_produce(bootstrap, topic, messages))


async def _group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
        partitions = [tp for t in topics for tp in await _partitions(consumer, t)]
        end = await consumer.end_offsets(partitions)
        return sum(end[tp] - (committed[tp].offset if tp in committed else 0) for tp in partitions)
    finally:
        await consumer.stop()
        await admin.close()


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    """Messages the group has not committed yet on these topics (0 = caught up)."""
    return asyncio.run(_group_lag(bootstrap, group, topics))
