"""Calls from the gateway to the services, with the signed internal token, bounded timeouts and a
circuit breaker per service.

A service that is down, slow or failing becomes a 503 problem with Retry-After, never a 500
(issue 6, limits). After `breaker_threshold` consecutive failures the circuit opens and calls are
refused at once, without waiting for a timeout, until one probe call succeeds. The breaker's state
lives in this process: each gateway replica learns a service's health on its own, which costs each
replica a few failed calls and needs no shared store.
"""
import time

import httpx

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, issue_token
from shared.telemetry import TracedTransport, inject_headers
from services.gateway.domain import circuit as breaker


class Upstream:
    def __init__(self, name: str, base_url: str, *, secret: str, timeout: float,
                 breaker_threshold: int = 5, breaker_reset_seconds: float = 5.0, clock=time.monotonic):
        self.name = name
        self._secret = secret
        self._threshold = breaker_threshold
        self._reset_seconds = breaker_reset_seconds
        self._clock = clock
        self.circuit = breaker.Circuit()
        self._client = httpx.AsyncClient(
            base_url=base_url, timeout=timeout,
            transport=TracedTransport(httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=200, max_keepalive_connections=100))),
        )

    def _unavailable(self, retry_after: int) -> Problem:
        return Problem(503, f"The {self.name} service is unavailable", "retry later",
                       headers={"Retry-After": str(retry_after)})

    async def request(self, method: str, path: str, caller: Caller, **kwargs) -> httpx.Response:
        admission = breaker.admit(self.circuit, now=self._clock(), reset_seconds=self._reset_seconds)
        self.circuit = admission.circuit
        if not admission.allowed:
            raise self._unavailable(admission.retry_after_seconds)
        headers = inject_headers(kwargs.pop("headers", None))
        headers[HEADER] = issue_token(self._secret, caller)
        try:
            response = await self._client.request(method, path, headers=headers, **kwargs)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            self.circuit = breaker.record_failure(self.circuit, now=self._clock(), threshold=self._threshold)
            raise self._unavailable(int(self._reset_seconds)) from exc
        except BaseException:
            self.circuit = breaker.release_probe(self.circuit)
            raise
        if response.status_code >= 500:
            self.circuit = breaker.record_failure(self.circuit, now=self._clock(), threshold=self._threshold)
        else:
            self.circuit = breaker.record_success(self.circuit)
        return response

    async def close(self) -> None:
        await self._client.aclose()


def raise_for_problem(response: httpx.Response) -> None:
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
