"""The per-record and per-batch work of the consumer runner, the inbox and the relay: each record's
envelope validated once, statements whose text does not change with the batch's size (prepared once
per connection), consumers that wait a moment for several records rather than fetch each alone, and
offsets committed together rather than once per batch."""
import uuid

import pytest
from aiokafka import TopicPartition
from aiokafka.structs import ConsumerRecord
from pydantic import BaseModel, ValidationError
from sqlalchemy.dialects import postgresql

from shared.contracts import envelope as envelope_module
from shared.contracts.envelope import Envelope
from shared.kafka import inbox
from shared.kafka.consumer import ConsumerRunner, EventRouter
from shared.kafka.records import FetchShape, HeldOffsets, decode
from shared.kafka.errors import PermanentError
from shared.kafka.relay import DELETE_SENT, IdlePause
from shared.runtime import ServiceRuntime
from shared.settings import PlatformSettings

pytestmark = pytest.mark.unit


class Ping(BaseModel):
    n: int


def _router() -> EventRouter:
    router = EventRouter()

    @router.subscribe("ping", model=Ping)
    async def handle(uow, event) -> None:
        pass

    return router


def _record(value: bytes, topic: str = "ping", partition: int = 0, offset: int = 0) -> ConsumerRecord:
    return ConsumerRecord(topic=topic, partition=partition, offset=offset, timestamp=0, timestamp_type=0, key=None, value=value,
                          checksum=None, serialized_key_size=0, serialized_value_size=len(value), headers=[])


def _value(event_type: str = "ping", payload: dict | None = None) -> bytes:
    return Envelope[dict](event_type=event_type, tenant_id=uuid.uuid4(), subject_id=uuid.uuid4(),
                          payload={"n": 1} if payload is None else payload).model_dump_json().encode()


def _runner(fetch: FetchShape | None = None) -> ConsumerRunner:
    return ConsumerRunner(group_id="g", router=_router(), bootstrap_servers="127.0.0.1:1", units_of_work=None,
                          producer=None, fetch=fetch)


async def test_a_good_record_is_validated_once(monkeypatch):
    def untyped_parse(*args, **kwargs):
        raise AssertionError("a good record was parsed a second time, untyped")

    monkeypatch.setattr(envelope_module.RawEnvelope, "model_validate_json", untyped_parse)
    parsed, failures = _runner()._parse([_record(_value())])
    assert failures == [] and parsed[0].envelope.payload == Ping(n=1)


def test_a_record_of_another_event_type_is_refused_for_its_type_whatever_its_payload():
    subscription = _router().subscriptions["ping"]
    for payload in ({"n": 1}, {"n": "not a number"}):
        with pytest.raises(PermanentError, match="'pong' does not belong on ping"):
            decode(_record(_value("pong", payload)), subscription)


def test_a_record_of_the_right_type_with_a_bad_payload_fails_on_its_payload():
    subscription = _router().subscriptions["ping"]
    with pytest.raises(ValidationError, match="payload.n"):
        decode(_record(_value(payload={"n": "x"})), subscription)
    with pytest.raises(ValidationError):
        decode(_record(b"{not json"), subscription)


class _RecordingDriver:
    def __init__(self):
        self.calls = []

    async def fetch(self, statement, parameters):
        self.calls.append((statement, parameters))
        return [(event_id,) for event_id in parameters["event_ids"]]


def _sql(statement) -> str:
    return str(statement.compile(dialect=postgresql.asyncpg.dialect()))


async def test_the_inbox_statement_is_the_same_for_every_batch_size():
    driver = _RecordingDriver()
    one, three = [uuid.uuid4()], [uuid.uuid4() for _ in range(3)]
    await inbox.claim_new_events(driver, "g", [(one[0], "a")])
    new = await inbox.claim_new_events(driver, "g", [(three[0], "a"), (three[1], "b"), (three[0], "c"), (three[2], "a")])
    (first, _), (second, parameters) = driver.calls
    assert _sql(first) == _sql(second)
    assert parameters == {"consumer": "g", "event_ids": three, "topics": '{"c","b","a"}'}  # one row per event
    assert new == set(three)


