"""The services' caller dependencies run on the event loop: a plain function dependency would cost
every request a hop to a worker thread and back."""
import types
import uuid

import anyio.to_thread
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from shared.http.auth import CallerDep
from shared.http.clearinghouse_auth import ClearinghouseCallerDep
from shared.http.problems import install_problem_handlers
from shared.internal_auth import HEADER, Caller, issue_token

pytestmark = pytest.mark.unit

SECRET = "s" * 40
KEY = "chk_" + "k" * 40
TENANT = str(uuid.uuid4())


@pytest.fixture
def client(monkeypatch):
    async def no_worker_threads(*args, **kwargs):
        raise AssertionError("a dependency ran on a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", no_worker_threads)
    app = FastAPI()
    install_problem_handlers(app)
    app.state.settings = types.SimpleNamespace(internal_token_secret=SECRET, clearinghouse_callback_key=SecretStr(KEY))

    @app.get("/internal/claims")
    async def tenant_route(caller: CallerDep) -> dict:
        return {"tenant": caller.tenant_id}

    @app.post("/internal/clearinghouse/acks")
    async def callback(caller: ClearinghouseCallerDep) -> dict:
        return {"tenant": caller.tenant_id}

    return TestClient(app, raise_server_exceptions=False)


def test_the_internal_token_is_checked_on_the_event_loop(client):
    token = issue_token(SECRET, Caller(TENANT, "k1"))
    response = client.get("/internal/claims", headers={HEADER: token})
    assert response.status_code == 200 and response.json() == {"tenant": TENANT}
    assert client.get("/internal/claims", headers={HEADER: token + "x"}).status_code == 401


def test_the_clearinghouse_key_is_checked_on_the_event_loop(client):
    response = client.post("/internal/clearinghouse/acks", headers={"X-Clearinghouse-Key": KEY, "X-Mailbox": TENANT})
    assert response.status_code == 200 and response.json() == {"tenant": TENANT}
