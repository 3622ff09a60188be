"""The gateway's composition root: `bootstrap(settings) -> FastAPI`, used by uvicorn and tests."""
import contextlib

from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.http.body_limit import BodySizeLimit
from shared.runtime import ServiceRuntime
from services.gateway import dashboard
from services.gateway.adapters.upstream import Upstream
from services.gateway.adapters.audit_append import ChainHead
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.entrypoints.audit_log import AuditMiddleware, audit_writer
from services.gateway.adapters.credentials import CredentialCache
from services.gateway.entrypoints import (
    audit,
    billing,
    coding_extra,
    denials,
    encounters,
    forwarded,
    followup,
    keys,
    payments_extra,
    tenants,
    webhooks,
)
from services.gateway.entrypoints.consumers import build_router
from services.gateway.entrypoints.hygiene import RefuseNulCharacters
from services.gateway.entrypoints.idempotency import IdempotencyMiddleware, Replay, idempotency_writers, replay_response
from services.gateway.application.intake_writer import intake_writer
from services.gateway.entrypoints.openapi import document_errors, name_operations
from services.gateway.entrypoints.rate_limits import Limit, RateLimiter
from services.gateway.settings import Settings
from services.gateway.webhooks.delivery import webhook_loop

DESCRIPTION = """The billing platform's public API. Authenticate with `Authorization: Bearer <tenant API key>`.
Errors are RFC 9457 problem+json documents naming the field at fault.

Limits: each tenant has a request rate (429 with Retry-After when it is spent); request bodies are at
most a few megabytes (413); a service that is down answers 503 with Retry-After.
Every POST takes an `Idempotency-Key` header (kept 24 hours): the same key and request answer the first
response again, a duplicate sent while the first is still running waits for its answer (or gets 409
with Retry-After), the same key with another request is a 422. Lists are newest first with an opaque
`cursor` (the `next_cursor` of the previous page)."""
# The public contract's version: a new minor for additions (1.1: every answer's schema declared), a new
# major for a change that breaks a client (services/gateway/openapi_contract.py refuses it otherwise).
API_VERSION = "1.3.0"
UPSTREAMS = ("coding", "claims", "payments", "denials")


def bootstrap(settings: Settings) -> FastAPI:
    writers = {}

    def writing(name: str):
        async def write(runtime) -> None:
            await writers[name].run(runtime)
        write.__name__ = f"{name} writer"
        return write

    names = ("audit", "intake", "idempotency_reservations", "idempotency_settlements")
    runtime = ServiceRuntime(settings, router=build_router(), loops=(webhook_loop(settings), *map(writing, names)),
                             unit_of_work=GatewayUnitOfWork)
    chain_head = ChainHead()  # the audit chain's head as this process's writers last committed it
    writers.update(audit=audit_writer(runtime.engine, runtime.units_of_work, chain_head),
                   intake=intake_writer(runtime.units_of_work, chain_head), **idempotency_writers(runtime.units_of_work))

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.upstreams = {
            name: Upstream(name, getattr(settings, f"{name}_url"), secret=settings.internal_token_secret,
                           timeout=settings.upstream_timeout_seconds, breaker_threshold=settings.breaker_failure_threshold,
                           breaker_reset_seconds=settings.breaker_reset_seconds)
            for name in UPSTREAMS
        }
        async with runtime.lifespan(app):
            yield
        for upstream in app.state.upstreams.values():
            await upstream.close()

    app = create_service_app("gateway", settings=settings, lifespan=lifespan, title="Billing platform API",
                             description=DESCRIPTION, version=API_VERSION)
    name_operations(app)
    app.state.rate_limiter = RateLimiter(Limit(settings.rate_limit_per_second, settings.rate_limit_burst))
    app.state.credentials = CredentialCache(settings.credential_cache_seconds)
    for name, writer in writers.items():
        setattr(app.state, name, writer)
    for module in (tenants, keys, encounters, billing, denials, followup):
        app.include_router(module.router)
    for module in (webhooks, audit):
        app.include_router(module.router)
    app.include_router(payments_extra.router)
    dashboard.install(app)
    app.include_router(coding_extra.router)
    app.include_router(forwarded.router)  # last: its /v1/denials/{denial_id} must not shadow /v1/denials/analytics
    app.add_exception_handler(Replay, replay_response)
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(AuditMiddleware)
    app.add_middleware(RefuseNulCharacters)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)  # outermost: before anything reads
    document_errors(app)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
