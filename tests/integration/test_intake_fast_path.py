"""POST /v1/encounters on the fast path answers every request as the same route through FastAPI does: status,
headers and bytes (the new encounter's id aside), the same audit entries, the same Idempotency-Key answers.
The gateway runs in process against the tests' Postgres, twice: as built, and with its fast path emptied."""
import asyncio
import json
import re
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from shared.http.fast_path import FastPath
from services.gateway.adapters.credentials import hash_key
from services.gateway.app import bootstrap
from services.gateway.application.api_keys import issue_key
from services.gateway.settings import Settings
from tools.bench.gateway_intake_cost import runtime_without_kafka, tenant_key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "intake"
WRITERS = ("audit", "intake", "idempotency_reservations", "idempotency_settlements")
ID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
JSON, HL7 = "application/json", "x-application/hl7-v2+er7"


@pytest.fixture(scope="module")
async def gateways(infrastructure):
    settings = Settings(database_url=infrastructure.database_url)
    runtime = runtime_without_kafka(settings)
    apps, writers = [], []
    for _ in range(2):
        app = bootstrap(settings)
        app.state.runtime, app.state.upstreams = runtime, {}
        writers += [asyncio.create_task(getattr(app.state, name).run(runtime)) for name in WRITERS]
        apps.append(app)
    key = await tenant_key(runtime)
    async with runtime.units_of_work() as uow:
        tenant_id = (await uow.session.execute(text(
            "SELECT tenant_id FROM api_key WHERE key_hash = :hash"), {"hash": hash_key(key)})).scalar_one()
        _, reader = await issue_key(uow, tenant_id=tenant_id, scopes=["billing:read"])
    clients = [httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") for app in apps]
    for client in clients:
        await client.get("/metrics")  # builds the app's middleware stack
    assert [fast.route.path for fast in _fast_path(apps[0]).routes["POST"]] == ["/v1/encounters"]
    _fast_path(apps[1]).routes = {}  # every request to FastAPI's router
    yield clients, {"push": key, "read": reader}, runtime, tenant_id
    runtime.stopping.set()
    for writer in writers:
        writer.cancel()
    for client in clients:
        await client.aclose()
    await runtime.engine.dispose()


def _fast_path(app) -> FastPath:
    layer = app.middleware_stack
    while not isinstance(layer, FastPath):
        layer = layer.app
    return layer


def _encounter(external_id: str | None = None) -> bytes:
    template = json.loads((FIXTURES / "encounter.json").read_text())
    return json.dumps({**template, "external_id": external_id or f"FAST-{uuid.uuid4().hex[:12]}"}).encode()


async def _audit_entries(runtime, tenant_id) -> int:
    async with runtime.units_of_work() as uow:
        return (await uow.session.execute(text("SELECT count(*) FROM audit_log WHERE tenant_id = :t"),
                                          {"t": tenant_id})).scalar_one()


async def _post(client, runtime, tenant_id, body: bytes, headers: dict) -> tuple[httpx.Response, int]:
    before = await _audit_entries(runtime, tenant_id)
    answer = await client.post("/v1/encounters", content=body, headers=headers)
    return answer, await _audit_entries(runtime, tenant_id) - before


def _same(fast: httpx.Response, slow: httpx.Response) -> None:
    assert fast.status_code == slow.status_code
    assert ID.sub(b"ID", fast.content) == ID.sub(b"ID", slow.content)
    assert {k: ID.sub(b"ID", v.encode()) for k, v in fast.headers.items()} == {
        k: ID.sub(b"ID", v.encode()) for k, v in slow.headers.items()}


CASES = [
    ("a new encounter", "push", JSON, lambda: _encounter(), 202),
    ("an unsupported media type", "push", "application/xml", lambda: b"<encounter/>", 415),
    ("a body that is not an encounter", "push", JSON, lambda: b"{}", 422),
    ("a body that is not JSON", "push", JSON, lambda: b"{", 422),
    ("a NUL in the body", "push", JSON, lambda: _encounter("NUL\x00"), 422),
    ("a broken HL7 message", "push", HL7, lambda: b"MSH|nothing", 422),
    ("a body over the limit", "push", JSON, lambda: b" " * (Settings().max_body_bytes + 1), 413),
    ("no key", None, JSON, lambda: _encounter(), 401),
    ("an unknown key", "unknown", JSON, lambda: _encounter(), 401),
    ("a key without the push scope", "read", JSON, lambda: _encounter(), 403),
]


@pytest.mark.parametrize("key, content_type, body, status", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_each_answer_and_audit_entry_is_fastapis(gateways, key, content_type, body, status):
    (fast_client, slow_client), keys, runtime, tenant_id = gateways
    headers = {"content-type": content_type}
    if key is not None:
        headers["authorization"] = f"Bearer {keys.get(key, 'bk_' + 'x' * 40)}"
    fast, fast_audit = await _post(fast_client, runtime, tenant_id, body(), headers)
    slow, slow_audit = await _post(slow_client, runtime, tenant_id, body(), headers)
    _same(fast, slow)
    assert fast.status_code == status
    assert fast_audit == slow_audit


async def test_a_resent_encounter_is_the_same_duplicate_on_both(gateways):
    (fast_client, slow_client), keys, runtime, tenant_id = gateways
    headers = {"content-type": JSON, "authorization": f"Bearer {keys['push']}"}
    body = _encounter()
    first, _ = await _post(fast_client, runtime, tenant_id, body, headers)
    fast, fast_audit = await _post(fast_client, runtime, tenant_id, body, headers)
    slow, slow_audit = await _post(slow_client, runtime, tenant_id, body, headers)
    assert first.json()["status"] == "received" and fast.json() == {**first.json(), "status": "duplicate"}
    assert (fast.status_code, fast.content, dict(fast.headers)) == (slow.status_code, slow.content, dict(slow.headers))
    assert fast_audit == slow_audit == 1


async def test_an_idempotency_key_replays_and_refuses_alike(gateways):
    (fast_client, slow_client), keys, runtime, tenant_id = gateways
    answers = []
    for client in (fast_client, slow_client):
        headers = {"content-type": JSON, "authorization": f"Bearer {keys['push']}",
                   "idempotency-key": uuid.uuid4().hex}
        body = _encounter()
        first, _ = await _post(client, runtime, tenant_id, body, headers)
        again, _ = await _post(client, runtime, tenant_id, body, headers)
        other, _ = await _post(client, runtime, tenant_id, _encounter(), headers)
        assert again.content == first.content and first.status_code == 202
        answers.append((first, again, other))
    for fast, slow in zip(*answers):
        _same(fast, slow)
    assert answers[0][2].status_code == 422
