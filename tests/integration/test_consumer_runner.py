"""The shared consumer runner and outbox relay on the real broker and database.

Proves the event contract's promises in-process: batches commit only after their transaction,
bad messages go to the DLQ with the error while the rest are processed, redeliveries change
nothing, transient errors are retried, and emitted events leave only if their transaction commits.
"""
import asyncio
import uuid

import pytest
from pydantic import BaseModel
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select
from sqlalchemy.exc import OperationalError

from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_session_factory
from shared.db.tables import infra_metadata, outbox_message
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.kafka.consumer import ConsumerRunner, EventRouter
from shared.kafka.errors import PermanentError
from shared.kafka.producer import make_producer
from shared.kafka.security import kafka_security
from shared.kafka.relay import OutboxRelay
from shared.settings import PlatformSettings
from tests.e2e.kafka_tools import group_lag, read_topic
from tests.integration.fault_support import database_for, new_topic

effects_metadata = MetaData()
effect = Table("itest_effect", effects_metadata, Column("id", Integer, primary_key=True),
               Column("event_id", String, nullable=False), Column("n", Integer))


class Ping(BaseModel):
    n: int


class ITestSettings(PlatformSettings):
    service_name = "itest"


@pytest.fixture(scope="module")
async def env(infrastructure):
    settings = ITestSettings(database_url=infrastructure.database_url,
                             kafka_bootstrap_servers=infrastructure.kafka.bootstrap)
    engine = await database_for(settings, infra_metadata, effects_metadata)
    producer = make_producer(settings.kafka_bootstrap_servers, client_id="itest", security=kafka_security(settings))
    await producer.start()
    yield settings, engine, producer
    await producer.stop()
    await engine.dispose()


def _envelope(topic: str, n: int, event_id: uuid.UUID | None = None) -> bytes:
    return Envelope[Ping](event_id=event_id or uuid.uuid4(), event_type=topic, tenant_id=uuid.uuid4(),
                          subject_id=uuid.uuid4(), payload=Ping(n=n)).model_dump_json().encode()


async def _run_until_caught_up(settings, engine, producer, topic, router, group) -> None:
    runner = ConsumerRunner(group_id=group, router=router, bootstrap_servers=settings.kafka_bootstrap_servers,
                            units_of_work=UnitOfWorkFactory(make_session_factory(engine)), producer=producer,
                            security=kafka_security(settings))
    await runner.start()
    try:
        for _ in range(200):
            await asyncio.sleep(0.2)
            if await asyncio.to_thread(group_lag, settings.kafka_bootstrap_servers, group, [topic]) == 0:
                return
        raise AssertionError("consumer did not catch up")
    finally:
        await runner.stop()


def _recording_router(topic: str, *, fail_on: set[int] = frozenset(), transient_failures: list | None = None):
    router = EventRouter()

    @router.subscribe(topic, model=Ping)
    async def record(uow, event) -> None:
        if event.payload.n in fail_on:
            raise PermanentError(f"ping {event.payload.n} can never pass")
        if transient_failures:
            transient_failures.pop()
            raise OperationalError("SELECT 1", {}, ConnectionError("database restarting"))
        await uow.session.execute(effect.insert().values(event_id=str(event.event_id), n=event.payload.n))

    return router


async def _effects(engine, numbers) -> list[int]:
    async with engine.connect() as conn:
        rows = await conn.execute(select(effect.c.n).where(effect.c.n.in_(list(numbers))))
        return sorted(r[0] for r in rows)


async def test_bad_messages_go_to_the_dlq_and_the_rest_are_processed(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    key = b"same-partition"
    for n in range(1000, 1020):
        await producer.send_and_wait(topic, _envelope(topic, n), key=key)
        if n == 1005:
            await producer.send_and_wait(topic, b"{not json", key=key)
        if n == 1010:
            await producer.send_and_wait(topic, b'{"event_type": "%s", "payload": {"n": "x"}}' % topic.encode(), key=key)
    await _run_until_caught_up(settings, engine, producer, topic, _recording_router(topic, fail_on={1015}),
                               f"itest-{uuid.uuid4().hex[:6]}")
    assert await _effects(engine, range(1000, 1020)) == [n for n in range(1000, 1020) if n != 1015]
    dead = await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic + ".dlq")
    assert len(dead) == 3
    errors = [dict(r.headers)["dlq.error"].decode() for r in dead]
    assert any("schema error" in e for e in errors)
    assert any("can never pass" in e for e in errors)
    assert all(dict(r.headers)["dlq.original_topic"].decode() == topic for r in dead)


