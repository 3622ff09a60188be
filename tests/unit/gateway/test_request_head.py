"""A plain call's head: the bytes `_head` writes from the same fields (as httpx.Request would send them), and a
line break inside a field refused, so that no header can be smuggled in."""
import random

import httpx
import pytest
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags
from opentelemetry.trace.span import TraceState

from shared.telemetry import ActiveSpan, inject_headers, with_span_headers
from services.gateway.adapters.http1 import _head, request_head

pytestmark = pytest.mark.unit


def _by_fields(method: str, target: str, host: str, headers: dict[str, str]) -> bytes:
    return _head(method, target.encode(), [(b"Host", host.encode()),
                                           *((name.encode(), value.encode()) for name, value in headers.items())])


def _outcome(write, *fields):
    try:
        return write(*fields)
    except httpx.LocalProtocolError:
        return "refused"


def test_the_claim_views_head():
    headers = {"X-Internal-Token": "eyJ0Ijo.c2ln", "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
    assert request_head("GET", "/internal/claims/9a871a20-b63e-50bd-9cf3-716d37f46683/postings", "claims:8002",
                        headers) == (b"GET /internal/claims/9a871a20-b63e-50bd-9cf3-716d37f46683/postings HTTP/1.1\r\n"
                                     b"Host: claims:8002\r\nX-Internal-Token: eyJ0Ijo.c2ln\r\n"
                                     b"traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\r\n\r\n")


@pytest.mark.parametrize("host,headers", [("a\r\nb", {}), ("a", {"x": "1\n"}), ("a", {"x\r": "1"}),
                                          ("a", {"x": "1\r\nx-internal-token: forged"}), ("a", {"x": "\r"})])
def test_a_line_break_in_any_field_is_refused(host, headers):
    with pytest.raises(httpx.LocalProtocolError):
        request_head("GET", "/x", host, headers)


def test_generated_fields_as_the_fields_writer_writes_them():
    rng = random.Random(3)
    letters = list("ab:\r\n -é/")

    def text() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(0, 5)))

    for _ in range(20_000):
        fields = ("GET", "/x/" + text(), text(), {text(): text() for _ in range(rng.randint(0, 3))})
        assert _outcome(request_head, *fields) == _outcome(_by_fields, *fields), fields


@pytest.mark.parametrize("context", [
    SpanContext(0xAF7651916CD43DD8448EB211C80319C, 0xB7AD6B7169203331, False, TraceFlags(1)),
    SpanContext(0xAF7651916CD43DD8448EB211C80319C, 0xB7AD6B7169203331, True, TraceFlags(0),
                TraceState([("vendor", "value")])),
    SpanContext(0, 0, False)])
def test_a_spans_headers_are_those_injected_while_it_is_active(context):
    span = NonRecordingSpan(context)
    with ActiveSpan(span):
        injected = inject_headers({"X-Internal-Token": "t"})
    assert list(with_span_headers({"X-Internal-Token": "t"}, span).items()) == list(injected.items())
