"""An emitted event's outbox row and what the relay hands Kafka: the envelope's bytes are its serializer's JSON,
the headers' JSON text parses to the headers, and the relay turns that text into the same Kafka headers."""
import json
from decimal import Decimal
from types import SimpleNamespace
from uuid import UUID, uuid4

import pytest

from shared.contracts.claim import ClaimAcknowledged
from shared.contracts.envelope import Envelope
from shared.contracts.payment import PaymentPosted
from shared.db.bulk import EncodedJson
from shared.db.unit_of_work import UnitOfWork, envelope_for
from shared.kafka.outbox_sending import headers_of

pytestmark = pytest.mark.unit

TENANT = UUID("6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")


def _payment(claim_id: str) -> PaymentPosted:
    return PaymentPosted.model_validate({
        "claim_id": claim_id, "remit_id": "R-\u00e9\"1", "status_code": "1", "paid": "12.5",
        "contractual_adjustment": "7.50", "patient_responsibility": "0", "other_adjustment": "0", "claim_balance": "0"})


def _emitted(payload, **ids):
    uow = UnitOfWork(session=None)
    envelope = uow.emit(payload, **ids)
    (insert,) = uow.pending_inserts()
    return envelope, insert.rows[0]


@pytest.mark.parametrize("subject", [uuid4(), str(uuid4()), str(uuid4()).upper()])
def test_the_outbox_value_is_the_envelopes_json_and_the_key_its_subject(subject):
    claim_id = str(uuid4())
    envelope, row = _emitted(_payment(claim_id), tenant_id=str(TENANT), subject_id=subject)
    assert row["value"] == envelope.model_dump_json().encode()
    assert row["message_key"] == str(UUID(str(subject))).encode() == str(envelope.subject_id).encode()
    assert row["event_id"] == envelope.event_id and row["topic"] == "payment.posted"
    again = Envelope[PaymentPosted].model_validate_json(row["value"])
    assert again.payload.paid == Decimal("12.50") and again.tenant_id == TENANT


def test_the_envelope_is_the_one_envelope_for_builds():
    payload = ClaimAcknowledged(claim_id=str(uuid4()), source="999", accepted=True)
    envelope, _ = _emitted(payload, tenant_id=TENANT, subject_id=payload.claim_id)
    built = envelope_for(payload, tenant_id=TENANT, subject_id=payload.claim_id)
    assert built.model_dump(exclude={"event_id", "occurred_at"}) == envelope.model_dump(
        exclude={"event_id", "occurred_at"})


def test_the_headers_travel_as_encoded_json_of_the_event_type_and_trace_context():
    _, row = _emitted(_payment(str(uuid4())), tenant_id=TENANT, subject_id=uuid4())
    assert type(row["headers"]) is EncodedJson
    headers = json.loads(row["headers"])
    assert headers["event_type"] == "payment.posted" and set(headers) <= {"event_type", "traceparent", "tracestate"}


TRACED = {"event_type": "claim.coded", "traceparent": "00-" + "a" * 32 + "-" + "b" * 16 + "-01",
          "tracestate": "vendor=caf\u00e9,x=\"y\""}


@pytest.mark.parametrize("stored", [{"event_type": "claim.coded"}, TRACED])
def test_the_relay_hands_kafka_the_stored_headers_from_their_json_text(stored):
    text = json.dumps(stored)  # as Postgres prints a jsonb value: its own spacing, not the writer's
    assert headers_of(SimpleNamespace(headers=text)) == [(k, v.encode()) for k, v in stored.items()]
