"""The gateway's HTTP/1.1 transport against a real socket: keep-alive reuse, chunked and closing
answers, and its failures as the httpx exceptions the circuit breaker counts."""
import asyncio

import httpx
import pytest

from services.gateway.adapters.http1 import Http1Transport

JSON_OK = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 9\r\n\r\n{\"a\": 1}\n"
CHUNKED = b"HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n4\r\n: 2}\r\n0\r\n\r\n"
CLOSING = b"HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"


class CannedService:
    """Answers every request on a connection with `answer`; counts connections and keeps requests."""

    def __init__(self, answer: bytes | None):
        self.answer, self.connections, self.requests = answer, 0, []

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def __aexit__(self, *exc) -> None:
        self._server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                self.requests.append(head + await reader.readexactly(length))
                if self.answer is None:
                    continue  # never answers
                writer.write(self.answer)
                await writer.drain()
                if b"connection: close" in self.answer:
                    writer.close()
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()


async def _send(transport: Http1Transport, url: str, *, timeout: float = 5, **kwargs) -> httpx.Response:
    request = httpx.Request(kwargs.pop("method", "GET"), url, extensions={"timeout": httpx.Timeout(timeout).as_dict()},
                            **kwargs)
    return await transport.handle_async_request(request)


async def test_answers_reuse_one_kept_alive_connection():
    service = CannedService(JSON_OK)
    async with service as url:
        transport = Http1Transport()
        answers = [await _send(transport, f"{url}/internal/claims/1?x=1") for _ in range(3)]
        await transport.aclose()
    assert [a.json() for a in answers] == [{"a": 1}] * 3
    assert service.connections == 1
    assert service.requests[0].startswith(b"GET /internal/claims/1?x=1 HTTP/1.1\r\n")


async def test_a_body_is_sent_and_a_chunked_answer_is_read_whole():
    service = CannedService(CHUNKED)
    async with service as url:
        transport = Http1Transport()
        answer = await _send(transport, f"{url}/internal/remits", method="POST", content=b"ISA*00~")
        await transport.aclose()
    assert (answer.status_code, answer.json()) == (201, {"a": 2})
    assert service.requests[0].endswith(b"\r\n\r\nISA*00~")


async def test_a_closing_answer_is_not_reused():
    service = CannedService(CLOSING)
    async with service as url:
        transport = Http1Transport()
        statuses = [(await _send(transport, url)).status_code for _ in range(2)]
        await transport.aclose()
    assert statuses == [503, 503]
    assert service.connections == 2


async def test_a_service_that_does_not_answer_is_a_read_timeout():
    async with CannedService(None) as url:
        with pytest.raises(httpx.ReadTimeout):
            await _send(Http1Transport(), url, timeout=0.2)


async def test_a_service_that_is_down_is_a_connect_error():
    async with CannedService(JSON_OK) as url:
        pass  # closed: nothing listens on that port any more
    with pytest.raises(httpx.ConnectError):
        await _send(Http1Transport(), url)


async def test_a_header_with_a_line_break_is_refused_before_anything_is_sent():
    service = CannedService(JSON_OK)
    async with service as url:
        with pytest.raises(httpx.LocalProtocolError):
            await _send(Http1Transport(), url, headers={"x-note": "a\r\nx-internal-token: forged"})
    assert service.requests == []


async def test_a_call_beyond_the_connection_limit_waits_for_a_slot_then_times_out():
    async with CannedService(None) as url:
        transport = Http1Transport(max_connections=1)
        first = asyncio.ensure_future(_send(transport, url, timeout=0.5))
        await asyncio.sleep(0.05)
        with pytest.raises(httpx.PoolTimeout):
            await _send(transport, url, timeout=0.1)
        with pytest.raises(httpx.ReadTimeout):
            await first
