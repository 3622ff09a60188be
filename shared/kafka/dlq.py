"""Dead-letter publishing: the original bytes and headers, plus why and where it failed."""
import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from pydantic import BaseModel, ValidationError

from shared.contracts.envelope import Envelope, RawEnvelope
from shared.contracts.topics import dlq

log = logging.getLogger(__name__)


def dlq_headers(record: ConsumerRecord, *, group_id: str, error: str) -> list[tuple[str, bytes]]:
    original = [(k, v) for k, v in (record.headers or ()) if not k.startswith("dlq.")]
    return original + [
        ("dlq.error", error[:2000].encode()),
        ("dlq.original_topic", record.topic.encode()),
        ("dlq.original_partition", str(record.partition).encode()),
        ("dlq.original_offset", str(record.offset).encode()),
        ("dlq.consumer_group", group_id.encode()),
        ("dlq.failed_at", datetime.now(timezone.utc).isoformat().encode()),
    ]


async def send_to_dlq(
    producer: AIOKafkaProducer, failures: list[tuple[ConsumerRecord, str]], *, group_id: str
) -> list[tuple[tuple[ConsumerRecord, str], BaseException]]:
    """Awaits every send and returns the ones Kafka did not store, with why (empty: all stored)."""
    outcomes: list[Awaitable | BaseException] = []
    for record, error in failures:
        try:
            outcomes.append(await producer.send(
                dlq(record.topic), value=record.value, key=record.key,
                headers=dlq_headers(record, group_id=group_id, error=error),
            ))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, which retries
            outcomes.append(exc)
    futures = [o for o in outcomes if not isinstance(o, BaseException)]
    results = iter(await asyncio.gather(*futures, return_exceptions=True))
    settled = [o if isinstance(o, BaseException) else next(results) for o in outcomes]
    return [(failure, r) for failure, r in zip(failures, settled) if isinstance(r, BaseException)]


class Abandoned(Exception):
    """The service is stopping while a batch still waits: leave it uncommitted for the next owner."""


async def send_to_dlq_until_stored(
    producer: AIOKafkaProducer, failures: list[tuple[ConsumerRecord, str]], *, group_id: str,
    stopping: Callable[[], bool], on_retry: Callable[[], None], max_delay: float = 30.0,
) -> None:
    """Retries with backoff until the DLQ holds every message: a message is never dropped, and only
    the sends that failed are repeated, so one stored is not stored again."""
    delay = 0.2
    while failures:
        unsent = await send_to_dlq(producer, failures, group_id=group_id)
        if not unsent:
            return
        if stopping():
            raise Abandoned()
        on_retry()
        log.warning("DLQ send of %d message(s) failed (%s); retrying in %.1fs", len(unsent),
                    type(unsent[0][1]).__name__, delay, extra={"group": group_id})
        await asyncio.sleep(delay)
        delay = min(delay * 2, max_delay)
        failures = [failure for failure, _ in unsent]


class DeadLetter(BaseModel):
    """A dead-lettered event as a read model sees it: where and why it failed, and its payload as sent."""

    original_topic: str
    error: str
    failed_at: str | None = None
    payload: dict[str, Any]


def dead_letter_envelope(record: ConsumerRecord) -> Envelope[DeadLetter] | None:
    """The DLQ message as an envelope of the original tenant and subject; None when no envelope can be read.

    Its event id is derived from the DLQ position: a redelivery is skipped by the inbox, while the same
    event dead-lettered again after a replay is a new entry."""
    try:
        raw = RawEnvelope.model_validate_json(record.value or b"")
    except ValidationError:
        return None
    headers = {k: (v or b"").decode(errors="replace") for k, v in record.headers or ()}
    letter = DeadLetter(original_topic=headers.get("dlq.original_topic") or record.topic.removesuffix(".dlq"),
                        error=headers.get("dlq.error", "")[:2000], failed_at=headers.get("dlq.failed_at"),
                        payload=raw.payload)
    return Envelope[DeadLetter](
        event_id=uuid.uuid5(raw.event_id, f"{record.topic}:{record.partition}:{record.offset}"),
        event_type=raw.event_type, schema_version=raw.schema_version, occurred_at=raw.occurred_at,
        tenant_id=raw.tenant_id, subject_id=raw.subject_id, payload=letter)
