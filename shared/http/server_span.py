"""The one HTTP server span and the request-duration metric of every service, as plain ASGI middleware.

Plain ASGI rather than Starlette's BaseHTTPMiddleware: that one runs each request through a task
group and memory streams, a fixed cost per request the gateway paid on every hop. The span's
attributes carry the route template, never the path (a path can hold a patient's id).
"""
import time

from opentelemetry.trace import SpanKind

from shared import metrics
from shared.telemetry import start_span
from shared.telemetry.propagation import NEW_TRACE, remote_context


class ServerSpan:
    def __init__(self, app, *, service: str):
        self.app = app
        self.service = service
        # The histogram's child per (method, route, status), looked up once: `labels()` checks and joins
        # the label values under the metric's lock on every call. Routes are templates, so this stays small.
        self._durations: dict[tuple[str, str, int], object] = {}

    def _duration(self, method: str, route: str, status: int):
        key = (method, route, status)
        child = self._durations.get(key)
        if child is None:
            child = self._durations[key] = metrics.HTTP_SECONDS.labels(self.service, method, route, str(status))
        return child

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        traceparent = tracestate = None
        for name, value in scope["headers"]:
            if name == b"traceparent":
                traceparent = value.decode("latin-1")
            elif name == b"tracestate":
                tracestate = value.decode("latin-1")
        parent = remote_context(traceparent, tracestate) or NEW_TRACE
        status = 500  # what the client gets when the app raises before answering

        async def send_with_status(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        with start_span(f"{method} http", kind=SpanKind.SERVER, context=parent,
                        attributes={"http.request.method": method}) as span:
            try:
                await self.app(scope, receive, send_with_status)
            finally:
                route = getattr(scope.get("route"), "path", "unmatched")
                span.update_name(f"{method} {route}")
                span.set_attribute("http.route", route)
                span.set_attribute("http.response.status_code", status)
                self._duration(method, route, status).observe(time.perf_counter() - started)
