"""Dead-letter tools for ops: list, inspect and replay a DLQ message after the cause is fixed.

    python -m shared.kafka.dlq_admin list encounter.documented.dlq
    python -m shared.kafka.dlq_admin show encounter.documented.dlq 3 17
    python -m shared.kafka.dlq_admin replay encounter.documented.dlq 3 17

Run it as the operator principal: KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_USERNAME
and KAFKA_SASL_PASSWORD from the environment (`make run` writes them to .run/dev/operator.env).

Replay sends the original key, value and headers (without the dlq.* ones) back to the original
topic; consumers' inboxes make a replay of something already handled a no-op. Listings show ids,
errors and sizes only: message values hold PHI and are printed only by `show`.
"""
import asyncio
import json
import sys

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared.kafka.producer import make_producer
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The topic's partitions, even for a topic created a moment ago (the client tracks it first)."""
    await consumer._client.add_topic(topic)
    await consumer._client.force_metadata_update()
    return [TopicPartition(topic, p) for p in sorted(consumer._client.cluster.partitions_for_topic(topic) or ())]


async def read_all(kafka: KafkaSettings, topic: str) -> list:
    """Every message of a topic, from the beginning to the current end, without a consumer group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka.kafka_bootstrap_servers, **kafka_security(kafka),
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = await partitions_of(consumer, topic)
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


def summary(record) -> dict:
    headers = {k: v.decode(errors="replace") for k, v in record.headers or ()}
    return {"partition": record.partition, "offset": record.offset, "key": (record.key or b"").decode(errors="replace"),
            "bytes": len(record.value or b""), "error": headers.get("dlq.error"),
            "original_topic": headers.get("dlq.original_topic"), "consumer_group": headers.get("dlq.consumer_group"),
            "failed_at": headers.get("dlq.failed_at")}


async def find_record(kafka: KafkaSettings, topic: str, partition: int, offset: int):
    """The message at that position, or None."""
    return next((r for r in await read_all(kafka, topic) if r.partition == partition and r.offset == offset), None)


async def find(kafka: KafkaSettings, topic: str, partition: int, offset: int):
    record = await find_record(kafka, topic, partition, offset)
    if record is None:
        raise SystemExit(f"no message at {topic}[{partition}]@{offset}")
    return record


async def replay(kafka: KafkaSettings, topic: str, partition: int, offset: int) -> str:
    record = await find(kafka, topic, partition, offset)
    headers = [(k, v) for k, v in record.headers or () if not k.startswith("dlq.")]
    original = dict(record.headers or ()).get("dlq.original_topic", b"").decode() or topic.removesuffix(".dlq")
    producer = make_producer(kafka.kafka_bootstrap_servers, client_id="dlq-replay", security=kafka_security(kafka))
    await producer.start()
    try:
        await producer.send_and_wait(original, value=record.value, key=record.key, headers=headers)
    finally:
        await producer.stop()
    return original


def main(argv: list[str]) -> None:
    kafka = KafkaSettings()
    command, topic = argv[0], argv[1]
    if command == "list":
        for record in asyncio.run(read_all(kafka, topic)):
            print(json.dumps(summary(record)))
    elif command == "show":
        record = asyncio.run(find(kafka, topic, int(argv[2]), int(argv[3])))
        print(json.dumps({**summary(record), "value": record.value.decode(errors="replace")}, indent=2))
    elif command == "replay":
        print(f"replayed to {asyncio.run(replay(kafka, topic, int(argv[2]), int(argv[3])))}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
