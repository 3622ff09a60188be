"""The app factory every service uses: problem handlers, server spans, metrics, health."""
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from opentelemetry import propagate
from opentelemetry.trace import SpanKind
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shared import metrics
from shared.health import report
from shared.http.problems import install_problem_handlers
from shared.telemetry import start_span


NATIVE_TELEMETRY_OFF = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}


def create_service_app(
    service: str, *, settings, lifespan: Callable[[FastAPI], AbstractAsyncContextManager] | None = None,
    title: str | None = None, description: str = "", version: str = "1.0.0",
) -> FastAPI:
    # FastAPI's own telemetry is off: our middleware below is the one HTTP span (its attributes are chosen to
    # carry no PHI), and the native per-dependency spans and exception logs doubled the span volume.
    app = FastAPI(title=title or f"{service} service", description=description, version=version, lifespan=lifespan,
                  telemetry=NATIVE_TELEMETRY_OFF)
    app.state.settings = settings
    app.state.service = service
    install_problem_handlers(app)

    @app.middleware("http")
    async def _trace_and_time(request: Request, call_next):
        started = time.perf_counter()
        parent = propagate.extract(dict(request.headers))
        with start_span(f"{request.method} http", kind=SpanKind.SERVER, context=parent,
                        attributes={"http.request.method": request.method}) as span:
            response = await call_next(request)
            route = getattr(request.scope.get("route"), "path", "unmatched")
            span.update_name(f"{request.method} {route}")
            span.set_attribute("http.route", route)
            span.set_attribute("http.response.status_code", response.status_code)
        metrics.HTTP_SECONDS.labels(service, request.method, route, str(response.status_code)).observe(time.perf_counter() - started)
        return response

    @app.get("/health", include_in_schema=False)
    @app.get("/health/live", include_in_schema=False)
    async def liveness(request: Request) -> JSONResponse:
        """503 when a consumer or relay loop died or stalled: the supervisor restarts the process."""
        runtime = getattr(request.app.state, "runtime", None)
        status, body = report(service, runtime.liveness_problems() if runtime else [])
        return JSONResponse(body, status_code=status)

    @app.get("/health/ready", include_in_schema=False)
    async def readiness(request: Request) -> JSONResponse:
        """503 also while the database or the broker is unreachable: take no traffic meanwhile."""
        runtime = getattr(request.app.state, "runtime", None)
        status, body = report(service, await runtime.readiness_problems() if runtime else [])
        return JSONResponse(body, status_code=status)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus_metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