def test_the_relay_deletes_any_number_of_sent_rows_with_one_statement_text():
    compiled = DELETE_SENT.compile(dialect=postgresql.asyncpg.dialect())
    assert str(compiled).startswith("DELETE FROM outbox_message") and "ANY" in str(compiled)
    assert list(compiled.params) == ["ids"]


async def test_a_consumer_fetch_waits_for_more_records_as_configured():
    consumer = _runner(FetchShape(min_bytes=16384, max_wait_ms=50))._consumer
    assert (consumer._fetch_min_bytes, consumer._fetch_max_wait_ms) == (16384, 50)


async def test_services_fetch_records_as_they_land_poll_idle_slowly_and_commit_offsets_together():
    defaults = PlatformSettings()
    # A fetch ends at the first record (no hop waits for more), and an idle consumer asks the broker
    # at most twice a second: its empty fetches were most of the broker's CPU.
    assert defaults.kafka_fetch_min_bytes == 1 and defaults.kafka_fetch_max_wait_ms >= 500
    assert 0 < defaults.kafka_commit_interval_seconds <= 1
    settings = PlatformSettings(kafka_fetch_min_bytes=4096, kafka_fetch_max_wait_ms=20, kafka_commit_interval_seconds=0.7)
    runtime = ServiceRuntime(settings, router=_router())
    runner = runtime.consumer_runner()
    assert (runner._consumer._fetch_min_bytes, runner._consumer._fetch_max_wait_ms) == (4096, 20)
    assert runner._held.interval == 0.7


def test_handled_offsets_are_committed_at_once_the_first_time_then_together_every_interval():
    held = HeldOffsets(interval=0.5)
    assert not held and not held.due(0.0)
    held.add([_record(b"", partition=0, offset=4), _record(b"", partition=1, offset=9)])
    assert held.due(0.0)
    assert held.take(10.0) == {TopicPartition("ping", 0): 5, TopicPartition("ping", 1): 10}
    held.add([_record(b"", partition=0, offset=5)])
    held.add([_record(b"", partition=0, offset=7), _record(b"", partition=0, offset=6)])
    assert held and not held.due(10.4)  # held, not yet due
    assert held.due(10.5) and held.take(10.5) == {TopicPartition("ping", 0): 8}
    assert not held and not held.due(99.0)


def test_a_replaced_consumer_forgets_the_offsets_it_held():
    held = HeldOffsets(interval=0.5)
    held.add([_record(b"", offset=3)])
    held.drop()
    assert not held


def test_an_idle_leading_relay_looks_less_and_less_often_and_at_once_again_after_work():
    pause = IdlePause(first=0.5, longest=4.0, follower=2.0)
    assert [pause.after(0, leading=True) for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert pause.after(3, leading=True) == 0.5  # it published: the next look is soon again
    assert pause.after(0, leading=True) == 1.0
    assert pause.after(0, leading=False) == 2.0


def test_a_tally_refresh_function_is_installed_with_generic_plans_and_can_be_put_back():
    from services.claims.adapters.reports import CLAIM_TALLY

    assert "SET plan_cache_mode = force_generic_plan AS $$" in CLAIM_TALLY.refresh_function()
    assert CLAIM_TALLY.refresh_function() in CLAIM_TALLY.install()
    assert "plan_cache_mode" not in CLAIM_TALLY.refresh_function(generic_plans=False)


def test_a_tally_refresh_reads_the_keys_view_once_and_can_be_put_back_to_three_reads():
    from services.claims.adapters.reports import CLAIM_TALLY

    assert CLAIM_TALLY.refresh_function().count("FROM claim_tally_keys") == 1
    earlier = CLAIM_TALLY.refresh_function(one_statement=False)
    assert earlier.count("FROM claim_tally_keys") == 3 and "force_generic_plan" in earlier
