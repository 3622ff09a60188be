"""The consumer runner under database and broker faults, on the real broker and database.

Wrapped server errors (restarting, serialization, too many connections) are retried and never
dead-lettered; a DLQ send that fails with retriable Kafka errors is retried until the message is
stored once; a killed poll loop fails liveness and is restarted by its supervisor, and one stuck in an
await that never returns is replaced in the process.
"""
import asyncio
import uuid

import httpx
import pytest
from aiokafka.errors import KafkaTimeoutError, NotLeaderForPartitionError, RequestTimedOutError
from sqlalchemy import Column, Integer, MetaData, String, Table, select

from shared.db.engine import make_session_factory
from shared.db.tables import infra_metadata
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.http.app import create_service_app
from shared.kafka.consumer import ConsumerRunner, EventRouter
from shared.kafka.producer import make_producer
from shared.kafka.security import kafka_security
from shared.runtime import ServiceRuntime
from tests.e2e.kafka_tools import group_lag, read_topic
from tests.integration.fault_support import FaultSettings, FlakyProducer, Ping, database_for, envelope, new_topic, wrapped_postgres_error

effects_metadata = MetaData()
effect = Table("faults_effect", effects_metadata, Column("id", Integer, primary_key=True),
               Column("event_id", String, nullable=False), Column("n", Integer))


@pytest.fixture(scope="module")
async def env(infrastructure):
    settings = FaultSettings(database_url=infrastructure.database_url,
                             kafka_bootstrap_servers=infrastructure.kafka.bootstrap, health_stale_seconds=30)
    engine = await database_for(settings, infra_metadata, effects_metadata)
    producer = make_producer(settings.kafka_bootstrap_servers, client_id="faults", security=kafka_security(settings))
    await producer.start()
    yield settings, engine, producer
    await producer.stop()
    await engine.dispose()


def _router(topic: str, errors: list[Exception]) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topic, model=Ping)
    async def record(uow, event) -> None:
        if errors:
            raise errors.pop(0)
        await uow.session.execute(effect.insert().values(event_id=str(event.event_id), n=event.payload.n))

    return router


async def _caught_up(settings, group: str, topic: str, seconds: float = 40) -> None:
    for _ in range(int(seconds / 0.2)):
        await asyncio.sleep(0.2)
        if await asyncio.to_thread(group_lag, settings.kafka_bootstrap_servers, group, [topic]) == 0:
            return
    raise AssertionError("consumer did not catch up")


async def _effects(engine, numbers) -> list[int]:
    async with engine.connect() as conn:
        return sorted(r[0] for r in await conn.execute(select(effect.c.n).where(effect.c.n.in_(list(numbers)))))


async def _run(settings, engine, producer, topic, router) -> ConsumerRunner:
    group = f"faults-{uuid.uuid4().hex[:6]}"
    runner = ConsumerRunner(group_id=group, router=router, bootstrap_servers=settings.kafka_bootstrap_servers,
                            security=kafka_security(settings),
                            units_of_work=UnitOfWorkFactory(make_session_factory(engine)), producer=producer)
    await runner.start()
    try:
        await _caught_up(settings, group, topic)
    finally:
        await runner.stop()
    return runner


async def test_wrapped_server_restarts_and_contention_are_retried_never_dead_lettered(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    for n in (4000, 4001):
        await producer.send_and_wait(topic, envelope(topic, n), key=b"k")
    errors = [wrapped_postgres_error(code) for code in ("57P03", "40001", "53300", "40P01", "57P01")]
    await _run(settings, engine, producer, topic, _router(topic, errors))
    assert errors == []  # every one was raised, and the batch retried after each
    assert await _effects(engine, [4000, 4001]) == [4000, 4001]
    assert await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic + ".dlq") == []


