"""Kafka entrypoints of the denials service."""
from datetime import date

from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.denials import handlers


def build_router(*, appeal_days: int) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.TENANT_REGISTERED)
    async def on_tenant_registered(uow, event) -> None:
        await handlers.register_practice(uow, event)

    @router.subscribe(topics.CLAIM_SUBMITTED)
    async def on_claim_submitted(uow, event) -> None:
        await handlers.record_submitted(uow, event)

    @router.subscribe(topics.REMIT_RECEIVED)
    async def on_remit_received(uow, event) -> None:
        await handlers.take_remit(uow, event, appeal_days=appeal_days, today=date.today())

    return router
