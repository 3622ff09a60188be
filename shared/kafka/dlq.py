"""Dead-letter publishing: the original bytes and headers, plus why and where it failed."""
from datetime import datetime, timezone

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

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
