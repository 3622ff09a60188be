"""Findings of an outside security test, each reproduced against the running stack."""
import asyncio
import hashlib
import json
import time
import uuid

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from shared.internal_auth import HEADER, Caller, issue_token
from tests.e2e.support import create_tenant, encounter_body, wait_for


def _concurrently(gateway_url: str, api_key: str, requests: list[tuple[str, str, dict]]) -> list[httpx.Response]:
    """Send (key, path, json) requests all at once; answers in the same order."""

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=gateway_url, timeout=60,
                                     headers={"Authorization": f"Bearer {api_key}"}) as client:
            return await asyncio.gather(*(client.post(path, json=body, headers={"Idempotency-Key": key})
                                          for key, path, body in requests))

    return asyncio.run(run())


def _twins_agree(answers: list[httpx.Response]) -> None:
    replayed = [a for a in answers if a.status_code != 409]
    assert replayed, [a.status_code for a in answers]
    assert len({(a.status_code, a.content) for a in replayed}) == 1, [(a.status_code, a.text) for a in answers]
    assert sum(1 for a in replayed if a.headers.get("idempotent-replayed") != "true") == 1
    for refused in (a for a in answers if a.status_code == 409):
        assert refused.headers["retry-after"] and refused.json()["title"] == "request in progress"


def test_concurrent_twins_of_an_encounter_get_one_answer(gateway_url, tenant):
    keys = [str(uuid.uuid4()) for _ in range(20)]
    bodies = {key: encounter_body() for key in keys}
    requests = [(key, "/v1/encounters", bodies[key]) for key in keys for _ in range(3)]
    answers = _concurrently(gateway_url, tenant["api_key"], requests)
    for index, key in enumerate(keys):
        twins = answers[index * 3:index * 3 + 3]
        _twins_agree(twins)
        assert all(a.json()["status"] == "received" for a in twins if a.status_code == 202)


def test_concurrent_twins_of_a_claim_note_add_one_note(gateway_url, tenant, api):
    encounter = api.post("/v1/encounters", json=encounter_body()).json()
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter['encounter_id']}").json(),
                        lambda e: e.get("claim_id"), what="a claim")["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}"), lambda r: r.status_code == 200, what="the claim")
    keys = [str(uuid.uuid4()) for _ in range(20)]
    requests = [(key, f"/v1/claims/{claim_id}/notes", {"note": f"called payer {n}"}) for n, key in enumerate(keys)
                for _ in range(3)]
    answers = _concurrently(gateway_url, tenant["api_key"], requests)
    for index in range(len(keys)):
        _twins_agree(answers[index * 3:index * 3 + 3])
    assert len(api.get(f"/v1/claims/{claim_id}/notes").json()["items"]) == 20


def _reserve_key(stack, tenant: dict, key: str, body: dict, *, age_seconds: int) -> bytes:
    """An in_progress reservation as a request that is still running (or crashed) would leave it."""
    owner = hashlib.sha256(tenant["api_key"].encode()).hexdigest()
    raw = json.dumps(body).encode()
    fingerprint = hashlib.sha256(b"/v1/encounters\n" + raw).hexdigest()

    async def run() -> None:
        url = make_url(stack.database_url).set(database="billing_gateway").render_as_string(hide_password=False)
        connection = await asyncpg.connect(url)
        try:
            await connection.execute(
                "INSERT INTO idempotency_record (owner, key, tenant_id, request_hash, state, created_at) "
                "VALUES ($1, $2, $3, $4, 'in_progress', now() - make_interval(secs => $5))",
                owner, key, uuid.UUID(tenant["tenant_id"]), fingerprint, float(age_seconds))
        finally:
            await connection.close()

    asyncio.run(run())
    return raw


def test_a_twin_of_a_request_still_running_gets_409_with_retry_after(stack, tenant, gateway_url):
    key, body = str(uuid.uuid4()), encounter_body()
    raw = _reserve_key(stack, tenant, key, body, age_seconds=0)
    started = time.monotonic()
    twin = httpx.post(f"{gateway_url}/v1/encounters", content=raw, timeout=30, headers={
        "Authorization": f"Bearer {tenant['api_key']}", "Idempotency-Key": key, "content-type": "application/json"})
    assert twin.status_code == 409 and twin.json()["title"] == "request in progress", twin.text
    assert twin.headers["retry-after"] and 3 < time.monotonic() - started < 15


def test_a_reservation_left_by_a_crashed_request_expires(stack, tenant, gateway_url):
    key, body = str(uuid.uuid4()), encounter_body()
    raw = _reserve_key(stack, tenant, key, body, age_seconds=600)
    retried = httpx.post(f"{gateway_url}/v1/encounters", content=raw, timeout=30, headers={
        "Authorization": f"Bearer {tenant['api_key']}", "Idempotency-Key": key, "content-type": "application/json"})
    assert retried.status_code == 202 and retried.json()["status"] == "received", retried.text


