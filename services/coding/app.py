"""The coding service's composition root."""
from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.coding.domain.coder import load_codesets
from services.coding.entrypoints import api, reports
from services.coding.entrypoints.consumers import build_router
from services.coding.settings import Settings


def bootstrap(settings: Settings) -> FastAPI:
    codesets = load_codesets()
    runtime = ServiceRuntime(settings, router=build_router(codesets=codesets, threshold=settings.auto_accept_threshold))
    app = create_service_app("coding", settings=settings, lifespan=runtime.lifespan)
    app.state.codesets = codesets
    app.include_router(api.router)
    app.include_router(reports.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
