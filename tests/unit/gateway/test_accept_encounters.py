"""Intake over a fake unit of work: new encounters stored and announced, re-sent ones answered with the
first id and never announced twice, and every request audited in the same unit of work."""
import json
from pathlib import Path
from uuid import uuid4

import pytest
from opentelemetry.trace import SpanContext, TraceFlags

from shared.contracts.encounter import EncounterDocumented
from services.gateway.application.accept_encounters import (ACCEPTED_STATUS, AUDIT_ACTION, AUDIT_OBJECT_TYPE,
                                                            Submission, accept_encounters)
from services.gateway.domain.audit import audit_target
from services.gateway.intake import parse_encounter
from tests.unit.gateway.fakes import FakeGatewayUnitOfWork

pytestmark = pytest.mark.unit
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "intake" / "encounter.json"
TENANT, OTHER_TENANT, KEY = uuid4(), uuid4(), uuid4()


def submission(external_id: str, tenant=TENANT, parent: SpanContext | None = None) -> Submission:
    body = {**json.loads(FIXTURE.read_text()), "external_id": external_id}
    encounter, source_format = parse_encounter("application/json", json.dumps(body).encode())
    return Submission(tenant_id=tenant, key_id=KEY, encounter=encounter, source_format=source_format, parent=parent)


async def test_new_encounters_are_stored_and_announced_in_one_unit_of_work():
    uow = FakeGatewayUnitOfWork()
    answers = await accept_encounters(uow, [submission("A-1"), submission("A-2")])
    assert [a.created for a in answers] == [True, True]
    assert uow.encounters.insert_calls == 1  # the batch is one statement, not one per request
    events = uow.emitted_of(EncounterDocumented)
    assert [e.external_id for e in events] == ["A-1", "A-2"]
    assert [e.encounter_id for e in events] == [str(a.encounter_id) for a in answers]
    assert {e.source_format for e in events} == {"json"}


async def test_each_event_continues_its_own_requests_span():
    uow = FakeGatewayUnitOfWork()
    first, second = (SpanContext(n, n, True, TraceFlags(TraceFlags.SAMPLED)) for n in (1, 2))
    await accept_encounters(uow, [submission("A-1", parent=first), submission("A-1", parent=second),
                                  submission("A-2", parent=second), submission("A-3")])
    assert uow.emitted_parents == [first, second, None]  # the twin emits nothing


async def test_the_event_carries_the_body_as_validated():
    uow = FakeGatewayUnitOfWork()
    sent = submission("A-1")
    await accept_encounters(uow, [sent])
    event = uow.emitted_of(EncounterDocumented)[0]
    assert event.model_dump(exclude={"encounter_id", "source_format"}) == sent.encounter.model_dump()
    # what a consumer parses is what was sent
    assert EncounterDocumented.model_validate_json(event.model_dump_json()) == event


async def test_a_re_sent_external_id_gets_the_first_id_and_no_second_event():
    uow = FakeGatewayUnitOfWork()
    first = (await accept_encounters(uow, [submission("A-1")]))[0]
    again = await accept_encounters(uow, [submission("A-1"), submission("A-1", tenant=OTHER_TENANT)])
    assert again[0].encounter_id == first.encounter_id and not again[0].created
    assert again[1].created and again[1].encounter_id != first.encounter_id  # another tenant's id is its own
    assert len(uow.emitted_of(EncounterDocumented)) == 2


async def test_twins_in_one_batch_make_one_encounter():
    uow = FakeGatewayUnitOfWork()
    answers = await accept_encounters(uow, [submission("A-1"), submission("A-1")])
    assert [a.created for a in answers] == [True, False]
    assert answers[0].encounter_id == answers[1].encounter_id
    assert len(uow.emitted_of(EncounterDocumented)) == 1


async def test_every_request_is_audited_with_the_encounter_it_got():
    uow = FakeGatewayUnitOfWork()
    answers = await accept_encounters(uow, [submission("A-1"), submission("A-1")])
    assert [(e.object_type, e.object_id, e.action, e.outcome, e.key_id) for e in uow.audit.entries] == [
        (AUDIT_OBJECT_TYPE, str(a.encounter_id), AUDIT_ACTION, ACCEPTED_STATUS, str(KEY)) for a in answers]
    assert {e.at for e in uow.audit.entries} == {uow.now()}


def test_the_audit_entry_is_the_one_the_middleware_would_have_written():
    target = audit_target("POST", "/v1/encounters", {})
    assert (target.object_type, target.action) == (AUDIT_OBJECT_TYPE, AUDIT_ACTION)
