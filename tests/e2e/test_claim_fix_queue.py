"""A 277CA rejection puts the claim in the fix queue with the payer's reason; a fix re-scrubs it,
it is resubmitted, accepted and paid."""
import uuid

from tests.e2e.support import encounter_body, settled, wait_for


def test_rejected_claim_is_fixed_and_paid(api):
    body = encounter_body()
    body["coverage"]["member_id"] = "INVALID-" + uuid.uuid4().hex[:6]
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    rejected = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c["status"] == "rejected",
                        timeout=60, what="the 277CA rejection")
    assert any(e["event"] == "rejected" and e["detail"]["reasons"] for e in rejected["timeline"])

    fixed = api.patch(f"/v1/claims/{claim_id}", json={"coverage": {"member_id": f"W{uuid.uuid4().int % 10**9:09d}"}})
    assert fixed.status_code == 200 and fixed.json()["status"] == "ready", fixed.text
    paid = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90,
                    what="the fixed claim to be paid")
    events = [e["event"] for e in paid["timeline"]]
    assert events.count("submitted") == 2 and "fixed" in events and "accepted" in events
    assert api.patch(f"/v1/claims/{claim_id}", json={"prior_authorization": "X"}).status_code == 409


def test_resubmission_is_not_dead_lettered(stack, api):
    from shared.contracts import topics
    from tests.e2e.kafka_tools import read_topic

    dead = [r for r in read_topic(stack.kafka.bootstrap, topics.dlq(topics.CLAIM_SUBMITTED))
            if dict(r.headers).get("dlq.error", b"").startswith(b"IntegrityError")]
    assert dead == []
