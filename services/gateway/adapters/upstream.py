"""Calls from the gateway to the services, with the signed internal token and bounded timeouts.

A service that is down or slow becomes a 503 problem, never a 500 (issue 6, limits).
"""
import httpx

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, issue_token
from shared.telemetry import TracedTransport, inject_headers


class Upstream:
    def __init__(self, name: str, base_url: str, *, secret: str, timeout: float):
        self.name = name
        self._secret = secret
        self._client = httpx.AsyncClient(
            base_url=base_url, timeout=timeout,
            transport=TracedTransport(httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=200, max_keepalive_connections=100))),
        )

    async def request(self, method: str, path: str, caller: Caller, **kwargs) -> httpx.Response:
        headers = inject_headers(kwargs.pop("headers", None))
        headers[HEADER] = issue_token(self._secret, caller)
        try:
            return await self._client.request(method, path, headers=headers, **kwargs)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise Problem(503, f"The {self.name} service is unavailable", "retry later",
                          headers={"Retry-After": "5"}) from exc

    async def close(self) -> None:
        await self._client.aclose()


def raise_for_problem(response: httpx.Response) -> None:
    """Pass a service's 4xx problem through; a 5xx from a service is the gateway's 503."""
    if response.status_code < 400:
        return
    if response.status_code >= 500:
        raise Problem(503, "A service failed to answer", headers={"Retry-After": "5"})
    try:
        body = response.json()
    except ValueError:
        body = {}
    raise Problem(response.status_code, body.get("title", "Request failed"), body.get("detail"), errors=body.get("errors"))
