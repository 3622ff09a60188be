"""Reading and writing topics directly, for tests that inspect what crossed the broker.

The test process is the operator: its login comes from the environment the session fixture sets."""
import asyncio

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from shared.kafka.dlq_admin import partitions_of, read_all
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings


def operator(bootstrap: str) -> KafkaSettings:
    return KafkaSettings(kafka_bootstrap_servers=bootstrap)


def read_topic(bootstrap: str, topic: str) -> list:
    return asyncio.run(read_all(operator(bootstrap), topic))


async def _produce(bootstrap: str, topic: str, messages: list[tuple[bytes, bytes, list]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, **kafka_security(operator(bootstrap)), acks="all",
                                enable_idempotence=True)
    await producer.start()
    try:
        for key, value, headers in messages:
            await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, messages: list[tuple[bytes, bytes, list]]) -> None:
    asyncio.run(_produce(bootstrap, topic, messages))


async def _group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    security = kafka_security(operator(bootstrap))
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **security)
    await admin.start()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, **security)
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
        partitions = [tp for t in topics for tp in await partitions_of(consumer, t)]
        end = await consumer.end_offsets(partitions)
        return sum(end[tp] - (committed[tp].offset if tp in committed else 0) for tp in partitions)
    finally:
        await consumer.stop()
        await admin.close()


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    """Messages the group has not committed yet on these topics (0 = caught up)."""
    return asyncio.run(_group_lag(bootstrap, group, topics))
