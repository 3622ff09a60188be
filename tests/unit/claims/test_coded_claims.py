"""A round's coded claims: validated together on the first ask and kept by claim; a coded claim this process
stored, read back unchanged, serves the model it was written from, and anything else is validated as before."""
from types import SimpleNamespace
from uuid import uuid4

import orjson
import pytest

from shared.contracts.claim import ClaimCoded
from shared.db.bulk import json_of
from services.claims.adapters.written_documents import WrittenDocuments
from services.claims.application import coded_claims
from tests.unit.claims.builders import coded


@pytest.fixture
def validated(monkeypatch) -> list[int]:
    """How many documents each batch validation was handed."""
    calls, batch = [], coded_claims.DOCUMENTS

    class Counted:
        def validate_python(self, docs):
            calls.append(len(docs))
            return batch.validate_python(docs)

    monkeypatch.setattr(coded_claims, "DOCUMENTS", Counted())
    return calls


def _written(written: WrittenDocuments, model: ClaimCoded) -> SimpleNamespace:
    """The claim as claim.coded stores it, and its record as the round reads the stored JSON back (keys reordered,
    as jsonb keeps them)."""
    claim_id, text = uuid4(), str(json_of(model))
    written.wrote(claim_id, text, model)
    read_back = orjson.loads(orjson.dumps(orjson.loads(text), option=orjson.OPT_SORT_KEYS))
    return SimpleNamespace(id=claim_id, coded=read_back)


def test_a_document_read_back_as_written_serves_its_model_unvalidated(validated):
    written = WrittenDocuments()
    models = [coded(), coded(patient={**coded().patient.model_dump(mode="json"), "first_name": "Ana"})]
    records = [_written(written, m) for m in models]

    served = coded_claims.CodedClaims(written).of(records)

    assert validated == []
    assert served[0] is models[0] and served[1] is models[1]
    again = [ClaimCoded.model_validate(r.coded) for r in records]
    assert served == again and [m.model_dump_json() for m in served] == [m.model_dump_json() for m in again]


def test_a_document_changed_since_it_was_written_is_validated(validated):
    written = WrittenDocuments()
    model = coded()
    record = _written(written, model)
    record.coded = {**record.coded, "prior_authorization": "AUTH-9"}  # fixed since: not what was written

    served = coded_claims.CodedClaims(written).of([record])

    assert validated == [1]
    assert served == [ClaimCoded.model_validate(record.coded)] and served[0] is not model
    assert served[0].prior_authorization == "AUTH-9"


def test_claims_not_written_here_or_dropped_are_validated_together(validated):
    written = WrittenDocuments(limit=2)
    models = [coded(), coded(), coded()]
    records = [_written(written, m) for m in models]  # the third write drops the first
    elsewhere = SimpleNamespace(id=uuid4(), coded=coded().model_dump(mode="json"))

    served = coded_claims.CodedClaims(written).of([*records, elsewhere])

    assert validated == [2]  # the dropped one and the other process's, in one call
    assert served[1] is models[1] and served[2] is models[2]
    assert served == [ClaimCoded.model_validate(r.coded) for r in [*records, elsewhere]]


def test_a_claim_written_again_serves_its_latest_document():
    written = WrittenDocuments()
    first, second = coded(), coded(prior_authorization="AUTH-1")
    claim_id = uuid4()
    written.wrote(claim_id, json_of(first), first)
    written.wrote(claim_id, json_of(second), second)

    assert written.model_of(claim_id, orjson.loads(str(json_of(second)))) is second
    assert written.model_of(claim_id, orjson.loads(str(json_of(first)))) is None
    assert written.model_of(uuid4(), orjson.loads(str(json_of(second)))) is None


def test_a_rounds_coded_claims_are_validated_together_on_the_first_ask_and_kept_by_claim(validated):
    documents = [coded(), coded(patient={**coded().patient.model_dump(mode="json"), "first_name": "Ana"}), coded()]
    records = [SimpleNamespace(id=uuid4(), coded=d.model_dump(mode="json")) for d in documents]
    claims = coded_claims.CodedClaims()

    first = claims.of(records[:1])
    assert first == documents[:1] and validated == [1]
    every = claims.of([records[1], records[0], records[1], *records[2:]])
    assert every == [documents[1], documents[0], documents[1], *documents[2:]] and validated == [1, len(records) - 1]
    assert every[1] is first[0] and every[0] is every[2]
    assert every == [ClaimCoded.model_validate(r.coded) for r in [records[1], records[0], records[1], *records[2:]]]
    assert claims.of([]) == [] and validated == [1, len(records) - 1]
