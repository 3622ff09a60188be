"""Records as the consumer runner handles them: how a fetch is shaped, how a record becomes a typed
envelope, and which offsets a handled batch lets the group commit (and when)."""
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka import TopicPartition
from aiokafka.structs import ConsumerRecord
from pydantic import BaseModel, ValidationError

from shared.contracts.envelope import Envelope, RawEnvelope
from shared.kafka.errors import PermanentError


@dataclass(frozen=True)
class FetchShape:
    """How long the broker may hold a fetch for more records to arrive, and how many bytes end the wait.

    Holding a fetch for more bytes gathers several records per batch under a trickle, but on the whole
    stack it cost more than it saved: each consumer then fetched ten times a second whether or not
    anything came, and every fetch lists all its partitions (the client has no fetch sessions), which
    the broker reads when the fetch arrives and again when it expires. The services answer at the
    first record and let an idle fetch wait half a second."""

    min_bytes: int = 1
    max_wait_ms: int = 500


class HeldOffsets:
    """Offsets of handled batches, committed together at most every `interval` seconds.

    Committing is safe at any moment after a batch's transaction (the inbox drops what a group
    reads twice), so holding them only means that a crash redelivers up to `interval` of events,
    which change nothing. An offset commit per batch was a broker write and a round trip for every
    handful of events."""

    def __init__(self, interval: float):
        self.interval = interval
        self._offsets: dict[TopicPartition, int] = {}
        self._committed_at: float | None = None

    def add(self, records: Iterable[ConsumerRecord]) -> None:
        for tp, offset in next_offsets(records).items():
            self._offsets[tp] = max(self._offsets.get(tp, 0), offset)

    def __bool__(self) -> bool:
        return bool(self._offsets)

    def due(self, now: float) -> bool:
        """Whether held offsets should be committed now: the first ever at once, then every `interval`."""
        return bool(self._offsets) and (self._committed_at is None or now - self._committed_at >= self.interval)

    def take(self, now: float) -> dict[TopicPartition, int]:
        offsets, self._offsets, self._committed_at = self._offsets, {}, now
        return offsets

    def drop(self) -> None:
        """Forgets what is held (a replaced consumer's partitions are redelivered from the last commit)."""
        self._offsets = {}


@functools.cache
def _envelope_of(model: type[BaseModel]) -> type[Envelope]:
    return Envelope[model]  # type: ignore[valid-type]


def decode(record: ConsumerRecord, subscription) -> Envelope:
    """The record's envelope with its payload typed, validated once. Only a record that fails is read
    again as a bare envelope, so that one of another event type is refused for its type, not its payload."""
    try:
        envelope = _envelope_of(subscription.model).model_validate_json(record.value or b"")
    except ValidationError:
        _refuse_foreign(RawEnvelope.model_validate_json(record.value or b"").event_type, record, subscription)
        raise
    _refuse_foreign(envelope.event_type, record, subscription)
    return envelope


def _refuse_foreign(event_type: str, record: ConsumerRecord, subscription) -> None:
    if event_type != subscription.event_type:
        raise PermanentError(f"event_type {event_type[:80]!r} does not belong on {record.topic}")


def next_offsets(records: Iterable[ConsumerRecord]) -> dict[TopicPartition, int]:
    """The offset to commit per partition: one past the highest record handled."""
    offsets: dict[TopicPartition, int] = {}
    for r in records:
        tp = TopicPartition(r.topic, r.partition)
        offsets[tp] = max(offsets.get(tp, 0), r.offset + 1)
    return offsets
