"""Batch subscriptions: runs of one topic handed over together, order across topics kept, spans closed."""
import uuid
from datetime import datetime, timezone

import pytest
from aiokafka.structs import ConsumerRecord
from opentelemetry import trace

from shared.clock import fixed_clock
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.kafka.consumer import EventBatch, Parsed, _runs_by_topic
from shared.testing.fake_unit_of_work import FakeUnitOfWork
from tests.unit.claims.builders import BILLING

pytestmark = pytest.mark.unit


def parsed(topic: str, offset: int) -> Parsed:
    record = ConsumerRecord(topic=topic, partition=0, offset=offset, timestamp=0, timestamp_type=0, key=None,
                            value=b"{}", checksum=None, serialized_key_size=0, serialized_value_size=2, headers=[])
    envelope = Envelope[dict](event_type=topic, tenant_id=uuid.uuid4(), subject_id=uuid.uuid4(), payload={})
    return Parsed(record, envelope)


def test_consecutive_events_of_a_topic_form_one_run_and_topics_keep_their_order():
    items = [parsed("a", 1), parsed("a", 2), parsed("b", 3), parsed("a", 4)]
    runs = _runs_by_topic(items)
    assert [[i.record.offset for i in run] for run in runs] == [[1, 2], [3], [4]]


def test_each_event_of_a_batch_is_walked_inside_its_own_span():
    batch = EventBatch([parsed("a", 1), parsed("a", 2)], "group")
    seen = []
    for envelope in batch.traced():
        seen.append((envelope.event_id, trace.get_current_span().get_span_context()))
    assert [event_id for event_id, _ in seen] == [e.event_id for e in batch.envelopes]
    assert trace.get_current_span() is trace.INVALID_SPAN  # no span left open after the walk
    assert len(batch) == 2


def test_a_walk_abandoned_by_a_failing_handler_is_closed():
    batch = EventBatch([parsed("a", 1), parsed("a", 2)], "group")
    walk = batch.traced()
    next(walk)
    batch.close()
    with pytest.raises(StopIteration):
        next(walk)


def test_the_fake_unit_of_work_records_events_and_answers_its_clock():
    at = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
    uow = FakeUnitOfWork(clock=fixed_clock(at))
    tenant = uuid.uuid4()
    uow.emit(TenantRegistered(tenant_id=str(tenant), name="x", billing_provider=BILLING), tenant_id=tenant, subject_id=tenant)
    assert uow.now() == at and uow.today().isoformat() == "2026-12-01"
    assert [e.event_type for e in uow.emitted] == ["tenant.registered"]
    assert len(uow.emitted_of(TenantRegistered)) == 1


def test_a_clock_must_be_timezone_aware():
    with pytest.raises(ValueError):
        fixed_clock(datetime(2026, 12, 1))
