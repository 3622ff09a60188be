"""The benchmark's GET load against a real socket: every request is sent once, over kept-alive
connections, and every answer that is not a 200 is counted by its kind."""
from collections import Counter

from services.gateway.adapters.http1 import Http1Transport
from tests.integration.test_http1_transport import CLOSING, JSON_OK, CannedService
from tools.bench import gateway


async def test_every_request_is_sent_once_over_kept_alive_connections():
    service = CannedService(JSON_OK)
    async with service as url:
        transport = Http1Transport(max_connections=gateway.CONCURRENCY)
        rate, errors, cpu_seconds = await gateway._hammer(transport, url, "/internal/claims/1", {"X-Token": "t"}, 450)
        await transport.aclose()
    assert errors == Counter() and rate > 0 and cpu_seconds > 0
    assert len(service.requests) == 450 and service.connections <= gateway.CONCURRENCY
    assert set(service.requests) == {b"GET /internal/claims/1 HTTP/1.1\r\nHost: " + url.removeprefix("http://").encode()
                                     + b"\r\nX-Token: t\r\n\r\n"}


async def test_answers_other_than_200_are_counted_by_kind():
    service = CannedService(CLOSING)
    async with service as url:
        transport = Http1Transport(max_connections=gateway.CONCURRENCY)
        _, errors, _ = await gateway._hammer(transport, url, "/v1/claims/1", {}, 30)
        await transport.aclose()
    assert errors == Counter({"5xx:503": 30})
