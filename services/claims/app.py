"""The claims service's composition root."""
import asyncio
import contextlib
import functools
from fastapi import FastAPI

from shared.clock import Clock, system_clock
from shared.http.app import create_service_app
from shared.runtime import ServiceRuntime
from services.claims.adapters.clearinghouse import make_clearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.catalog import Catalog
from services.claims.entrypoints import api, claims_list, corrections_api, follow_up_api, patients_api, payers_api, reports
from services.claims.entrypoints.consumers import build_router
from services.claims.entrypoints.loops import status_inquiry_loop, submission_loop
from services.claims.settings import Settings


def bootstrap(settings: Settings, *, clock: Clock = system_clock) -> FastAPI:
    """`clock` drives the follow-up arithmetic (payers' expected days, the queue); tests pass their own."""
    catalog = Catalog.load(settings.fee_schedule_dir, reference_dir=settings.fee_schedule_reference_dir,
                           locality=settings.pfs_locality)
    clearinghouse = make_clearinghouse(settings)
    claims_ready = asyncio.Event()  # set when a transaction of this process left a claim ready to submit
    runtime = ServiceRuntime(
        settings, router=build_router(catalog=catalog), clock=clock,
        unit_of_work=functools.partial(ClaimsUnitOfWork, claims_ready=claims_ready.set),
        loops=(submission_loop(catalog=catalog, clearinghouse=clearinghouse, settings=settings, work=claims_ready),
               status_inquiry_loop(clearinghouse=clearinghouse, settings=settings)),
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        async with runtime.lifespan(app):
            yield
        await clearinghouse.close()

    app = create_service_app("claims", settings=settings, lifespan=lifespan)
    app.state.catalog = catalog
    app.state.clock = clock
    app.include_router(api.router)
    app.include_router(corrections_api.router)
    app.include_router(claims_list.router)
    app.include_router(reports.router)
    app.include_router(follow_up_api.router)
    app.include_router(payers_api.router)
    app.include_router(patients_api.router)
    return app


def main() -> FastAPI:
    return bootstrap(Settings())
