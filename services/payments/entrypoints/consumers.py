"""Kafka entrypoints of the payments service."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.payments import handlers


def build_router() -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.CLAIM_SUBMITTED)
    async def on_claim_submitted(uow, event) -> None:
        await handlers.record_billed_claim(uow, event)

    @router.subscribe(topics.REMIT_RECEIVED)
    async def on_remit_received(uow, event) -> None:
        await handlers.post_remit(uow, event)

    @router.subscribe(topics.DENIAL_RESOLVED)
    async def on_denial_resolved(uow, event) -> None:
        await handlers.post_write_off(uow, event)

    return router
