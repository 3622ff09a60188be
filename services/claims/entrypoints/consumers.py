"""Kafka entrypoints of the claims service."""
from datetime import date

from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.claims import corrections, handlers
from services.claims.catalog import Catalog


def build_router(*, catalog: Catalog) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.TENANT_REGISTERED)
    async def on_tenant_registered(uow, event) -> None:
        await handlers.register_tenant(uow, event, catalog=catalog)

    @router.subscribe(topics.CLAIM_CODED)
    async def on_claim_coded(uow, event) -> None:
        await handlers.build_coded_claim(uow, event, catalog=catalog, today=date.today())

    @router.subscribe(topics.REMIT_RECEIVED)
    async def on_remit_received(uow, event) -> None:
        await handlers.apply_remit(uow, event)

    @router.subscribe(topics.DENIAL_OPENED)
    async def on_denial_opened(uow, event) -> None:
        await handlers.learn_denial(uow, event, today=date.today())

    @router.subscribe(topics.CLAIM_CORRECTION_REQUESTED)
    async def on_correction_requested(uow, event) -> None:
        await corrections.bill_replacement(uow, event, catalog=catalog, today=date.today())

    return router
