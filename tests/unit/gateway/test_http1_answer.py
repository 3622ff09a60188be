"""The transport's Answer reads as the httpx.Response of the same bytes reads, for everything the gateway
reads of a service's answer, and a plain call builds no httpx.Response at all."""
import httpx
import pytest

from shared.internal_auth import Caller
from services.gateway.adapters.http1 import Answer, Http1Transport
from services.gateway.adapters.upstream import Upstream, raise_for_problem

pytestmark = pytest.mark.unit

JSON = [(b"content-type", b"application/json"), (b"content-length", b"2")]
ANSWERS = [
    (200, JSON, b'{"claim_id": "c-1", "total": 12.5, "big": 123456789012345678901234567890}'),
    (404, [(b"content-type", b"application/problem+json")], b'{"title": "Not found", "status": 404}'),
    (200, [(b"content-type", b"text/plain; version=0.0.4; charset=utf-8")], "caf\u00e9 # m 1\n".encode()),
    (200, [(b"content-type", b"text/html; charset=latin-1")], "Gr\u00fc\u00dfe".encode("latin-1")),
    (200, [(b"Content-Type", b"text/plain")], b"bad \xff utf-8"),
    (200, [(b"content-type", b"text/plain; charset=no-such-codec")], b"plain"),
    (204, [], b""),
]


@pytest.mark.parametrize("status,headers,body", ANSWERS)
def test_an_answer_reads_as_httpx_reads_the_same_bytes(status, headers, body):
    answer = Answer(status, headers, body)
    response = httpx.Response(status, headers=headers, content=body, extensions={"http_version": b"HTTP/1.1"})
    assert (answer.status_code, answer.content, answer.text) == (response.status_code, response.content, response.text)
    assert answer.headers == response.headers and answer.headers.get("content-type") == response.headers.get("content-type")
    if body.startswith(b"{"):
        assert answer.json() == response.json()


def test_a_body_that_is_not_json_fails_as_httpxs_does():
    answer = Answer(500, [], b"<html>oops</html>")
    with pytest.raises(ValueError):
        answer.json()
    with pytest.raises(ValueError):
        httpx.Response(500, content=b"<html>oops</html>").json()


def test_a_services_problem_passes_through_from_an_answer():
    answer = Answer(409, JSON, b'{"title": "Conflict", "detail": "already sent", "status": 409}')
    with pytest.raises(Exception) as raised:
        raise_for_problem(answer)
    assert (raised.value.status, raised.value.title, raised.value.detail) == (409, "Conflict", "already sent")


class CannedTransport(Http1Transport):
    async def exchange(self, host: str, port: int, message: bytes, timeouts: dict) -> Answer:
        return Answer(200, JSON, b'{"a": 1}')


async def test_a_plain_call_answers_without_building_an_httpx_response(monkeypatch):
    upstream = Upstream("claims", "http://claims:8002", secret="s" * 40, timeout=1, transport=CannedTransport())

    def no_response(*args, **kwargs):
        raise AssertionError("an httpx.Response was built")

    monkeypatch.setattr(httpx, "Response", no_response)
    answer = await upstream.request("GET", "/internal/claims/c-1", Caller("tenant-1", "key-1", ("billing:read",)))
    assert (answer.status_code, answer.json()) == (200, {"a": 1})


async def test_the_httpx_interface_still_answers_an_httpx_response():
    answer = await CannedTransport().handle_async_request(httpx.Request("GET", "http://claims:8002/x"))
    assert isinstance(answer, httpx.Response) and answer.json() == {"a": 1}
    assert answer.extensions["http_version"] == b"HTTP/1.1"
