"""Dead-letter publishing: the original bytes and headers, plus why and where it failed."""
import uuid
from datetime import datetime, timezone
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from pydantic import BaseModel, ValidationError

from shared.contracts.envelope import Envelope, RawEnvelope
from shared.contracts.topics import dlq


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
) -> None:
    """Awaits every send: the offsets are committed only after the DLQ holds the messages."""
    futures = [
        await producer.send(
            dlq(record.topic),
            value=record.value,
            key=record.key,
            headers=dlq_headers(record, group_id=group_id, error=error),
        )
        for record, error in failures
    ]
    for future in futures:
        await future


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
