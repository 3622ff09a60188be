"""Limits at the gateway: per-tenant rate limits (429 + Retry-After), body size (413, declared or
chunked), and a service that is down: 503 problem+json with Retry-After, the circuit opens, the merged claim names
the part it could not read, and the gateway recovers once the service is back."""
import httpx
import pytest

from tests.e2e.support import create_tenant, encounter_body, wait_for

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def operator(stack, gateway_url):
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"},
                      timeout=30) as client:
        yield client


def test_a_tenant_over_its_rate_gets_429_with_retry_after(stack, gateway_url, operator):
    tenant = create_tenant(stack, "Throttled Practice")
    assert operator.put(f"/v1/tenants/{tenant['tenant_id']}/rate-limit",
                        json={"requests_per_second": 0.5, "burst": 2}).status_code == 200
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {tenant['api_key']}"}, timeout=30) as c:
        answers = [c.get("/v1/encounters") for _ in range(4)]
    assert [a.status_code for a in answers[:2]] == [200, 200]
    refused = answers[3]
    assert refused.status_code == 429 and refused.headers["content-type"].startswith(PROBLEM)
    assert 1 <= int(refused.headers["retry-after"]) <= 2


def test_one_tenants_limit_does_not_throttle_another(api):
    assert all(api.get("/v1/encounters").status_code == 200 for _ in range(5))


def test_the_operator_checks_its_limit_settings(operator, tenant):
    path = f"/v1/tenants/{tenant['tenant_id']}/rate-limit"
    assert operator.put(path, json={"requests_per_second": 5}).status_code == 422
    assert operator.put("/v1/tenants/00000000-0000-0000-0000-000000000000/rate-limit",
                        json={"requests_per_second": 5, "burst": 5}).status_code == 404


def test_a_body_over_the_limit_is_413_declared_or_chunked(api):
    big = b"{" + b" " * (5 * 1024 * 1024) + b"}"
    declared = api.post("/v1/encounters", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413 and declared.headers["content-type"].startswith(PROBLEM)

    def chunks():
        for _ in range(6):
            yield b" " * (1024 * 1024)

    chunked = api.post("/v1/remits", content=chunks(), headers={"content-type": "application/edi-x12"})
    assert chunked.status_code == 413 and chunked.json()["status"] == 413


def test_a_service_that_is_down_is_503_then_the_gateway_recovers(stack, api):
    assert api.get("/v1/denials").status_code == 200
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    assert "unavailable" not in api.get(f"/v1/claims/{claim_id}").json()
    stack.kill_service("denials")
    try:
        answers = [api.get("/v1/denials") for _ in range(8)]
        for answer in answers:
            assert answer.status_code == 503, answer.text
            assert answer.headers["content-type"].startswith(PROBLEM)
            assert int(answer.headers["retry-after"]) >= 1
        # Other services are untouched: the circuit is per service.
        assert api.get("/v1/payers").status_code == 200
        # The merged claim is still answered, without the part that cannot be read, which it names.
        claim = api.get(f"/v1/claims/{claim_id}")
        assert claim.status_code == 200 and claim.json()["unavailable"] == ["denials"], claim.text
        assert "denials" not in claim.json() and claim.json()["claim_id"] == claim_id
    finally:
        stack.start_service("denials")
        stack.wait_healthy("denials")
    wait_for(lambda: api.get("/v1/denials").status_code, lambda status: status == 200, timeout=30,
             what="the denials circuit to close again")
