"""One trace per encounter: the traceparent in Kafka headers carries the gateway's trace from
encounter.documented through claim.coded to claim.submitted."""
import orjson

from shared.contracts import topics
from tests.e2e.kafka_tools import read_topic
from tests.e2e.support import encounter_body, wait_for


def _trace_id(stack, topic: str, key: str) -> str | None:
    records = [r for r in read_topic(stack.kafka.bootstrap, topic) if r.key == key.encode()]
    return dict(records[0].headers)["traceparent"].decode().split("-")[1] if records else None


def test_one_trace_runs_from_the_gateway_to_claim_submitted(stack, api):
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c["status"] != "ready"
             and any(e["event"] == "submitted" for e in c["timeline"]), what="submission")
    trace = _trace_id(stack, topics.ENCOUNTER_DOCUMENTED, encounter_id)
    assert trace and _trace_id(stack, topics.CLAIM_CODED, claim_id) == trace
    submitted = wait_for(lambda: _trace_id(stack, topics.CLAIM_SUBMITTED, claim_id), bool, what="claim.submitted")
    assert submitted == trace
    envelope = orjson.loads([r for r in read_topic(stack.kafka.bootstrap, topics.CLAIM_SUBMITTED)
                             if r.key == claim_id.encode()][0].value)
    assert envelope["payload"]["claim_id"] == claim_id
