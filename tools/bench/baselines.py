"""Raw rates of the two components under everything: what aiokafka and asyncpg do on this machine
with none of the platform's code, so the pipeline's figures can be read as a share of them."""
import asyncio
import os
import time
import uuid

import asyncpg
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from shared.kafka.admin import TOPIC_CONFIG
from shared.kafka.producer import make_producer
from tools.bench.stages import database_url
from shared.settings import KafkaSettings
from shared.kafka.security import client_options, kafka_security

OUTBOX_LIKE = """CREATE TABLE IF NOT EXISTS bench_outbox (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, topic varchar(200) NOT NULL,
    message_key bytea NOT NULL, value bytea NOT NULL, headers jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(), parked_at timestamptz, park_reason varchar(300))"""
COLUMNS = ("event_id", "topic", "message_key", "value", "headers")


async def kafka_rate(kafka: KafkaSettings, *, count: int, size: int) -> float:
    """Messages per second from the first send to the last receipt: one producer built like the
    services' (make_producer: acks=all and idempotence unless the settings' KAFKA_ACKS says otherwise), one
    consumer group, a fresh topic with the platform's partition count."""
    topic = f"bench.raw.{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(**client_options(kafka))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, kafka.kafka_topic_partitions, 1, topic_configs=TOPIC_CONFIG)])
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(topic, **client_options(kafka), group_id=f"{topic}.group",
                                auto_offset_reset="earliest", max_poll_records=500)
    producer = make_producer(kafka.kafka_bootstrap_servers, client_id="bench-raw", security=kafka_security(kafka),
                             acks=kafka.kafka_acks)
    await producer.start()
    await producer.partitions_for(topic)  # the new topic's leaders are known before the consumer asks
    await consumer.start()
    try:
        while not consumer.assignment():
            await asyncio.sleep(0.05)
        value = os.urandom(size // 2).hex().encode()[:size]
        started = time.perf_counter()
        sending = asyncio.create_task(_produce(producer, topic, value, count))
        received = 0
        while received < count:
            batches = await consumer.getmany(timeout_ms=1000)
            received += sum(len(records) for records in batches.values())
        await sending
        return count / (time.perf_counter() - started)
    finally:
        await producer.stop()
        await consumer.stop()


async def _produce(producer, topic: str, value: bytes, count: int, window: int = 1000) -> None:
    for start in range(0, count, window):
        futures = [await producer.send(topic, value, key=uuid.uuid4().bytes)
                   for _ in range(start, min(count, start + window))]
        await asyncio.gather(*futures)


async def postgres_rates(server_url: str, *, count: int, size: int, batch: int = 500) -> dict[str, float]:
    """Rows per second inserting outbox-shaped rows, `batch` rows per committed transaction, by
    executemany and by COPY, into a database of the benchmark's own."""
    admin = await asyncpg.connect(database_url(server_url, "bench").replace("billing_bench", "postgres"))
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = 'billing_bench'"):
            await admin.execute("CREATE DATABASE billing_bench")
    finally:
        await admin.close()
    conn = await asyncpg.connect(database_url(server_url, "bench"))
    try:
        await conn.execute(OUTBOX_LIKE)
        value = os.urandom(size // 2).hex().encode()[:size]
        headers = '{"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}'
        rows = lambda: [(uuid.uuid4(), "claim.coded", uuid.uuid4().bytes, value, headers)  # noqa: E731
                        for _ in range(batch)]
        insert = f"INSERT INTO bench_outbox ({', '.join(COLUMNS)}) VALUES ($1, $2, $3, $4, $5::jsonb)"
        return {"executemany_rows_per_s": await _timed(conn, count, batch, lambda: conn.executemany(insert, rows())),
                "copy_rows_per_s": await _timed(conn, count, batch, lambda: conn.copy_records_to_table(
                    "bench_outbox", records=rows(), columns=COLUMNS))}
    finally:
        await conn.close()


async def _timed(conn, count: int, batch: int, insert) -> float:
    started = time.perf_counter()
    for _ in range(count // batch):
        async with conn.transaction():
            await insert()
    return (count // batch) * batch / (time.perf_counter() - started)


async def measure(kafka: KafkaSettings, server_url: str, *, size: int, kafka_count: int,
                  row_count: int) -> dict[str, float]:
    return {"kafka_produce_consume_per_s": await kafka_rate(kafka, count=kafka_count, size=size),
            **{f"postgres_{k}": v for k, v in (await postgres_rates(server_url, count=row_count, size=size)).items()},
            "message_bytes": size}
