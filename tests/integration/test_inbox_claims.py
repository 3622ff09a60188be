"""The inbox records an event once per consumer: a repeat in a later transaction is left out, and a repeat racing
the first delivery in another transaction (a zombie consumer after a rebalance) waits for it, then fails its own
batch as a transient error, so the batch rolls back whole and its retry leaves out what the other committed."""
import asyncio
import uuid

import pytest
from sqlalchemy import text

from services.claims.settings import Settings
from shared.db.engine import make_engine, make_session_factory
from shared.db.transaction_driver import compiled
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.kafka.errors import ConcurrentDelivery, is_transient
from shared.kafka.inbox import CLAIM_NEW, claim_new_events


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine))
    await engine.dispose()


def _emit(uow, consumer: str) -> None:
    uow._outbox_rows.append({"event_id": uuid.uuid4(), "topic": "inbox.test", "message_key": consumer.encode(),
                             "value": b"{}", "headers": {"event_type": "inbox.test"}})


async def _stored(units, consumer: str) -> tuple[set[uuid.UUID], int]:
    async with units.reading() as uow:
        ids = set((await uow.session.execute(
            text("SELECT event_id FROM inbox_message WHERE consumer = :c"), {"c": consumer})).scalars())
        effects = (await uow.session.execute(
            text("SELECT count(*) FROM outbox_message WHERE message_key = :k"), {"k": consumer.encode()})).scalar()
    return ids, effects


async def _apply(units, consumer: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """A consumer's batch: the inbox's claim, then one effect per new event, all in one transaction."""
    async with units() as uow:
        new = await claim_new_events(await uow.driver(), consumer, [(i, "t") for i in ids])
        for _ in new:
            _emit(uow, consumer)
    return new


async def test_events_recorded_by_an_earlier_transaction_are_left_out(units):
    consumer, (a, b, c) = str(uuid.uuid4()), [uuid.uuid4() for _ in range(3)]
    assert await _apply(units, consumer, [a, b, a]) == {a, b}
    assert await _apply(units, consumer, [b, c]) == {c}
    assert await _apply(units, str(uuid.uuid4()), [a]) == {a}  # another consumer's inbox is its own
    assert await _stored(units, consumer) == ({a, b, c}, 3)


async def test_a_repeat_racing_the_first_delivery_rolls_back_and_its_retry_applies_only_the_rest(units):
    consumer, (shared, own) = str(uuid.uuid4()), [uuid.uuid4() for _ in range(2)]
    async with units() as first:
        assert await claim_new_events(await first.driver(), consumer, [(shared, "t")]) == {shared}
        _emit(first, consumer)
        racing = asyncio.create_task(_apply(units, consumer, [own, shared]))
        await asyncio.sleep(0.3)
        assert not racing.done()  # waits on the first transaction's row
    with pytest.raises(ConcurrentDelivery) as raised:
        await racing
    assert is_transient(raised.value)
    assert await _stored(units, consumer) == ({shared}, 1)  # the racing batch left nothing
    assert await _apply(units, consumer, [own, shared]) == {own}
    assert await _stored(units, consumer) == ({shared, own}, 2)


async def test_a_repeat_racing_a_delivery_that_rolls_back_records_the_event(units):
    consumer, event = str(uuid.uuid4()), uuid.uuid4()
    with pytest.raises(RuntimeError):
        async with units() as first:
            await claim_new_events(await first.driver(), consumer, [(event, "t")])
            racing = asyncio.create_task(_apply(units, consumer, [event]))
            await asyncio.sleep(0.3)
            raise RuntimeError("the first handler failed")
    assert await racing == {event}
    assert await _stored(units, consumer) == ({event}, 1)


@pytest.mark.parametrize("inbox_rows", [0, 2_000])
async def test_the_claim_probes_the_key_per_id_and_never_reads_the_consumers_rows(units, inbox_rows):
    consumer = str(uuid.uuid4())
    async with units() as uow:
        await uow.session.execute(text(
            "INSERT INTO inbox_message (consumer, event_id, topic) SELECT :c, gen_random_uuid(), 't' "
            "FROM generate_series(1, :n)"), {"c": consumer, "n": inbox_rows})
    async with units() as uow:
        driver = await uow.driver()
        await driver.fetch(text("ANALYZE inbox_message"), {})
        sql, names = compiled(CLAIM_NEW, driver.dialect)
        values = {"consumer": consumer, "event_ids": [uuid.uuid4() for _ in range(12)], "topics": '{"t"}'}
        raw = (await (await uow.session.connection()).get_raw_connection()).driver_connection
        await raw.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        plan = "\n".join(row[0] for row in await raw.fetch("EXPLAIN " + sql, *[values[name] for name in names]))
    assert "SubPlan" in plan and "event_id = e.event_id" in plan and "Join" not in plan, plan  # a probe per id
    if inbox_rows:  # (an inbox of a page or two is read whole, rightly)
        assert "using inbox_message_pkey" in plan, plan
