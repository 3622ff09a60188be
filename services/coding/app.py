"""The coding service's composition root."""
from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.coding.adapters.accuracy_file import load_accuracy_curve
from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.adapters.reference_files import load_reference_data, load_tenant_references
from services.coding.entrypoints import api, queries_api, reports
from services.coding.entrypoints.consumers import build_router
from services.coding.application.coder import Coder
from services.coding.settings import Settings


def build_coder(settings: Settings) -> Coder:
    """Reference data and the note suggester are loaded once here (the ICD-10-CM library import costs ~2 s)."""
    accuracy = load_accuracy_curve(settings.suggestion_accuracy_file)  # before the slow part: fail fast
    reference = load_reference_data(settings.reference_dir)
    suggest = None
    if settings.suggestions_enabled:
        from services.coding.adapters.note_suggester import build_suggester

        suggest = build_suggester(reference, index_dir=settings.suggestion_index_dir)
    return Coder(reference=reference, suggest=suggest, threshold=settings.auto_accept_threshold,
                 tenant_references=load_tenant_references(settings.reference_dir, reference),
                 accuracy=accuracy)


def build_runtime(settings: Settings, coder: Coder | None = None) -> ServiceRuntime:
    return ServiceRuntime(settings, router=build_router(coder=coder or build_coder(settings)),
                          unit_of_work=CodingUnitOfWork)


def bootstrap(settings: Settings) -> FastAPI:
    coder = build_coder(settings)
    runtime = build_runtime(settings, coder)
    app = create_service_app("coding", settings=settings, lifespan=runtime.lifespan)
    app.state.coder = coder
    app.include_router(api.router)
    app.include_router(reports.router)
    app.include_router(queries_api.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
