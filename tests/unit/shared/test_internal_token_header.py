"""The internal token is read from the request's raw headers as Starlette's `request.headers.get` reads it:
the first value of the header, its bytes as Latin-1, none when it is absent."""
import pytest
from starlette.requests import Request

from shared.http.auth import _token_of
from shared.internal_auth import HEADER

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("headers", [
    [],
    [(b"host", b"claims:8002")],
    [(b"host", b"claims:8002"), (b"x-internal-token", b"abc.def"), (b"traceparent", b"00-ab-cd-01")],
    [(b"x-internal-token", b"first.one"), (b"x-internal-token", b"second.one")],
    [(b"x-internal-token", b"")],
    [(b"x-internal-token", "caf\u00e9.sig".encode("latin-1"))],
    [(b"x-internal-tokens", b"near.miss"), (b"X-Internal-Token", b"not.lowered")],
])
def test_the_token_read_as_the_request_headers_read_it(headers):
    scope = {"type": "http", "headers": list(headers)}
    assert _token_of(scope) == Request({"type": "http", "headers": list(headers)}).headers.get(HEADER)
