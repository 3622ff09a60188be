"""Malformed credentials are a 401, never a 500: every secret comparison is on bytes."""
import pytest
import httpx

from services.gateway.app import bootstrap
from services.gateway.adapters.credentials import MalformedCredential, bearer_token, same_secret
from services.gateway.domain.webhooks import sign, verify
from services.gateway.settings import Settings
from shared.internal_auth import InvalidInternalToken, verify_token

pytestmark = pytest.mark.unit
ADMIN = "adm_" + "k" * 32


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer   ", "Basic abc", "Bearer adm_é", "Bearer a\x01b"])
def test_a_malformed_authorization_header_is_refused(header):
    with pytest.raises(MalformedCredential):
        bearer_token(header)


def test_a_bearer_key_is_read():
    assert bearer_token("bearer  bk_abc-_1 ") == "bk_abc-_1"


def test_secrets_compare_as_bytes_whatever_the_text():
    assert same_secret(ADMIN, ADMIN)
    assert not same_secret("adm_é", ADMIN)
    assert not same_secret("anything", "")


def test_an_internal_token_with_non_ascii_signature_is_invalid_not_a_crash():
    with pytest.raises(InvalidInternalToken):
        verify_token("secret", "e30.sïgnature")


def test_a_webhook_signature_with_non_ascii_text_does_not_verify():
    header = sign("whsec", 100, b"{}").replace("v1=", "v1=é")
    assert verify("whsec", header, b"{}", now=100) is False


@pytest.mark.parametrize("path", ["/v1/tenants", "/v1/ops/keys"])
async def test_operator_routes_answer_401_problem_to_a_non_ascii_key(path):
    app = bootstrap(Settings(environment="test", admin_api_key=ADMIN, internal_token_secret="s" * 40))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app, raise_app_exceptions=False),
                                 base_url="http://gateway") as client:
        response = await client.post(path, json={}, headers={"Authorization": "Bearer adm_é".encode()})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
