"""The clearinghouse's callback key opens its callback routes only, and only with the right key."""
import types
import uuid

import anyio.to_thread
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError

from shared.http.auth import CallerDep
from shared.http.clearinghouse_auth import ClearinghouseCallerDep, key_matches
from shared.http.problems import install_problem_handlers
from shared.internal_auth import HEADER, Caller, issue_token
from shared.settings import PlatformSettings
from tools.payer_sim.app import callback_headers
from tools.payer_sim.settings import SimSettings

pytestmark = pytest.mark.unit

KEY = "chk_" + "k" * 40
SECRET = "s" * 40
TENANT = str(uuid.uuid4())


@pytest.fixture
def client():
    app = FastAPI()
    install_problem_handlers(app)
    app.state.settings = types.SimpleNamespace(clearinghouse_callback_key=SecretStr(KEY), internal_token_secret=SECRET)

    @app.post("/internal/clearinghouse/acks")
    async def callback(caller: ClearinghouseCallerDep) -> dict:
        return {"tenant": caller.tenant_id}

    @app.get("/internal/claims")
    async def tenant_route(caller: CallerDep) -> dict:
        return {"tenant": caller.tenant_id}

    return TestClient(app)


def test_the_right_key_and_a_mailbox_name_the_tenant(client):
    response = client.post("/internal/clearinghouse/acks", headers={"X-Clearinghouse-Key": KEY, "X-Mailbox": TENANT})
    assert response.status_code == 200 and response.json() == {"tenant": TENANT}


@pytest.mark.parametrize("headers", [
    {"X-Mailbox": TENANT},
    {"X-Clearinghouse-Key": KEY[:-1] + "x", "X-Mailbox": TENANT},
    {"X-Clearinghouse-Key": "", "X-Mailbox": TENANT},
])
def test_a_missing_or_wrong_key_is_refused(client, headers):
    response = client.post("/internal/clearinghouse/acks", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_internal_token_does_not_open_a_callback_route(client):
    token = issue_token(SECRET, Caller(tenant_id=TENANT, key_id="k"))
    response = client.post("/internal/clearinghouse/acks", headers={HEADER: token, "X-Mailbox": TENANT})
    assert response.status_code == 401


def test_the_callback_key_does_not_open_a_tenant_route(client):
    response = client.get("/internal/claims", headers={"X-Clearinghouse-Key": KEY, "X-Mailbox": TENANT})
    assert response.status_code == 401


def test_a_mailbox_that_names_no_tenant_is_a_clear_error(client):
    response = client.post("/internal/clearinghouse/acks", headers={"X-Clearinghouse-Key": KEY, "X-Mailbox": "x"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "X-Mailbox"


def test_both_callers_are_checked_on_the_event_loop(client, monkeypatch):
    """A plain function dependency would cost every request a hop to a worker thread and back."""
    async def no_worker_threads(*args, **kwargs):
        raise AssertionError("a dependency ran on a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", no_worker_threads)
    token = issue_token(SECRET, Caller(tenant_id=TENANT, key_id="k"))
    assert client.get("/internal/claims", headers={HEADER: token}).json() == {"tenant": TENANT}
    response = client.post("/internal/clearinghouse/acks", headers={"X-Clearinghouse-Key": KEY, "X-Mailbox": TENANT})
    assert response.json() == {"tenant": TENANT}


def test_key_comparison():
    assert key_matches(KEY, KEY) and not key_matches(KEY, KEY + "x") and not key_matches("", KEY)


def test_the_simulator_sends_its_key_and_mailbox_and_holds_no_platform_secret(monkeypatch):
    monkeypatch.setenv("INTERNAL_TOKEN_SECRET", SECRET)
    settings = SimSettings(clearinghouse_callback_key=KEY)
    assert callback_headers(settings, TENANT) == {"content-type": "application/edi-x12", "X-Mailbox": TENANT,
                                                  "X-Clearinghouse-Key": KEY}
    assert not hasattr(settings, "internal_token_secret")


def test_a_service_that_receives_callbacks_needs_a_long_key_in_production(monkeypatch):
    for name in ("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD", "CLEARINGHOUSE_CALLBACK_KEY"):
        monkeypatch.delenv(name, raising=False)

    class Receiver(PlatformSettings):
        receives_clearinghouse_callbacks = True

    production = {"environment": "production", "internal_token_secret": SECRET, "kafka_security_protocol": "SASL_SSL",
                  "kafka_sasl_username": "claims", "kafka_sasl_password": "p"}
    with pytest.raises(ValidationError, match="CLEARINGHOUSE_CALLBACK_KEY must be set"):
        Receiver(**production)
    with pytest.raises(ValidationError, match="at least 32"):
        Receiver(**production, clearinghouse_callback_key="short")
    assert Receiver(**production, clearinghouse_callback_key=KEY).clearinghouse_callback_key.get_secret_value() == KEY
