"""A call to a service whose path and query need no quoting is written straight to the keep-alive
transport, without an httpx.Request (its URL parsing was a tenth of the gateway's CPU per claim view),
and the service receives the very bytes the httpx path sends."""
import re

import httpx
import orjson
import pytest

from shared import internal_auth
from shared.http.problems import Problem
from shared.internal_auth import Caller
from services.gateway.adapters.http1 import Answer, Http1Transport
from services.gateway.adapters.upstream import Upstream
from services.gateway.application.claim_view import claim_view

pytestmark = pytest.mark.unit
CALLER = Caller("tenant-1", "key-1", ("billing:read",))
CLAIM_ID = "9a871a20-b63e-50bd-9cf3-716d37f46683"


class RecordingTransport(Http1Transport):
    """The transport with its socket taken away: keeps what would be written, answers `answer`."""

    def __init__(self, answer: dict | None = None, status: int | None = 200):
        super().__init__()
        self.sent: list[tuple[str, int, bytes]] = []
        self._answer, self._status = answer or {}, status

    async def exchange(self, host: str, port: int, message: bytes, timeouts: dict) -> Answer:
        self.sent.append((host, port, message))
        if self._status is None:
            raise httpx.ConnectError("connection refused")
        return Answer(self._status, [(b"content-type", b"application/json")], orjson.dumps(self._answer))


def _upstream(transport: RecordingTransport, base_url: str = "http://claims:8002") -> Upstream:
    return Upstream("claims", base_url, secret="s" * 40, timeout=1, transport=transport)


@pytest.fixture(autouse=True)
def same_second(monkeypatch):
    monkeypatch.setattr(internal_auth.time, "time", lambda: 1_900_000_000.0)  # one token for every call


@pytest.mark.parametrize("base_url", ["http://claims:8002", "http://claims:8002/prefix/"])
async def test_a_plain_call_sends_the_bytes_of_the_httpx_path(base_url):
    transport = RecordingTransport()
    upstream = _upstream(transport, base_url)
    target = f"/internal/denials?claim_id={CLAIM_ID}&limit=5"
    await upstream.request("GET", target, CALLER)
    await upstream.request("GET", target, CALLER, headers={})  # any keyword argument: the httpx path
    (host, port, plain), (_, _, through_httpx) = transport.sent
    assert (host, port) == ("claims", 8002)
    assert _same_trace(plain) == _same_trace(through_httpx)  # each call has its own client span
    assert plain.startswith(f"GET {base_url.removeprefix('http://claims:8002').rstrip('/')}{target} HTTP/1.1\r\n"
                            "Host: claims:8002\r\nX-Internal-Token: ".encode())


def _same_trace(message: bytes) -> bytes:
    """The message with its traceparent's ids blanked (present whenever a tracer provider is installed)."""
    return re.sub(rb"traceparent: [0-9a-f-]+", b"traceparent: 00-<ids>", message)


@pytest.mark.parametrize("path,sent", [("/internal/patients/MRN 7/balance", b"/internal/patients/MRN%207/balance"),
                                       ("/internal/reports/lookup/../x", b"/internal/reports/x")])
async def test_a_target_that_httpx_would_rewrite_goes_through_httpx(path, sent):
    transport = RecordingTransport()
    await _upstream(transport).request("GET", path, CALLER)
    assert transport.sent[0][2].startswith(b"GET " + sent + b" HTTP/1.1\r\n")


async def test_the_merged_claim_view_builds_no_httpx_request(monkeypatch):
    def no_request(*args, **kwargs):
        raise AssertionError("an httpx.Request was built")

    upstreams = {"claims": _upstream(RecordingTransport({"claim_id": CLAIM_ID, "timeline": []})),
                 "payments": _upstream(RecordingTransport({"payments": [], "adjustments": [], "balance": "0.00"})),
                 "denials": _upstream(RecordingTransport({"items": []}))}
    monkeypatch.setattr(httpx, "Request", no_request)
    view = await claim_view(upstreams, CLAIM_ID, CALLER)
    assert view["claim_id"] == CLAIM_ID and view["denials"] == [] and view["balance"] == "0.00"
    assert "unavailable" not in view
    denials_call = upstreams["denials"]._http1.sent[0][2]
    assert denials_call.startswith(f"GET /internal/claims/{CLAIM_ID}/denials HTTP/1.1".encode())


@pytest.mark.parametrize("payments_status,denials_status,unavailable", [
    (404, 200, None), (503, 200, ["payments"]), (200, 500, ["denials"]), (502, 503, ["payments", "denials"]),
    (200, None, ["denials"]), (None, 404, ["payments"])])
async def test_a_part_whose_service_fails_is_named_unavailable_not_read_as_nothing_posted(
        payments_status, denials_status, unavailable):
    problem = {"title": "unavailable", "status": 503}
    upstreams = {"claims": _upstream(RecordingTransport({"claim_id": CLAIM_ID, "timeline": []})),
                 "payments": _upstream(RecordingTransport(
                     {"payments": [], "adjustments": [], "balance": "0.00"} if payments_status == 200 else problem,
                     payments_status)),
                 "denials": _upstream(RecordingTransport({"items": []} if denials_status == 200 else problem,
                                                         denials_status))}
    view = await claim_view(upstreams, CLAIM_ID, CALLER)
    assert view.get("unavailable") == unavailable
    assert ("payments" in view) == (payments_status == 200) and ("denials" in view) == (denials_status == 200)


async def test_the_claims_own_failure_still_fails_the_view():
    upstreams = {"claims": _upstream(RecordingTransport(status=None)),
                 "payments": _upstream(RecordingTransport({"payments": [], "adjustments": [], "balance": "0.00"})),
                 "denials": _upstream(RecordingTransport({"items": []}))}
    with pytest.raises(Problem) as failed:
        await claim_view(upstreams, CLAIM_ID, CALLER)
    assert failed.value.status == 503
