"""Sending outbox rows and judging what Kafka answered, row by row.

A row Kafka refuses for good (too large, invalid or missing topic) is parked rather than retried:
retrying it forever would block every row behind it. Everything else that failed is left for the
next cycle. Park reasons name the error class only, never the row's content.
"""
import asyncio
from collections.abc import Sequence

import orjson
from aiokafka import AIOKafkaProducer
from aiokafka import errors as kafka_errors


# After one of these the producer's sequence numbers or id are out of step with the broker: every
# later send on the partition would fail too. A fresh producer fixes it; the rows are retried.
PRODUCER_STATE_ERRORS = (
    kafka_errors.OutOfOrderSequenceNumber,
    kafka_errors.UnknownProducerId,
    kafka_errors.InvalidProducerEpoch,
    kafka_errors.ProducerFenced,
    kafka_errors.ProducerClosed,
)
PARK_REASONS = {
    kafka_errors.MessageSizeTooLargeError: "message larger than the topic or producer accepts",
    kafka_errors.RecordListTooLargeError: "record batch larger than the topic accepts",
    kafka_errors.InvalidTopicError: "invalid topic name",
    kafka_errors.UnknownTopicOrPartitionError: "topic does not exist",
    kafka_errors.TopicAuthorizationFailedError: "not authorized to write the topic",
    kafka_errors.CorruptRecordException: "record refused as corrupt",
    kafka_errors.InvalidTimestampError: "record timestamp refused",
}


def needs_new_producer(exc: BaseException | None) -> bool:
    return isinstance(exc, PRODUCER_STATE_ERRORS)


# A missing topic is not among them: it is confirmed separately first.
REFUSALS = tuple(t for t in PARK_REASONS if t is not kafka_errors.UnknownTopicOrPartitionError)


def is_refused(exc: BaseException | None) -> bool:
    """True when Kafka said this row can never be stored as it is. Only known refusals count: an
    unexpected error is retried, never parked. A missing topic is confirmed separately first."""
    return isinstance(exc, REFUSALS)


def park_reason(exc: BaseException) -> str:
    """Why a row was parked, from the error class alone (the row holds PHI; the reason must not)."""
    for error_type, reason in PARK_REASONS.items():
        if isinstance(exc, error_type):
            return f"{type(exc).__name__}: {reason}"
    return f"{type(exc).__name__}: refused by Kafka"


def headers_of(row) -> list[tuple[str, bytes]]:
    """Kafka's headers from the row's headers as JSON text: parsed by orjson in one call, where the driver's
    jsonb codec parsed each row with `json`; the same values."""
    return [(k, str(v).encode()) for k, v in orjson.loads(row.headers).items()]


async def send_rows(producer: AIOKafkaProducer, rows: Sequence, *, timeout: float) -> list[BaseException | None]:
    """Sends every row and waits for all of them: None where Kafka stored it, else the error."""
    outcomes: list = []
    missing: dict[str, BaseException] = {}  # a topic without metadata costs one wait, not one per row
    for row in rows:
        if row.topic in missing:
            outcomes.append(missing[row.topic])
            continue
        try:
            outcomes.append(await producer.send(row.topic, value=row.value, key=row.message_key, headers=headers_of(row)))
        except kafka_errors.UnknownTopicOrPartitionError as exc:
            missing[row.topic] = exc
            outcomes.append(exc)
        except Exception as exc:  # noqa: BLE001 - judged per row by the caller
            outcomes.append(exc)
    pending = [o for o in outcomes if not isinstance(o, BaseException)]
    try:
        results = iter(await asyncio.wait_for(asyncio.gather(*pending, return_exceptions=True), timeout))
    except asyncio.TimeoutError:
        results = iter([kafka_errors.KafkaTimeoutError()] * len(pending))
    settled = [o if isinstance(o, BaseException) else next(results) for o in outcomes]
    return [None if not isinstance(r, BaseException) else r for r in settled]


async def topic_exists(producer: AIOKafkaProducer, topic: str) -> bool | None:
    """From fresh cluster metadata: False only when the broker answered and the topic is missing."""
    try:
        cluster = await asyncio.wait_for(producer.client.fetch_all_metadata(), 10)
    except Exception:  # noqa: BLE001 - unknown, so the row is not parked
        return None
    return topic in cluster.topics()
