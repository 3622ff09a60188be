"""Dead letters of an encounter's events: how they are read, kept and shown."""
import uuid

import pytest
from aiokafka.structs import ConsumerRecord

from shared.contracts.envelope import Envelope
from shared.kafka.dlq import dead_letter_envelope, dlq_headers
from services.gateway.application.encounter_failures import record_dead_letter
from services.gateway.domain.encounter_failures import encounter_of, failure_record, failure_shown, public_failure
from tests.unit.gateway.fakes import FakeGatewayUnitOfWork

pytestmark = pytest.mark.unit
TENANT, ENCOUNTER, CLAIM = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def record(topic: str, value: bytes, headers=(), offset: int = 7) -> ConsumerRecord:
    return ConsumerRecord(topic=topic, partition=1, offset=offset, timestamp=0, timestamp_type=0, key=None,
                          value=value, checksum=None, serialized_key_size=0, serialized_value_size=len(value),
                          headers=list(headers))


def dead_letter(payload: dict, *, offset: int = 7, error: str = "schema error: procedures: Field required",
                tenant_id: uuid.UUID = TENANT):
    envelope = Envelope[dict](event_type="encounter.documented", tenant_id=tenant_id, subject_id=ENCOUNTER,
                              payload=payload)
    original = record("encounter.documented", envelope.model_dump_json().encode())
    headers = dlq_headers(original, group_id="coding", error=error)
    return envelope, record("encounter.documented.dlq", original.value, headers, offset=offset)


def test_a_dead_letter_keeps_its_tenant_subject_reason_and_payload():
    original, letter = dead_letter({"encounter_id": str(ENCOUNTER), "procedures": "x"})
    envelope = dead_letter_envelope(letter)
    assert (envelope.tenant_id, envelope.subject_id) == (TENANT, ENCOUNTER)
    assert envelope.payload.original_topic == "encounter.documented"
    assert envelope.payload.error == "schema error: procedures: Field required"
    assert envelope.payload.payload["procedures"] == "x" and envelope.payload.failed_at


def test_the_same_dead_letter_redelivered_is_one_event_a_second_dead_letter_is_another():
    _, first = dead_letter({})
    later = record(first.topic, first.value, first.headers, offset=first.offset + 1)  # dead-lettered after a replay
    assert dead_letter_envelope(first).event_id == dead_letter_envelope(first).event_id
    assert dead_letter_envelope(first).event_id != dead_letter_envelope(later).event_id


@pytest.mark.parametrize("value", [b"not json", b'{"event_type": "encounter.documented"}', b""])
def test_a_dead_letter_without_a_readable_envelope_is_not_attributed(value):
    assert dead_letter_envelope(record("encounter.documented.dlq", value)) is None


def test_the_encounter_is_the_subject_or_named_by_the_claim():
    assert encounter_of("encounter.documented", ENCOUNTER, {}) == ENCOUNTER
    assert encounter_of("claim.coded", CLAIM, {"encounter_id": str(ENCOUNTER)}) == ENCOUNTER
    assert encounter_of("claim.coded", CLAIM, {"encounter_id": "garbled"}) is None
    assert encounter_of("claim.coded", CLAIM, {}) is None


def test_the_record_is_bounded_and_names_the_claim_of_a_claim_coded():
    kept = failure_record(topic="claim.coded", error="x" * 5000, failed_at="2026-12-01T20:00:00+00:00",
                          subject_id=CLAIM)
    assert len(kept["reason"]) == 500 and kept["claim_id"] == str(CLAIM)
    assert public_failure(kept) == {"stage": "claim.coded", "reason": "x" * 500,
                                    "failed_at": "2026-12-01T20:00:00+00:00"}


def test_an_encounter_documented_failure_shows_until_coding_has_the_encounter():
    failure = failure_record(topic="encounter.documented", error="e", failed_at=None, subject_id=ENCOUNTER)
    assert failure_shown(failure, coded=False, claim_built=None)
    assert not failure_shown(failure, coded=True, claim_built=None)  # replayed and coded: it moved on
    assert not failure_shown(None, coded=False, claim_built=None)


def test_a_claim_coded_failure_shows_while_claims_is_known_not_to_have_the_claim():
    failure = failure_record(topic="claim.coded", error="e", failed_at=None, subject_id=CLAIM)
    assert failure_shown(failure, coded=True, claim_built=False)
    assert not failure_shown(failure, coded=True, claim_built=True)
    assert not failure_shown(failure, coded=True, claim_built=None)



async def test_a_dead_letter_is_recorded_on_its_tenants_encounter_only():
    uow, other_tenant = FakeGatewayUnitOfWork(), uuid.uuid4()
    await uow.encounters.add_new([{"id": ENCOUNTER, "tenant_id": TENANT, "external_id": "E1", "failure": None}])
    _, another_tenants = dead_letter({}, tenant_id=other_tenant, error="another tenant's")
    await record_dead_letter(uow, dead_letter_envelope(another_tenants))
    assert (await uow.encounters.find(TENANT, ENCOUNTER)).failure is None
    _, letter = dead_letter({})
    await record_dead_letter(uow, dead_letter_envelope(letter))
    failure = (await uow.encounters.find(TENANT, ENCOUNTER)).failure
    assert failure["topic"] == "encounter.documented"
    assert failure["reason"] == "schema error: procedures: Field required"
