"""Message faults on the broker: copies of published events (same event_id) and poison messages.

Poison carries a `chaos.poison` header, which the dead-letter topics keep, so the checker can tell
the messages we broke on purpose from anything the platform dead-lettered on its own.
"""
import json
import random
import uuid
from datetime import datetime, timezone

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared.settings import KafkaSettings
from shared.contracts import topics
from shared.contracts.registry import EVENT_TYPES
from shared.kafka.dlq_admin import partitions_of
from shared.kafka.producer import make_producer
from shared.kafka.security import client_options, kafka_security

DUPLICATED_TOPICS = (topics.ENCOUNTER_DOCUMENTED, topics.CLAIM_CODED, topics.CLAIM_SUBMITTED,
                     topics.CLAIM_ACKNOWLEDGED, topics.REMIT_RECEIVED, topics.PAYMENT_POSTED)
POISONED_TOPICS = (topics.ENCOUNTER_DOCUMENTED, topics.CLAIM_CODED, topics.CLAIM_SUBMITTED, topics.REMIT_RECEIVED)
POISON_HEADER, DUPLICATE_HEADER = "chaos.poison", "chaos.duplicate"
TAIL = 40  # the most recent messages per partition that a duplicate is drawn from


async def _tail(kafka: KafkaSettings, topic: str) -> list:
    consumer = AIOKafkaConsumer(**client_options(kafka), enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = await partitions_of(consumer, topic)
        consumer.assign(partitions)
        end = await consumer.end_offsets(partitions)
        for tp in partitions:
            consumer.seek(tp, max(0, end[tp] - TAIL))
        records: list = []
        while any([await consumer.position(tp) < end[tp] for tp in partitions]):
            batch = await consumer.getmany(timeout_ms=1000)
            records += [r for part in batch.values() for r in part
                        if r.offset < end[TopicPartition(topic, r.partition)]]
        return records
    finally:
        await consumer.stop()


def _ours(record) -> bool:
    return any(k in (POISON_HEADER, DUPLICATE_HEADER) for k, _ in record.headers or ())


async def duplicate(kafka: KafkaSettings, count: int, rng: random.Random) -> int:
    """Re-publishes `count` recent events as they were (key, value, headers): a redelivery, same event_id."""
    pool = [r for topic in DUPLICATED_TOPICS for r in await _tail(kafka, topic) if not _ours(r)]
    pool.sort(key=lambda r: (r.topic, r.partition, r.offset))
    chosen = rng.sample(pool, min(count, len(pool)))
    producer = make_producer(kafka.kafka_bootstrap_servers, client_id="chaos-duplicates",
                             security=kafka_security(kafka))
    await producer.start()
    try:
        for r in chosen:
            await producer.send_and_wait(r.topic, value=r.value, key=r.key,
                                         headers=[*(r.headers or ()), (DUPLICATE_HEADER, b"1")])
    finally:
        await producer.stop()
    return len(chosen)


def poison_value(topic: str, variant: int) -> bytes:
    """Undecodable bytes, or an envelope of the right event type whose payload breaks the schema."""
    if variant % 2 == 0:
        return b"\xff\xfe\x00 not json {"
    return json.dumps({"event_id": str(uuid.uuid4()), "event_type": EVENT_TYPES[topic].name, "schema_version": 1,
                       "occurred_at": datetime.now(timezone.utc).isoformat(), "tenant_id": str(uuid.uuid4()),
                       "subject_id": str(uuid.uuid4()), "payload": {"unexpected": True}}).encode()


async def poison(kafka: KafkaSettings, count: int, rng: random.Random) -> int:
    producer = make_producer(kafka.kafka_bootstrap_servers, client_id="chaos-poison",
                             security=kafka_security(kafka))
    await producer.start()
    try:
        for i in range(count):
            topic = rng.choice(POISONED_TOPICS)
            await producer.send_and_wait(topic, value=poison_value(topic, rng.randrange(2)),
                                         key=str(uuid.UUID(int=rng.getrandbits(128))).encode(),
                                         headers=[(POISON_HEADER, str(i).encode())])
    finally:
        await producer.stop()
    return count
