"""The claims service's composition root."""
import contextlib

from fastapi import FastAPI

from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.claims.adapters.clearinghouse import make_clearinghouse
from services.claims.catalog import Catalog
from services.claims.entrypoints import api, claims_list, corrections_api, reports
from services.claims.entrypoints.consumers import build_router
from services.claims.settings import Settings
from services.claims.submission import submission_loop


def bootstrap(settings: Settings) -> FastAPI:
    catalog = Catalog.load(settings.fee_schedule_dir)
    clearinghouse = make_clearinghouse(settings)
    runtime = ServiceRuntime(
        settings, router=build_router(catalog=catalog),
        loops=(submission_loop(catalog=catalog, clearinghouse=clearinghouse, settings=settings),),
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        async with runtime.lifespan(app):
            yield
        await clearinghouse.close()

    app = create_service_app("claims", settings=settings, lifespan=lifespan)
    app.state.catalog = catalog
    app.include_router(api.router)
    app.include_router(corrections_api.router)
    app.include_router(claims_list.router)
    app.include_router(reports.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
