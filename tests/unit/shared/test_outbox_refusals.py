"""Which Kafka answers park an outbox row, and what the parked row says about why."""
import pytest
from aiokafka import errors as kafka_errors

from shared.kafka.outbox_sending import is_refused, needs_new_producer, park_reason

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("error", [
    kafka_errors.MessageSizeTooLargeError(), kafka_errors.RecordListTooLargeError(), kafka_errors.InvalidTopicError(),
    kafka_errors.TopicAuthorizationFailedError(),
])
def test_refusals_for_good_park_the_row(error):
    assert is_refused(error)


@pytest.mark.parametrize("error", [
    None, kafka_errors.KafkaTimeoutError(), kafka_errors.KafkaConnectionError(), kafka_errors.NotLeaderForPartitionError(),
    kafka_errors.RequestTimedOutError(), kafka_errors.KafkaError("unexpected"), RuntimeError("bug"),
    kafka_errors.UnknownTopicOrPartitionError(),  # confirmed against fresh metadata first
    kafka_errors.OutOfOrderSequenceNumber(),
])
def test_everything_else_is_retried(error):
    assert not is_refused(error)


def test_a_broken_producer_state_asks_for_a_new_producer():
    assert needs_new_producer(kafka_errors.OutOfOrderSequenceNumber())
    assert not needs_new_producer(kafka_errors.MessageSizeTooLargeError())


def test_the_reason_names_the_error_class_only():
    error = kafka_errors.MessageSizeTooLargeError("The message is 200000 bytes; Jane Doe")
    reason = park_reason(error)
    assert reason.startswith("MessageSizeTooLargeError") and "Jane" not in reason and len(reason) <= 300
