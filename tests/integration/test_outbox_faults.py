"""The outbox relay, retention and dead-letter topics under faults, on the real broker and database.

A row Kafka refuses for good is parked (and kept) and the rows after it are published exactly once and
deleted; a crash between the send and the commit leaves the rows to be sent again; a relay stuck in an
await is restarted in the process; the leader lock never outlives a failed publish; retention deletes only old inbox rows and never touches the outbox; DLQ
topics keep their messages until someone acts.
"""
import asyncio
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import KafkaConnectionError
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from shared import metrics
from shared.contracts.topics import ALL_TOPICS, dlq
from shared.db.engine import make_engine
from shared.db.tables import inbox_message, infra_metadata, outbox_message
from shared.kafka.admin import ensure_topics, topic_overrides
from shared.kafka.producer import make_producer
from shared.kafka.relay import OutboxRelay, count_parked, parked_rows
from shared.kafka.retention import PRUNE_BATCH, prune_inbox, prune_once, prune_statement
from tests.integration.fault_support import FaultSettings, database_for, new_topic
from shared.kafka.security import kafka_security
from tests.e2e.kafka_tools import operator, read_topic


class OutboxSettings(FaultSettings):
    service_name = "faultsoutbox"


@pytest.fixture(scope="module")
async def env(infrastructure):
    settings = OutboxSettings(database_url=infrastructure.database_url,
                              kafka_bootstrap_servers=infrastructure.kafka.bootstrap)
    engine = await database_for(settings, infra_metadata)
    yield settings, engine
    await engine.dispose()


@pytest.fixture
async def clean_outbox(env):
    _, engine = env
    async with engine.begin() as conn:
        await conn.execute(delete(outbox_message))
    return env


def _relay(settings, engine, new_producer=None) -> OutboxRelay:
    def default():
        return make_producer(settings.kafka_bootstrap_servers, client_id="faults-outbox", security=kafka_security(settings))

    return OutboxRelay(engine, new_producer or default, service=settings.service_name)


def _row(topic: str, value: bytes, key: bytes = b"one-claim", **extra) -> dict:
    columns = {"created_at": datetime.now(timezone.utc), "parked_at": None, "park_reason": None}
    return {"event_id": uuid.uuid4(), "topic": topic, "message_key": key, "value": value, "headers": {},
            **columns, **extra}


async def _insert(engine, rows: list[dict]) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(outbox_message), rows)


async def _in_outbox(engine) -> set[uuid.UUID]:
    async with engine.connect() as conn:
        return set((await conn.scalars(select(outbox_message.c.event_id))).all())


async def test_a_row_kafka_refuses_is_parked_and_the_rows_after_it_publish_once(clean_outbox):
    settings, engine = clean_outbox
    topic = await new_topic(settings.kafka_bootstrap_servers, partitions=1, config={"max.message.bytes": "65536"})
    before = [_row(topic, f"before-{i}".encode()) for i in range(3)]
    too_large = _row(topic, b"x" * 200_000)
    after = [_row(topic, f"after-{i}".encode()) for i in range(3)]
    await _insert(engine, before + [too_large] + after)
    relay = _relay(settings, engine)
    try:
        for _ in range(5):
            await relay.publish_batch()
        assert await relay.measure_outbox() == (0, 1)
    finally:
        await relay.stop()
    values = [r.value for r in await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic)]
    assert sorted(values) == sorted(r["value"] for r in before + after)  # each exactly once
    (parked,) = await parked_rows(engine)
    assert parked["event_id"] == too_large["event_id"] and "MessageSizeTooLarge" in parked["park_reason"]
    assert "value" not in parked
    assert await count_parked(engine) == 1
    assert metrics.OUTBOX_PARKED.labels(settings.service_name)._value.get() == 1
    assert await _in_outbox(engine) == {too_large["event_id"]}  # the sent rows are gone, the parked one stays


async def test_rows_for_a_topic_that_does_not_exist_are_parked_and_the_others_publish(clean_outbox):
    settings, engine = clean_outbox
    topic = await new_topic(settings.kafka_bootstrap_servers)
    missing = f"faults.missing.{uuid.uuid4().hex[:8]}"
    rows = [_row(topic, b"first"), _row(missing, b"lost-1"), _row(missing, b"lost-2"), _row(topic, b"second")]
    await _insert(engine, rows)

    def impatient():  # waits 3 s, not 30, for a topic's metadata
        return AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers, **kafka_security(settings), acks="all",
                                enable_idempotence=True, request_timeout_ms=3000)

    relay = _relay(settings, engine, new_producer=impatient)
    try:
        assert await relay.publish_batch() == 4
    finally:
        await relay.stop()
    values = [r.value for r in await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic)]
    assert sorted(values) == [b"first", b"second"]
    parked = await parked_rows(engine)
    assert [p["event_id"] for p in parked] == [rows[1]["event_id"], rows[2]["event_id"]]
    assert all("topic does not exist" in p["park_reason"] for p in parked)


