"""The denials service's composition root."""
from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.entrypoints import api, reports
from services.denials.entrypoints.consumers import build_router
from services.denials.settings import Settings


def build_runtime(settings: Settings) -> ServiceRuntime:
    return ServiceRuntime(settings, router=build_router(appeal_days=settings.default_appeal_days),
                          unit_of_work=DenialsUnitOfWork)


def bootstrap(settings: Settings) -> FastAPI:
    runtime = build_runtime(settings)
    app = create_service_app("denials", settings=settings, lifespan=runtime.lifespan)
    app.include_router(api.router)
    app.include_router(reports.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