async def test_the_consumer_survives_failing_dlq_sends_and_stores_the_message_once(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await producer.send_and_wait(topic, b"{not json", key=b"k")
    await producer.send_and_wait(topic, envelope(topic, 4100), key=b"k")
    flaky = FlakyProducer(producer, topic_suffix=".dlq", raise_on_send=[KafkaTimeoutError()],
                          fail_future=[RequestTimedOutError(), NotLeaderForPartitionError()])
    runner = await _run(settings, engine, flaky, topic, _router(topic, []))
    assert flaky.sends == 4 and runner.restarts == 0
    dead = await asyncio.to_thread(read_topic, settings.kafka_bootstrap_servers, topic + ".dlq")
    assert [r.value for r in dead] == [b"{not json"]
    assert await _effects(engine, [4100]) == [4100]


async def _live(client: httpx.AsyncClient) -> int:
    return (await client.get("/health/live")).status_code


async def test_liveness_fails_when_the_consumer_loop_dies_and_recovers_after_its_restart(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    runtime = ServiceRuntime(settings, router=_router(topic, []))
    app = create_service_app("faults", settings=settings)
    app.state.runtime = runtime
    await runtime.start()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://faults") as client:
            assert await _live(client) == 200
            assert (await client.get("/health/ready")).status_code == 200
            runtime._consumer._task.cancel()  # the poll loop dies, whatever the reason
            await asyncio.sleep(0.1)
            response = await client.get("/health/live")
            assert response.status_code == 503 and response.json()["problems"] == ["consumer is not running"]
            assert (await client.get("/health")).status_code == 503
            for _ in range(100):
                if await _live(client) == 200:
                    break
                await asyncio.sleep(0.2)
            assert await _live(client) == 200 and runtime._consumer.restarts == 1
        await producer.send_and_wait(topic, envelope(topic, 4200), key=b"k")
        await _caught_up(settings, settings.service_name, topic)
        assert await _effects(engine, [4200]) == [4200]
    finally:
        await runtime.stop()


async def test_a_poll_loop_stuck_in_an_await_is_replaced_and_its_batch_redelivered(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await producer.send_and_wait(topic, envelope(topic, 4250), key=b"k")
    router, stuck = EventRouter(), asyncio.Event()

    @router.subscribe(topic, model=Ping)
    async def hangs_once(uow, event) -> None:
        if not stuck.is_set():
            stuck.set()
            await asyncio.Event().wait()  # an await that never returns, as a wedged client call would
        await uow.session.execute(effect.insert().values(event_id=str(event.event_id), n=event.payload.n))

    group = f"faults-{uuid.uuid4().hex[:6]}"
    runner = ConsumerRunner(group_id=group, router=router, bootstrap_servers=settings.kafka_bootstrap_servers,
                            security=kafka_security(settings), stall_after=2.0,
                            units_of_work=UnitOfWorkFactory(make_session_factory(engine)), producer=producer)
    await runner.start()
    try:
        await _caught_up(settings, group, topic)
        assert stuck.is_set() and runner.restarts == 1 and runner.alive
    finally:
        await runner.stop()
    assert await _effects(engine, [4250]) == [4250]  # the stuck batch was rolled back and handled again


async def test_liveness_fails_when_the_relay_stops(env):
    settings, _, _ = env
    runtime = ServiceRuntime(settings)
    app = create_service_app("faults", settings=settings)
    app.state.runtime = runtime
    await runtime.start()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://faults") as client:
            assert await _live(client) == 200
            runtime.relay._task.cancel()
            await asyncio.sleep(0.1)
            response = await client.get("/health/live")
            assert response.status_code == 503 and response.json()["problems"] == ["outbox relay is not running"]
    finally:
        await runtime.stop()


async def test_a_commit_failing_with_retriable_errors_is_retried(env):
    settings, engine, producer = env
    topic = await new_topic(settings.kafka_bootstrap_servers)
    await producer.send_and_wait(topic, envelope(topic, 4300), key=b"k")
    group = f"faults-{uuid.uuid4().hex[:6]}"
    runner = ConsumerRunner(group_id=group, router=_router(topic, []), bootstrap_servers=settings.kafka_bootstrap_servers,
                            security=kafka_security(settings),
                            units_of_work=UnitOfWorkFactory(make_session_factory(engine)), producer=producer)
    failures = [RequestTimedOutError(), KafkaTimeoutError()]
    real_commit = runner._consumer.commit

    async def flaky_commit(offsets=None):  # a thin wrapper in front of the real consumer's commit
        if failures:
            raise failures.pop(0)
        return await real_commit(offsets)

    runner._consumer.commit = flaky_commit
    await runner.start()
    try:
        await _caught_up(settings, group, topic)
        assert failures == [] and runner.restarts == 0 and runner.alive
    finally:
        await runner.stop()
    assert await _effects(engine, [4300]) == [4300]


async def test_an_unreachable_database_fails_readiness_not_liveness(env):
    settings, _, _ = env
    unreachable = settings.model_copy(update={"database_url": "postgresql://postgres@127.0.0.1:1/postgres"})
    runtime = ServiceRuntime(unreachable)
    app = create_service_app("faults", settings=unreachable)
    app.state.runtime = runtime
    await runtime.start()
    try:
        await asyncio.sleep(2)  # the relay has failed a few cycles by now
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://faults") as client:
            ready = await client.get("/health/ready")
            assert ready.status_code == 503
            assert [p.split(" (")[0] for p in ready.json()["problems"]] == ["database unreachable"]
            assert await _live(client) == 200  # restarting would not bring the database back
    finally:
        await runtime.stop()