def test_a_revoked_key_gets_401_not_its_stored_answer(api, gateway_url):
    admin = api.post("/v1/keys", json={"scopes": ["admin"]}).json()
    as_admin = {"Authorization": f"Bearer {admin['api_key']}"}
    key = str(uuid.uuid4())
    first = httpx.post(f"{gateway_url}/v1/keys", json={"scopes": ["billing:read"]}, timeout=30,
                       headers={**as_admin, "Idempotency-Key": key})
    assert first.status_code == 201
    assert api.delete(f"/v1/keys/{admin['key_id']}").status_code == 200
    for body in ({"scopes": ["billing:read"]}, {"scopes": ["ehr:push"]}):
        again = httpx.post(f"{gateway_url}/v1/keys", json=body, timeout=30, headers={**as_admin, "Idempotency-Key": key})
        assert again.status_code == 401, again.text
        assert first.json()["api_key"] not in again.text


def test_a_key_without_the_scope_gets_403_not_a_stored_answer(api, gateway_url):
    pusher = api.post("/v1/keys", json={"scopes": ["ehr:push"]}).json()
    key = str(uuid.uuid4())
    headers = {"Authorization": f"Bearer {pusher['api_key']}", "Idempotency-Key": key}
    assert httpx.post(f"{gateway_url}/v1/encounters", json=encounter_body(), headers=headers, timeout=30
                      ).status_code == 202
    refused = httpx.post(f"{gateway_url}/v1/keys", json={"scopes": ["admin"]}, headers=headers, timeout=30)
    assert refused.status_code == 403


def test_a_non_ascii_admin_key_is_401_on_every_operator_route(gateway_url, tenant):
    bad = {"Authorization": "Bearer adm_é".encode()}
    for method, path in (("POST", "/v1/tenants"), ("PUT", f"/v1/tenants/{tenant['tenant_id']}/rate-limit"),
                         ("POST", "/v1/ops/keys")):
        answer = httpx.request(method, f"{gateway_url}{path}", json={}, headers=bad, timeout=30)
        assert answer.status_code == 401 and answer.headers["content-type"] == "application/problem+json", path


OUT_OF_RANGE = [("/v1/suspense", {"cursor": "2147483648"}), ("/v1/audit", {"cursor": str(2**63)}),
                ("/v1/claims", {"cursor": "2026-12-01T00:00:00~6a0e7a53-7f3f-4a53-9d1e-3b0f0c9f1d20"}),
                ("/v1/claims", {"cursor": "0001-01-01T00:00:00+14:00~6a0e7a53-7f3f-4a53-9d1e-3b0f0c9f1d20"})]


def test_out_of_range_cursors_are_422_naming_cursor(api):
    for path, params in OUT_OF_RANGE:
        answer = api.get(path, params=params)
        assert answer.status_code == 422, (path, answer.text)
        assert any(e["field"].endswith("cursor") for e in answer.json()["errors"]), answer.text
    assert api.post("/v1/suspense/2147483648/close", json={"reason": "x"}).status_code == 422


def test_the_payments_service_bounds_its_own_cursor(stack, tenant):
    token = issue_token(stack.secrets["internal_token_secret"], Caller(tenant_id=tenant["tenant_id"], key_id="t"))
    answer = httpx.get(f"{stack.ports.url('payments')}/internal/suspense", params={"cursor": "2147483648"},
                       headers={HEADER: token}, timeout=30)
    assert answer.status_code == 422 and "cursor" in answer.text


def test_one_tenants_bad_requests_never_open_the_breaker_for_another(stack, gateway_url, api):
    mallory = create_tenant(stack, "Noisy Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {mallory['api_key']}"},
                      timeout=30) as noisy:
        for _ in range(3):
            for path, params in OUT_OF_RANGE:  # 422 now; they were 5xx upstream and opened the breaker
                noisy.get(path, params=params)
            for path in ("/v1/suspense", "/v1/reconciliation", "/v1/reports/ar-aging", "/v1/claims"):
                started = time.monotonic()
                answer = api.get(path)
                assert answer.status_code == 200, (path, answer.text)
                assert time.monotonic() - started < 5, path


def test_webhooks_to_private_or_reserved_addresses_are_refused(api):
    for url in ("http://169.254.169.254/latest/meta-data", "https://10.0.0.1/hook", "https://192.168.1.10/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://[::ffff:169.254.169.254]/", "https://0.0.0.0/hook",
                "https://224.0.0.1/hook", "https://[fe80::1]/hook", "https://[::]/hook",
                "https://no-such-host.invalid/hook"):
        answer = api.post("/v1/webhooks", json={"url": url, "events": ["claim.paid"]})
        assert answer.status_code == 422, (url, answer.text)
        assert answer.json()["errors"][0]["field"] == "body.url"


def test_a_deleted_webhook_is_gone(api):
    created = api.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook", "events": ["claim.paid"]}).json()
    path = f"/v1/webhooks/{created['webhook_id']}"
    assert api.get(path).status_code == 200
    assert api.delete(path).status_code == 200
    assert api.get(path).status_code == 404
    assert api.get(f"{path}/deliveries").status_code == 404
    assert api.delete(path).status_code == 404
    assert created["webhook_id"] not in {w["webhook_id"] for w in api.get("/v1/webhooks").json()}


def test_another_tenants_encounter_queries_are_404(stack, gateway_url, api):
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    other = create_tenant(stack, "Other Practice")
    foreign = httpx.get(f"{gateway_url}/v1/encounters/{encounter_id}/queries", timeout=30,
                        headers={"Authorization": f"Bearer {other['api_key']}"})
    assert foreign.status_code == 404
    assert api.get(f"/v1/encounters/{encounter_id}/queries").status_code == 200
