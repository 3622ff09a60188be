"""The app factory every service uses: problem handlers, server spans, metrics, health."""
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shared.health import report
from shared.http.fast_path import FastPath
from shared.http.json_response import JSONResponse
from shared.http.problems import install_problem_handlers
from shared.http.server_span import ServerSpan


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

    app.add_middleware(FastPath, router=app.router)  # inside the span: a fast route is traced like any other
    app.add_middleware(ServerSpan, service=service)

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