class _CrashBeforeTheCommit(OutboxRelay):
    """A relay that dies after Kafka stored the batch and before its transaction deletes the rows."""

    @staticmethod
    async def _settle(conn, sent, parked):
        raise RuntimeError("crashed before the commit")


async def test_a_crash_between_the_send_and_the_commit_sends_the_rows_again(clean_outbox):
    settings, engine = clean_outbox
    topic = await new_topic(settings.kafka_bootstrap_servers, partitions=1)
    rows = [_row(topic, f"event-{i}".encode()) for i in range(3)]
    await _insert(engine, rows)
    crashing = _CrashBeforeTheCommit(engine, lambda: make_producer(
        settings.kafka_bootstrap_servers, client_id="faults-outbox", security=kafka_security(settings)),
        service=settings.service_name)
    try:
        with pytest.raises(RuntimeError):
            await crashing.publish_batch()
    finally:
        await crashing.stop()
    assert await _in_outbox(engine) == {r["event_id"] for r in rows}  # sent, but not deleted
    relay = _relay(settings, engine)
    try:
        assert await relay.publish_batch() == 3
        assert await relay.measure_outbox() == (0, 0)
    finally:
        await relay.stop()
    assert await _in_outbox(engine) == set()
    values = [r.value for r in await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic)]
    assert values == [r["value"] for r in rows] * 2  # at least once, in order: consumers drop the repeats by id


class _BrokerDown:
    """A producer whose start fails as when the broker is unreachable."""

    async def start(self):
        raise KafkaConnectionError("broker unreachable")

    async def stop(self):
        pass


async def _advisory_locks_held(engine, key: int) -> int:
    async with engine.connect() as conn:
        return await conn.scalar(text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = :k AND granted"), {"k": key})


async def test_a_relay_stuck_in_an_await_is_restarted_and_its_rows_sent_once(clean_outbox):
    settings, engine = clean_outbox
    topic = await new_topic(settings.kafka_bootstrap_servers, partitions=1)
    rows = [_row(topic, f"stuck-{i}".encode()) for i in range(3)]
    await _insert(engine, rows)
    relay = OutboxRelay(engine, lambda: make_producer(settings.kafka_bootstrap_servers, client_id="faults-outbox",
                                                      security=kafka_security(settings)),
                        service=settings.service_name, stall_after=2.0)
    real_send, stuck = relay._send, asyncio.Event()

    async def hangs_once(batch):  # an await that never returns, with the batch's rows locked
        if not stuck.is_set():
            stuck.set()
            await asyncio.Event().wait()
        return await real_send(batch)

    relay._send = hangs_once
    await relay.start()
    try:
        for _ in range(150):
            if not await _in_outbox(engine):
                break
            await asyncio.sleep(0.2)
        assert stuck.is_set() and relay.restarts == 1 and relay.alive
        assert await _in_outbox(engine) == set()
    finally:
        await relay.stop()
    values = [r.value for r in await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic)]
    assert values == [r["value"] for r in rows]  # sent once each, in order: the stuck turn sent nothing


async def test_the_leader_lock_is_not_held_after_publish_batch_raised(clean_outbox):
    settings, engine = clean_outbox
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await _insert(engine, [_row(topic, b"waiting")])
    failing = _relay(settings, engine, new_producer=_BrokerDown)
    with pytest.raises(KafkaConnectionError):
        await failing.publish_batch()
    assert failing.leading  # it had the lock when it failed
    assert await _advisory_locks_held(engine, failing._lock_key) == 0
    other_engine = make_engine(settings)
    other = _relay(settings, other_engine)
    try:
        assert await other.publish_batch() == 1 and other.leading
    finally:
        await other.stop()
        await other_engine.dispose()


async def _inbox_rows(engine, consumer: str, processed: list[datetime]) -> list[uuid.UUID]:
    events = [uuid.uuid4() for _ in processed]
    async with engine.begin() as conn:
        await conn.execute(insert(inbox_message), [{"consumer": consumer, "event_id": event, "topic": "t",
                                                    "processed_at": at} for event, at in zip(events, processed)])
    return events


async def test_retention_deletes_only_old_inbox_rows_and_never_the_outbox(clean_outbox):
    settings, engine = clean_outbox
    now = datetime.now(timezone.utc)
    waiting = _row("t", b"c", created_at=now - timedelta(days=30))
    parked = _row("t", b"d", created_at=now - timedelta(days=30), parked_at=now - timedelta(days=30),
                  park_reason="MessageSizeTooLargeError")
    await _insert(engine, [waiting, parked])
    consumer = f"faults-{uuid.uuid4().hex[:6]}"
    old_event, recent_event = await _inbox_rows(engine, consumer, [now - timedelta(days=20), now - timedelta(days=1)])
    assert await prune_once(engine, service=settings.service_name, inbox_retention=timedelta(days=14)) >= 1
    async with engine.connect() as conn:
        inbox = set((await conn.scalars(select(inbox_message.c.event_id).where(inbox_message.c.consumer == consumer))).all())
    assert inbox == {recent_event}
    assert await _in_outbox(engine) == {waiting["event_id"], parked["event_id"]}


