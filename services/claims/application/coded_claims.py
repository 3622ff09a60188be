"""A round's coded claims, validated once each.

A claim verified by a 271 that answered at once is batched in the same round: the 270 and the 837P both
read its coded claim, and each validated the stored document again. The document does not change within a
round, so the first validation serves both.
"""
from uuid import UUID

from shared.contracts.claim import ClaimCoded


class CodedClaims:
    def __init__(self):
        self._by_id: dict[UUID, ClaimCoded] = {}

    def of(self, record) -> ClaimCoded:
        """`record`'s coded claim (a ClaimRecord loaded with it), validated on the first ask."""
        coded = self._by_id.get(record.id)
        if coded is None:
            coded = self._by_id[record.id] = ClaimCoded.model_validate(record.coded)
        return coded
