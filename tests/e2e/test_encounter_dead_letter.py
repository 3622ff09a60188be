"""An accepted encounter whose event coding can never process answers `failed` with the reason, not `received`
forever; only the tenant of the dead letter's envelope is touched; a replay of the fixed event moves it on."""
import asyncio
import uuid

import asyncpg
from sqlalchemy.engine import make_url

from shared.contracts import topics
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from tests.e2e.kafka_tools import produce
from tests.e2e.support import encounter_body, wait_for

MARKER = "Zebulonia"  # a patient name in the bad payload: it must never reach the answer


def _store_accepted_encounter(stack, tenant_id: str) -> str:
    """The intake row POST /v1/encounters writes, without its event: the test sends the event itself."""
    encounter_id = str(uuid.uuid4())
    url = make_url(stack.database_url).set(drivername="postgresql", database="billing_gateway")

    async def run() -> None:
        connection = await asyncpg.connect(url.render_as_string(hide_password=False))
        try:
            await connection.execute(
                "INSERT INTO encounter_intake (id, tenant_id, external_id, source_format) VALUES ($1, $2, $3, 'json')",
                uuid.UUID(encounter_id), uuid.UUID(tenant_id), f"ENC-{uuid.uuid4().hex[:12]}")
        finally:
            await connection.close()

    asyncio.run(run())
    return encounter_id


def _unprocessable(tenant_id: str, encounter_id: str) -> bytes:
    """An encounter.documented coding can never handle: no procedures, a date of service that is no date."""
    payload = {"encounter_id": encounter_id, "external_id": "EXT-1", "date_of_service": "not-a-date",
               "patient": {"first_name": MARKER}}
    return Envelope[dict](event_type=topics.ENCOUNTER_DOCUMENTED, tenant_id=tenant_id, subject_id=encounter_id,
                          payload=payload).model_dump_json().encode()


def _valid(tenant_id: str, encounter_id: str) -> bytes:
    payload = EncounterDocumented.model_validate({**encounter_body(), "encounter_id": encounter_id})
    return Envelope[EncounterDocumented](event_type=topics.ENCOUNTER_DOCUMENTED, tenant_id=tenant_id,
                                         subject_id=encounter_id, payload=payload).model_dump_json().encode()


def test_a_dead_lettered_encounter_shows_failed_until_its_replay(stack, api, tenant):
    failing = _store_accepted_encounter(stack, tenant["tenant_id"])
    bystander = _store_accepted_encounter(stack, tenant["tenant_id"])
    # Same key, so the foreign-tenant dead letter is handled before the one this test waits for.
    produce(stack.kafka.bootstrap, topics.ENCOUNTER_DOCUMENTED, [
        (failing.encode(), _unprocessable(str(uuid.uuid4()), bystander), []),
        (failing.encode(), _unprocessable(tenant["tenant_id"], failing), []),
    ])

    failed = wait_for(lambda: api.get(f"/v1/encounters/{failing}").json(), lambda b: b.get("status") == "failed",
                      timeout=90, what="the dead letter to reach the encounter")
    assert failed["failure"]["stage"] == "encounter.documented"
    assert failed["failure"]["reason"].startswith("schema error:")
    assert "date_of_service" in failed["failure"]["reason"]
    assert MARKER not in str(failed) and "not-a-date" not in str(failed)
    # The dead letter naming another tenant did not touch this tenant's encounter.
    assert api.get(f"/v1/encounters/{bystander}").json()["status"] == "received"

    # The cause fixed, the event is replayed: coding codes it and the encounter moves on.
    produce(stack.kafka.bootstrap, topics.ENCOUNTER_DOCUMENTED,
            [(failing.encode(), _valid(tenant["tenant_id"], failing), [])])
    moved = wait_for(lambda: api.get(f"/v1/encounters/{failing}").json(), lambda b: b.get("status") != "failed",
                     timeout=90, what="the replayed encounter to move on")
    assert moved["status"] in ("coded", "needs_review", "held", "claimed") and "failure" not in moved
