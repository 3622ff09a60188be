"""A real EventBatch over envelopes, for use-case unit tests of batch consumers (no Kafka)."""
from aiokafka.structs import ConsumerRecord

from shared.contracts.envelope import Envelope
from shared.kafka.consumer import EventBatch, Parsed


def batch_of(*envelopes: Envelope, topic: str = "test") -> EventBatch:
    records = [ConsumerRecord(topic=topic, partition=0, offset=n, timestamp=0, timestamp_type=0, key=None, value=b"",
                              checksum=None, serialized_key_size=0, serialized_value_size=0, headers=[])
               for n in range(len(envelopes))]
    return EventBatch([Parsed(record, envelope) for record, envelope in zip(records, envelopes)], "unit-tests")
