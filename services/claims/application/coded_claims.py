"""A round's coded claims, validated once each, a batch at a time.

A claim verified by a 271 that answered at once is batched in the same round: the 270 and the 837P both
read its coded claim, and each validated the stored document again. The document does not change within a
round, so the first validation serves both. The documents a 270 or a file needs are validated in one call
(`list[ClaimCoded]`): the same schema and the same models as one call a document, without the per-call
setup for each. A document that does not validate raises, as one alone would, before any of them is used.
A document this process stored at claim.coded, read back unchanged, is not validated again: the model it was
written from serves (adapters/written_documents.py).
"""
from collections.abc import Sequence
from uuid import UUID

from pydantic import TypeAdapter

from shared.contracts.claim import ClaimCoded
from services.claims.adapters.written_documents import WRITTEN, WrittenDocuments

DOCUMENTS = TypeAdapter(list[ClaimCoded])


class CodedClaims:
    def __init__(self, written: WrittenDocuments = WRITTEN):
        self._by_id: dict[UUID, ClaimCoded] = {}
        self._written = written

    def of(self, records: Sequence) -> list[ClaimCoded]:
        """`records`' coded claims (ClaimRecords loaded with them), in their order; those not asked for before
        are validated together."""
        known, written = self._by_id, self._written
        new = {}
        for record in records:
            if record.id in known:
                continue
            model = written.model_of(record.id, record.coded)
            if model is None:
                new[record.id] = record.coded
            else:
                known[record.id] = model
        if new:
            known.update(zip(new, DOCUMENTS.validate_python(list(new.values()))))
        return [known[record.id] for record in records]
