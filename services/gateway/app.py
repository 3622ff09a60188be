"""The gateway's composition root: `bootstrap(settings) -> FastAPI`, used by uvicorn and tests."""
import contextlib

from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.gateway.adapters.upstream import Upstream
from services.gateway.entrypoints import billing, encounters, followup, keys, tenants
from services.gateway.idempotency import idempotency_middleware
from services.gateway.settings import Settings

DESCRIPTION = """The billing platform's public API. Authenticate with `Authorization: Bearer <tenant API key>`.
Errors are RFC 9457 problem+json documents naming the field at fault."""


def bootstrap(settings: Settings) -> FastAPI:
    runtime = ServiceRuntime(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.upstreams = {
            name: Upstream(name, getattr(settings, f"{name}_url"), secret=settings.internal_token_secret,
                           timeout=settings.upstream_timeout_seconds)
            for name in ("coding", "claims", "payments", "denials")
        }
        async with runtime.lifespan(app):
            yield
        for upstream in app.state.upstreams.values():
            await upstream.close()

    app = create_service_app("gateway", settings=settings, lifespan=lifespan, title="Billing platform API",
                             description=DESCRIPTION)
    for module in (tenants, keys, encounters, billing, followup):
        app.include_router(module.router)
    app.include_router(encounters.review_router)
    app.middleware("http")(idempotency_middleware)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
