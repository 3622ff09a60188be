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
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("status") not in (None, "ready")
             and any(e["event"] == "submitted" for e in c.get("timeline", [])), what="submission")
    trace = _trace_id(stack, topics.ENCOUNTER_DOCUMENTED, encounter_id)
    assert trace and _trace_id(stack, topics.CLAIM_CODED, claim_id) == trace
    submitted = wait_for(lambda: _trace_id(stack, topics.CLAIM_SUBMITTED, claim_id), bool, what="claim.submitted")
    assert submitted == trace
    envelope = orjson.loads([r for r in read_topic(stack.kafka.bootstrap, topics.CLAIM_SUBMITTED)
                             if r.key == claim_id.encode()][0].value)
    assert envelope["payload"]["claim_id"] == claim_id


def _spans(stack) -> list[dict]:
    return [orjson.loads(line) for path in (stack.run_dir / "spans").glob("*.spans.jsonl")
            for line in path.read_bytes().splitlines() if line.strip()]


def test_remittance_trace_links_to_the_claim_trace_with_db_and_client_spans(stack, api):
    from tests.e2e.support import settled

    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="the payment")
    trace = _trace_id(stack, topics.ENCOUNTER_DOCUMENTED, encounter_id)

    def linked(spans):
        return [s for s in spans if trace in s["links"] and s["trace_id"] != trace]

    spans = wait_for(lambda: _spans(stack), lambda found: linked(found), what="a span linked to the claim's trace")
    remit_span = linked(spans)[0]
    assert remit_span["name"] == "remit.received process" and remit_span["attributes"]["billing.claim_id"] == claim_id
    in_trace = [s for s in spans if s["trace_id"] == trace]
    assert {s["service"] for s in in_trace} >= {"gateway", "coding", "claims", "payments"}
    kinds = {(s["kind"], s["name"].split(" ")[0]) for s in in_trace}
    assert ("PRODUCER", "encounter.documented") in kinds
    # intake's statements, one set per batch of requests, are named on the batch's span (in or linked to the trace);
    # the audit chain's head is read (a SELECT) only by a process that remembers none, its first batch
    intake = [s for s in spans if s["name"] == "intake write" and (s["trace_id"] == trace or trace in s["links"])]
    assert intake and "INSERT" in intake[0]["attributes"]["db.operations"]
    assert set(intake[0]["attributes"]["db.operations"]) <= {"INSERT", "SELECT", "WITH", "UPDATE"}
    assert set(intake[0]["attributes"]) <= {"billing.batch_size", "db.system.name", "db.operations"}
    # the encounter's trace starts at the client's request, though intake writes requests in batches
    assert any(s["service"] == "gateway" and s["kind"] == "SERVER" for s in in_trace)
    # the gateway's call to a service and the claims service's call to the clearinghouse are CLIENT spans too
    assert any(s["kind"] == "CLIENT" and s["attributes"].get("url.template", "").startswith("/internal/") for s in spans)
    assert any(s["kind"] == "CLIENT" and s["attributes"].get("url.template") == "/v1/837" for s in spans)  # the batch trace
    db = [s for s in spans if s["name"].startswith("db ")]
    # a statement that failed (a unique key raced, a deadlock retried) names its exception's type, never its message
    assert db and all(set(s["attributes"]) <= {"db.system.name", "db.operation.name", "db.batch", "error.type"}
                      and s["attributes"].get("error.type", "Error").isidentifier() for s in db)
