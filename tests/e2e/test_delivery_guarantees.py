"""Nothing lost, nothing doubled: DLQ per topic, redelivery, and a SIGKILLed service mid-stream."""
import signal
import uuid
from collections import Counter

import orjson
import pytest

from shared.contracts import topics
from tests.e2e.kafka_tools import group_lag, produce, read_topic
from tests.e2e.support import encounter_body, settled, wait_for

CONSUMED = {
    topics.ENCOUNTER_DOCUMENTED: ["coding"],
    topics.CLAIM_CODED: ["claims"],
    topics.CLAIM_SUBMITTED: ["payments", "denials"],
    topics.REMIT_RECEIVED: ["payments", "claims", "denials"],
    topics.TENANT_REGISTERED: ["claims", "denials"],
    topics.CLAIM_CORRECTION_REQUESTED: ["claims"],
    topics.DENIAL_OPENED: ["claims", "coding", "gateway"],
}


def _post_and_follow(api, *, timeout: float = 120) -> dict:
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                         timeout=timeout, what="coding")
    return wait_for(lambda: api.get(f"/v1/claims/{encounter['claim_id']}").json(), settled,
                    timeout=timeout, what="posting")


def _caught_up(stack) -> bool:
    return all(group_lag(stack.kafka.bootstrap, group, [topic]) == 0
               for topic, groups in CONSUMED.items() for group in groups)


@pytest.mark.parametrize("topic", sorted(CONSUMED))
def test_a_malformed_message_lands_in_the_dlq_and_the_consumer_moves_on(stack, api, topic):
    marker = uuid.uuid4().hex
    produce(stack.kafka.bootstrap, topic, [(marker.encode(), b'{"malformed": "' + marker.encode() + b'"', [])])
    claim = _post_and_follow(api)  # flows through every topic after the bad message
    assert claim["status"] in ("paid", "partial")
    wait_for(lambda: _caught_up(stack), bool, timeout=60, what="every consumer group to commit past the bad message")
    dead = [r for r in read_topic(stack.kafka.bootstrap, topics.dlq(topic)) if marker.encode() in r.value]
    groups = sorted(dict(r.headers)["dlq.consumer_group"].decode() for r in dead)
    assert groups == sorted(CONSUMED[topic])
    assert all(b"schema error" in dict(r.headers)["dlq.error"] for r in dead)


def _events_for(stack, claim_id: str) -> dict[str, list]:
    found = {}
    for topic in (topics.CLAIM_CODED, topics.CLAIM_SUBMITTED, topics.REMIT_RECEIVED, topics.PAYMENT_POSTED):
        found[topic] = [r for r in read_topic(stack.kafka.bootstrap, topic) if r.key == claim_id.encode()]
    return found


def test_the_same_events_delivered_twice_change_nothing(stack, api):
    claim = _post_and_follow(api)
    wait_for(lambda: _caught_up(stack), bool, timeout=60, what="consumers to catch up")
    before = _events_for(stack, claim["claim_id"])
    for topic in (topics.CLAIM_CODED, topics.CLAIM_SUBMITTED, topics.REMIT_RECEIVED):
        produce(stack.kafka.bootstrap, topic, [(r.key, r.value, list(r.headers)) for r in before[topic]])
    wait_for(lambda: _caught_up(stack), bool, timeout=60, what="consumers to handle the redeliveries")
    after_claim = api.get(f"/v1/claims/{claim['claim_id']}").json()
    assert after_claim["timeline"] == claim["timeline"]
    assert after_claim["payments"] == claim["payments"] and after_claim["balance"] == claim["balance"]
    after = _events_for(stack, claim["claim_id"])
    for topic in (topics.CLAIM_SUBMITTED, topics.REMIT_RECEIVED, topics.PAYMENT_POSTED):
        emitted_ids = {orjson.loads(r.value)["event_id"] for r in after[topic]}
        assert emitted_ids == {orjson.loads(r.value)["event_id"] for r in before[topic]}, topic


@pytest.mark.parametrize("victim", ["claims", "payments"])
def test_a_service_killed_mid_stream_loses_and_duplicates_nothing(stack, api, victim):
    encounter_ids = [api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"] for _ in range(15)]
    stack.kill_service(victim, signal.SIGKILL)
    encounter_ids += [api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"] for _ in range(15)]
    stack.start_service(victim)
    stack.wait_healthy(victim)
    claim_ids = []
    for encounter_id in encounter_ids:
        encounter = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                             timeout=120, what="coding")
        claim_ids.append(encounter["claim_id"])
    for claim_id in claim_ids:
        claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled,
                         timeout=180, what=f"posting after {victim} restarted")
        events = Counter(entry["event"] for entry in claim["timeline"])
        assert events["submitted"] == 1 and events["payment_posted"] == 1, events
        assert len(claim["payments"]) == 1
    wait_for(lambda: _caught_up(stack), bool, timeout=60, what="consumers to catch up")
    submitted = Counter(orjson.loads(r.value)["subject_id"]
                        for r in read_topic(stack.kafka.bootstrap, topics.CLAIM_SUBMITTED)
                        if r.key.decode() in set(claim_ids))
    distinct = {orjson.loads(r.value)["event_id"] for r in read_topic(stack.kafka.bootstrap, topics.CLAIM_SUBMITTED)
                if r.key.decode() in set(claim_ids)}
    assert set(submitted) == set(claim_ids) and len(distinct) == len(claim_ids)
