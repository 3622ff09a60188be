"""Calls from the gateway to the services, with the signed internal token, bounded timeouts and a
circuit breaker per service and tenant.

A service that is down, slow or failing becomes a 503 problem with Retry-After, never a 500. After
`breaker_threshold` consecutive failures the circuit opens and calls are refused at once, without
waiting for a timeout, until one probe call succeeds. Only timeouts, connection errors and 5xx count
as failures: a 4xx is the service answering (the request was bad), not the service failing.

Circuits are kept per (service, tenant): one tenant's requests that make a service fail (a poison
input, a slow report) open the circuit for that tenant only, never for the others. A service that is
really down costs each active tenant `breaker_threshold` failed calls before its circuit opens; that
is the price of isolation, and a bounded one. The state lives in this process: each gateway replica
learns a service's health on its own, which needs no shared store.
"""
import re
import time

import httpx

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, TokenIssuer
from shared.telemetry import TracedTransport, answered, http_client_span, inject_headers, with_span_headers
from services.gateway.adapters.http1 import Answer, Http1Transport, request_head
from services.gateway.domain import circuit as breaker

# Enough connections for the gateway's own concurrency to one service, all of them kept alive.
MAX_CONNECTIONS = 256
KEEPALIVE_SECONDS = 20.0
# A path and query httpx would send as they are (ids, route words, key=value; no dot, so no dot segment
# httpx would have resolved): such a call is written straight to the transport, without building an
# httpx.Request (whose URL parsing checked every character: a tenth of the gateway's CPU per claim view).
_PLAIN_TARGET = re.compile(r"/[A-Za-z0-9/_~-]*(\?[A-Za-z0-9_.~=&-]*)?")


class Upstream:
    def __init__(self, name: str, base_url: str, *, secret: str, timeout: float,
                 breaker_threshold: int = 5, breaker_reset_seconds: float = 5.0, clock=time.monotonic,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.name = name
        self._tokens = TokenIssuer(secret)
        self._threshold = breaker_threshold
        self._reset_seconds = breaker_reset_seconds
        self._clock = clock
        self._circuits: dict[str, breaker.Circuit] = {}  # by tenant; closed, healthy circuits are dropped
        # One pooled transport for the process's life, called without httpx's client layer (base-URL
        # merging, cookie jar, auth and redirect machinery: nothing a call to our own service needs, and
        # a third of the CPU per call). Http1Transport, not httpx's own: a fifth of the client CPU per
        # call, measured (docs/BENCHMARKS.md). Idle connections are dropped before the services' own
        # 30 s keep-alive, so a request never lands on a socket the server is closing.
        self._base_url = base_url.rstrip("/")
        self._timeout = {"timeout": httpx.Timeout(timeout).as_dict()}
        self._http1 = transport or Http1Transport(max_connections=MAX_CONNECTIONS, keepalive_expiry=KEEPALIVE_SECONDS)
        self._transport = TracedTransport(self._http1)
        base = httpx.URL(self._base_url)
        self._host, self._port, self._prefix = base.host, base.port or 80, base.raw_path.decode().rstrip("/")
        self._host_header = base.netloc.decode()
        self._plain = isinstance(self._http1, Http1Transport)

    def circuit(self, tenant_id: str) -> breaker.Circuit:
        return self._circuits.get(tenant_id) or breaker.Circuit()

    def _set(self, tenant_id: str, circuit: breaker.Circuit) -> None:
        if circuit == breaker.Circuit():
            self._circuits.pop(tenant_id, None)
        else:
            self._circuits[tenant_id] = circuit

    def _unavailable(self, retry_after: int) -> Problem:
        return Problem(503, f"The {self.name} service is unavailable", "retry later",
                       headers={"Retry-After": str(retry_after)})

    async def request(self, method: str, path: str, caller: Caller, **kwargs) -> httpx.Response | Answer:
        """The service's answer, read whole: an httpx.Response, or on the plain path the transport's Answer
        (status_code, headers, content, text and json() as httpx.Response has them, no `request`)."""
        tenant = caller.tenant_id
        if tenant in self._circuits:  # a healthy circuit (closed, no failures) admits and stays as it is
            admission = breaker.admit(self.circuit(tenant), now=self._clock(), reset_seconds=self._reset_seconds)
            self._set(tenant, admission.circuit)
            if not admission.allowed:
                raise self._unavailable(admission.retry_after_seconds)
        try:
            if self._plain and not kwargs and _PLAIN_TARGET.fullmatch(path):
                response = await self._send_plain(method, path, self._tokens.token(caller))
            else:
                headers = inject_headers(kwargs.pop("headers", None))
                headers[HEADER] = self._tokens.token(caller)
                response = await self._send(httpx.Request(method, self._base_url + path, headers=headers,
                                                          extensions=self._timeout, **kwargs))
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            self._record(tenant, failed=True)
            raise self._unavailable(int(self._reset_seconds)) from exc
        except BaseException:
            if tenant in self._circuits:
                self._set(tenant, breaker.release_probe(self.circuit(tenant)))
            raise
        self._record(tenant, failed=breaker.counts_as_failure(response.status_code))
        return response

    def _record(self, tenant_id: str, *, failed: bool) -> None:
        if not failed and tenant_id not in self._circuits:
            return  # a success leaves a healthy circuit healthy: nothing to record
        circuit = self.circuit(tenant_id)
        if failed:
            self._set(tenant_id, breaker.record_failure(circuit, now=self._clock(), threshold=self._threshold))
        else:
            self._set(tenant_id, breaker.record_success(circuit))

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        response.request = request
        await response.aread()
        return response

    async def _send_plain(self, method: str, target: str, token: str) -> Answer:
        """The bytes the httpx path would send (Host, token, then the client span's traceparent, which the
        traced transport sets last), written by the transport itself; the answer as the transport read it."""
        target = self._prefix + target
        with http_client_span(method, self._host, self._port, target.partition("?")[0]) as span:
            head = request_head(method, target, self._host_header, with_span_headers({HEADER: token}, span))
            response = await self._http1.exchange(self._host, self._port, head, self._timeout["timeout"])
            answered(span, response.status_code)
        return response

    async def close(self) -> None:
        await self._transport.aclose()


def raise_for_problem(response: httpx.Response | Answer) -> None:
    """Pass a service's 4xx problem through; a 5xx from a service is the gateway's 503."""
    if response.status_code < 400:
        return
    if response.status_code >= 500:
        raise Problem(503, "A service failed to answer", "retry later", headers={"Retry-After": "5"})
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    raise Problem(response.status_code, body.get("title", "Request failed"), body.get("detail"), errors=body.get("errors"))
