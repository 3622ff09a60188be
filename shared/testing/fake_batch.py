"""What a batch subscription hands a use case, without a broker: the envelopes, walked without spans."""
from collections.abc import Iterable, Iterator

from shared.contracts.envelope import Envelope


class FakeBatch:
    def __init__(self, envelopes: Iterable[Envelope]):
        self.envelopes = list(envelopes)

    def __len__(self) -> int:
        return len(self.envelopes)

    def traced(self) -> Iterator[Envelope]:
        return iter(self.envelopes)