async def test_retention_works_in_bounded_batches(clean_outbox):
    _, engine = clean_outbox
    consumer = f"faults-{uuid.uuid4().hex[:6]}"
    await _inbox_rows(engine, consumer, [datetime.now(timezone.utc) - timedelta(days=30)] * 25)
    assert await prune_inbox(engine, older_than=timedelta(days=14), batch=10) >= 25
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(inbox_message)
                                 .where(inbox_message.c.consumer == consumer)) == 0



async def test_a_retention_batch_deletes_by_the_rows_places_not_by_scanning_the_inbox(clean_outbox):
    _, engine = clean_outbox
    consumer = f"faults-{uuid.uuid4().hex[:6]}"
    async with engine.begin() as conn:  # an inbox large enough that the planner's choice is the one at scale
        await conn.execute(text(
            "INSERT INTO inbox_message (consumer, event_id, topic, processed_at) SELECT :consumer, gen_random_uuid(), "
            "'t', now() - make_interval(days => n % 30) FROM generate_series(1, 50000) AS n"), {"consumer": consumer})
        await conn.execute(text("ANALYZE inbox_message"))
    sql = str(prune_statement(timedelta(days=14), PRUNE_BATCH).compile(dialect=engine.dialect))
    try:
        async with engine.connect() as conn:
            raw = (await conn.get_raw_connection()).driver_connection
            plan = "\n".join(row[0] for row in await raw.fetch("EXPLAIN " + sql, timedelta(days=14), PRUNE_BATCH))
        assert "Tid Scan on inbox_message" in plan, plan
        assert await prune_inbox(engine, older_than=timedelta(days=14), batch=PRUNE_BATCH) >= 24_000
    finally:
        async with engine.begin() as conn:
            await conn.execute(delete(inbox_message).where(inbox_message.c.consumer == consumer))

async def test_dead_letter_topics_keep_messages_until_acted_on(env):
    settings, _ = env
    bootstrap = settings.kafka_bootstrap_servers
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **kafka_security(operator(bootstrap)))
    await admin.start()
    try:
        # A DLQ created before this rule: seven days, like the other topics.
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, dlq(ALL_TOPICS[0]), configs={
            "retention.ms": "604800000", "min.insync.replicas": "1"})])
        provisioning = operator(bootstrap)
        await ensure_topics(bootstrap, partitions=provisioning.kafka_topic_partitions,
                            security=kafka_security(provisioning))
        await ensure_topics(bootstrap, partitions=provisioning.kafka_topic_partitions,
                            security=kafka_security(provisioning))  # idempotent
        dlqs = [dlq(t) for t in ALL_TOPICS]
        overrides = await topic_overrides(admin, dlqs + [ALL_TOPICS[0]])
        described = await admin.describe_topics(ALL_TOPICS)
    finally:
        await admin.close()
    for name in dlqs:
        assert overrides[name]["retention.ms"] == "-1" and overrides[name]["retention.bytes"] == "-1", name
    assert overrides[dlq(ALL_TOPICS[0])]["min.insync.replicas"] == "1"
    assert overrides[ALL_TOPICS[0]]["retention.ms"] == "604800000"
    assert {len(topic["partitions"]) for topic in described} == {provisioning.kafka_topic_partitions}


async def test_the_relay_deletes_rows_sent_without_waiting_for_the_wal_flush_in_its_own_transaction_only(clean_outbox):
    settings, _ = clean_outbox
    # The test stack's Postgres runs with synchronous_commit off for everyone: these sessions have it on.
    engine = create_async_engine(settings.service_database_url(),
                                 connect_args={"server_settings": {"synchronous_commit": "on"}})
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await _insert(engine, [_row(topic, b"deleted")])
    seen = []

    class Observed(OutboxRelay):
        @staticmethod
        async def _settle(conn, sent, parked):
            seen.append(await conn.scalar(text("SHOW synchronous_commit")))
            await OutboxRelay._settle(conn, sent, parked)

    relay = Observed(engine, lambda: make_producer(settings.kafka_bootstrap_servers, client_id="faults-outbox",
                                                   security=kafka_security(settings)), service=settings.service_name)
    try:
        assert await relay.publish_batch() == 1 and relay.leading
        assert seen == ["off"] and (await relay.measure_outbox())[0] == 0
        async with engine.connect() as conn:
            assert await conn.scalar(text("SHOW synchronous_commit")) == "on"
    finally:
        await relay.stop()
        await engine.dispose()
