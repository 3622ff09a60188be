"""Idempotency-Key on POST: same key and body replay; same key, other body is refused."""
import uuid

from tests.e2e.support import encounter_body


def test_same_key_same_body_replays_the_first_response(api):
    key = str(uuid.uuid4())
    body = encounter_body()
    first = api.post("/v1/encounters", json=body, headers={"Idempotency-Key": key})
    second = api.post("/v1/encounters", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 202
    assert second.json() == first.json() and second.headers["idempotent-replayed"] == "true"


def test_same_key_other_body_is_refused(api):
    key = str(uuid.uuid4())
    assert api.post("/v1/encounters", json=encounter_body(), headers={"Idempotency-Key": key}).status_code == 202
    other = api.post("/v1/encounters", json=encounter_body(), headers={"Idempotency-Key": key})
    assert other.status_code == 422 and "different request" in other.json()["title"]


def test_keys_are_owned_by_the_credential(stack, api, gateway_url):
    import httpx

    from tests.e2e.support import create_tenant

    key = str(uuid.uuid4())
    body = encounter_body()
    mine = api.post("/v1/encounters", json=body, headers={"Idempotency-Key": key}).json()
    other = create_tenant(stack, "Other Practice")
    theirs = httpx.post(f"{gateway_url}/v1/encounters", json=body, timeout=30,
                        headers={"Authorization": f"Bearer {other['api_key']}", "Idempotency-Key": key})
    assert theirs.status_code == 202 and theirs.json()["encounter_id"] != mine["encounter_id"]
