"""The benchmark's intake burst against a real socket: every encounter is posted once, with the
tenant's key, over at most `concurrency` kept-alive connections, and the answers' ids come back."""
from tests.integration.test_http1_transport import CannedService
from tools.bench import load

ACCEPTED = (b"HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: 46\r\n\r\n"
            b'{"encounter_id": "e-1", "status": "received"}\n')


async def test_a_burst_posts_every_encounter_once_over_kept_alive_connections():
    service = CannedService(ACCEPTED)
    async with service as url:
        ids, seconds = await load.post_burst(url, "bk_test", 120, concurrency=10)
    assert ids == ["e-1"] * 120 and seconds > 0
    assert len(service.requests) == 120 and service.connections <= 10
    assert all(r.startswith(b"POST /v1/encounters HTTP/1.1\r\n") and b"\r\nAuthorization: Bearer bk_test\r\n" in r
               and b'"external_id"' in r for r in service.requests)
