"""The payments service's composition root."""
from fastapi import FastAPI

from shared.clock import Clock, system_clock
from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.entrypoints import api, api_accounts, reports
from services.payments.entrypoints.consumers import build_router
from services.payments.settings import Settings


def bootstrap(settings: Settings, *, clock: Clock = system_clock) -> FastAPI:
    runtime = ServiceRuntime(settings, router=build_router(), unit_of_work=PaymentsUnitOfWork, clock=clock)
    app = create_service_app("payments", settings=settings, lifespan=runtime.lifespan)
    app.include_router(api.router)
    app.include_router(api_accounts.router)
    app.include_router(reports.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
