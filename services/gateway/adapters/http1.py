"""A lean HTTP/1.1 keep-alive transport under httpx, for the gateway's calls to its own services.

httpx's default transport (httpcore's pool and the pure-Python h11 parser) cost the gateway more CPU
per forwarded call than the whole route around it. The services are our own uvicorn processes on a
trusted network: plain HTTP/1.1, answers framed by Content-Length or chunks. This transport keeps
idle connections in a LIFO pool, writes each request in one go and parses answers with httptools
(llhttp, in C). It answers whole, already-read responses; nothing here streams. Its failures are
httpx's own exceptions (ConnectError, ReadTimeout, ReadError, PoolTimeout...), so callers and the
circuit breaker see what they saw before.
"""
import asyncio
import json
import time

import httptools
import httpx


class Answer:
    """A service's whole answer as `exchange` reads it: the part of httpx.Response the gateway reads (status,
    headers, body, text, json). Building an httpx.Response (its headers model, byte stream and read-through
    of the body) cost about 12 us of CPU an answer, three per claim view; this holds the values as parsed.
    `json()` reads as httpx's does (the standard json module); `headers` and `text`, read rarely (a service's
    metrics), are those of the httpx.Response the transport answered before."""

    __slots__ = ("status_code", "raw_headers", "content")

    def __init__(self, status_code: int, raw_headers: list[tuple[bytes, bytes]], content: bytes):
        self.status_code, self.raw_headers, self.content = status_code, raw_headers, content

    @property
    def headers(self) -> httpx.Headers:
        return self.as_httpx().headers

    @property
    def text(self) -> str:
        return self.as_httpx().text

    def json(self, **kwargs):
        return json.loads(self.content, **kwargs)

    async def aread(self) -> bytes:
        return self.content

    def as_httpx(self) -> httpx.Response:
        """The same answer as an httpx.Response, for a caller of httpx's transport interface."""
        return httpx.Response(self.status_code, headers=self.raw_headers, content=self.content,
                              extensions={"http_version": b"HTTP/1.1"})


class _Connection(asyncio.Protocol):
    """One socket: a request is written, its answer collected by the parser's callbacks."""

    def __init__(self) -> None:
        self._transport: asyncio.Transport | None = None
        self._parser = httptools.HttpResponseParser(self)
        self._answered: asyncio.Future | None = None
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._status = 0
        self._keep_alive = False
        self.closed = False
        self.idle_since = 0.0

    # asyncio.Protocol
    def connection_made(self, transport) -> None:
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(httpx.RemoteProtocolError(f"malformed answer: {type(exc).__name__}"))
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(httpx.ReadError("the service closed the connection"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name, value))

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        # Read here: the parser resets its flags once the message's callbacks have run.
        self._keep_alive = self._parser.should_keep_alive()
        self._status = self._parser.get_status_code()
        if self._answered is not None and not self._answered.done():
            self._answered.set_result(None)

    def _fail(self, exc: Exception) -> None:
        if self._answered is not None and not self._answered.done():
            self._answered.set_exception(exc)

    def _time_out(self) -> None:
        self._fail(httpx.ReadTimeout("the service did not answer in time"))

    async def exchange(self, request: bytes, timeout: float | None) -> Answer:
        self._headers, self._body = [], []
        loop = asyncio.get_running_loop()
        self._answered = loop.create_future()
        self._transport.write(request)
        # A timer that fails the answer, rather than asyncio.wait_for: that one wraps the wait in a second
        # future and callbacks on every call, for a timeout that almost never fires.
        expiry = None if timeout is None else loop.call_later(timeout, self._time_out)
        try:
            await self._answered
        finally:
            if expiry is not None:
                expiry.cancel()
        if not self._keep_alive:
            self.close()
        return Answer(self._status, self._headers, b"".join(self._body))

    def close(self) -> None:
        self.closed = True
        if self._transport is not None:
            self._transport.close()


class Http1Transport(httpx.AsyncBaseTransport):
    def __init__(self, *, max_connections: int = 256, keepalive_expiry: float = 20.0, clock=time.monotonic):
        self._slots = asyncio.Semaphore(max_connections)
        self._idle: list[_Connection] = []
        self._expiry = keepalive_expiry
        self._clock = clock

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        answer = await self.exchange(request.url.host, request.url.port or 80,
                                     _head(request.method, request.url.raw_path, request.headers.raw) + body,
                                     request.extensions.get("timeout", {}))
        return answer.as_httpx()

    async def exchange(self, host: str, port: int, message: bytes, timeouts: dict) -> Answer:
        """Sends a whole request (head and body, as `request_head` writes the head) and reads its answer;
        the way in for a caller that knows its bytes without building an httpx.Request (and parsing its URL)."""
        await self._take_slot(timeouts.get("pool"))
        try:
            connection = self._reusable() or await self._connect(host, port, timeouts.get("connect"))
            try:
                response = await connection.exchange(message, timeouts.get("read"))
            except BaseException:
                connection.close()
                raise
            if not connection.closed:
                connection.idle_since = self._clock()
                self._idle.append(connection)
            return response
        finally:
            self._slots.release()

    async def _take_slot(self, timeout: float | None) -> None:
        if not self._slots.locked():
            await self._slots.acquire()  # free: no timer (wait_for would wrap it in a task)
            return
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout)
        except TimeoutError as exc:
            raise httpx.PoolTimeout("no connection to the service came free in time") from exc

    def _reusable(self) -> _Connection | None:
        """The most recently used idle connection still open and younger than the keep-alive expiry."""
        oldest_allowed = self._clock() - self._expiry
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed and connection.idle_since >= oldest_allowed:
                return connection
            connection.close()
        return None

    @staticmethod
    async def _connect(host: str, port: int, timeout: float | None) -> _Connection:
        loop = asyncio.get_running_loop()
        try:
            _, connection = await asyncio.wait_for(loop.create_connection(_Connection, host, port), timeout)
        except TimeoutError as exc:
            raise httpx.ConnectTimeout("could not connect to the service in time") from exc
        except OSError as exc:
            raise httpx.ConnectError(f"could not connect to the service: {type(exc).__name__}") from exc
        return connection

    async def aclose(self) -> None:
        for connection in self._idle:
            connection.close()
        self._idle.clear()


def _head(method: str, target: bytes, headers) -> bytes:
    lines = [method.encode() + b" " + target + b" HTTP/1.1"]
    for name, value in headers:
        if b"\r" in value or b"\n" in value or b"\r" in name or b"\n" in name:
            raise httpx.LocalProtocolError("a header holds a line break")  # it would smuggle a header in
        lines.append(name + b": " + value)
    return b"\r\n".join(lines) + b"\r\n\r\n"


def request_head(method: str, target: str, host: str, headers: dict[str, str]) -> bytes:
    """The head httpx.Request writes for a request without a body: Host first, then `headers` in their
    order. `target` (path and query) must need no quoting: the caller checks it.

    The bytes `_head` writes from the same fields, formatted as text and encoded once (UTF-8 encodes each part
    as it would alone); a line break inside a field is found by counting, since the separators hold exactly
    one CR and one LF between two fields."""
    fields = [f"Host: {host}", *[f"{name}: {value}" for name, value in headers.items()]]
    block = "\r\n".join(fields)
    head = f"{method} {target} HTTP/1.1\r\n{block}\r\n\r\n".encode()
    if block.count("\r") != len(fields) - 1 or block.count("\n") != len(fields) - 1:
        raise httpx.LocalProtocolError("a header holds a line break")  # it would smuggle a header in
    return head
