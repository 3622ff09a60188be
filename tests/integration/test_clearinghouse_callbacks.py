"""The running services: the clearinghouse's callback key opens its two inboxes and nothing else, and the
simulator runs without any platform secret."""
import uuid

import httpx
import pytest

ACK_999 = "ISA*00*          *00*          *ZZ*60054          *ZZ*BILLINGPLATFORM*261201*1200*^*00501*000000001*0*T*:~"


@pytest.fixture(scope="module")
def key(stack) -> str:
    return stack.secrets["clearinghouse_callback_key"]


@pytest.mark.parametrize("service, path", [("claims", "/internal/clearinghouse/acks"),
                                           ("payments", "/internal/clearinghouse/era")])
def test_a_callback_without_the_key_is_refused(stack, key, service, path):
    url = stack.ports.url(service) + path
    mailbox = {"X-Mailbox": str(uuid.uuid4()), "content-type": "application/edi-x12"}
    for headers in (mailbox, {**mailbox, "X-Clearinghouse-Key": key[:-2] + "zz"}):
        assert httpx.post(url, content=ACK_999, headers=headers, timeout=10).status_code == 401


def test_the_callback_key_opens_no_tenant_route(stack, key):
    headers = {"X-Clearinghouse-Key": key, "X-Mailbox": str(uuid.uuid4())}
    assert httpx.get(stack.ports.url("claims") + "/internal/payers", headers=headers, timeout=10).status_code == 401
    assert httpx.get(stack.ports.url("payments") + f"/internal/remits/{uuid.uuid4()}", headers=headers,
                     timeout=10).status_code == 401
    as_tenant_key = {"Authorization": f"Bearer {key}"}
    assert httpx.get(stack.ports.url("gateway") + "/v1/payers", headers=as_tenant_key, timeout=10).status_code == 401


def test_the_simulator_is_given_no_platform_secret(stack):
    env = stack.specs["payer_sim"].env
    assert "INTERNAL_TOKEN_SECRET" not in env and not any(name.startswith("KAFKA_") for name in env)
    assert env["CLEARINGHOUSE_CALLBACK_KEY"] == stack.secrets["clearinghouse_callback_key"]