async def test_a_redelivered_event_changes_nothing(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    event_id = uuid.uuid4()
    for _ in range(3):
        await producer.send_and_wait(topic, _envelope(topic, 2000, event_id), key=b"k")
    await _run_until_caught_up(settings, engine, producer, topic, _recording_router(topic), f"itest-{uuid.uuid4().hex[:6]}")
    assert await _effects(engine, [2000]) == [2000]


async def test_transient_errors_are_retried_not_dead_lettered(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await producer.send_and_wait(topic, _envelope(topic, 3000), key=b"k")
    failures = [1, 1]
    await _run_until_caught_up(settings, engine, producer, topic, _recording_router(topic, transient_failures=failures),
                               f"itest-{uuid.uuid4().hex[:6]}")
    assert failures == []
    assert await _effects(engine, [3000]) == [3000]
    assert await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic + ".dlq") == []


async def test_outbox_publishes_only_committed_events_with_trace_context(env):
    settings, engine, producer = env
    relay = OutboxRelay(engine, lambda: make_producer(settings.kafka_bootstrap_servers, client_id="itest-outbox",
                                                  security=kafka_security(settings)),
                        service="itest")
    units = UnitOfWorkFactory(make_session_factory(engine), on_commit=relay.wake)
    tenant_id = uuid.uuid4()
    payload = TenantRegistered.model_validate({
        "tenant_id": str(tenant_id), "name": "x", "billing_provider": {
            "name": "X", "npi": "1234567893", "tax_id": "123456789",
            "address": {"line1": "1 A ST", "city": "B", "state": "IL", "zip": "62701"}}})
    with pytest.raises(RuntimeError):
        async with units() as uow:
            uow.emit(payload, tenant_id=tenant_id, subject_id=uuid.uuid4())
            raise RuntimeError("rolled back")
    async with units() as uow:
        kept = uow.emit(payload, tenant_id=tenant_id, subject_id=tenant_id)
    while await relay.publish_batch():
        pass
    await relay.stop()
    async with engine.connect() as conn:
        left = await conn.scalar(select(func.count()).select_from(outbox_message).where(
            outbox_message.c.value.contains(str(tenant_id).encode())))
    assert left == 0  # the relay deleted what it sent
    published = [r for r in await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, "tenant.registered")
                 if str(tenant_id).encode() in r.value]
    assert len(published) == 1 and str(kept.event_id).encode() in published[0].value  # the rolled-back one never left
    assert dict(published[0].headers)["event_type"] == b"tenant.registered"



async def _until_effects(engine, numbers) -> None:
    for _ in range(200):
        if await _effects(engine, numbers) == sorted(numbers):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{numbers} not handled")


async def test_offsets_of_handled_batches_are_committed_together_and_at_a_stop(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers, partitions=1)
    group = f"itest-{uuid.uuid4().hex[:6]}"
    runner = ConsumerRunner(group_id=group, router=_recording_router(topic), bootstrap_servers=settings.kafka_bootstrap_servers,
                            units_of_work=UnitOfWorkFactory(make_session_factory(engine)), producer=producer,
                            security=kafka_security(settings), commit_interval=3600)
    commits, real_commit = [], runner._consumer.commit

    async def recorded_commit(offsets=None):  # a thin wrapper in front of the real consumer's commit
        commits.append({tp.partition: offset for tp, offset in offsets.items()})
        return await real_commit(offsets)

    runner._consumer.commit = recorded_commit
    await runner.start()
    try:
        for n in (5000, 5001, 5002):  # one batch each: the next is sent once the one before is handled
            await producer.send_and_wait(topic, _envelope(topic, n), key=b"k")
            await _until_effects(engine, [5000, n] if n > 5000 else [5000])
        assert commits == [{0: 1}]  # the first batch's offset at once, the next two held
        assert await asyncio.to_thread(group_lag, settings.kafka_bootstrap_servers, group, [topic]) == 2
    finally:
        await runner.stop()
    assert commits == [{0: 1}, {0: 3}]
    assert await asyncio.to_thread(group_lag, settings.kafka_bootstrap_servers, group, [topic]) == 0
