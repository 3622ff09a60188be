"""Kafka entrypoints of the denials service: topic -> use case, nothing else."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.denials.application.record_submitted_claims import record_submitted_claims
from services.denials.application.register_practice import register_practice
from services.denials.application.take_remits import take_remits


def build_router(*, appeal_days: int) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.TENANT_REGISTERED)
    async def on_tenant_registered(uow, event) -> None:
        await register_practice(uow, event)

    @router.subscribe_batch(topics.CLAIM_SUBMITTED)
    async def on_claims_submitted(uow, batch) -> None:
        await record_submitted_claims(uow, batch)

    @router.subscribe_batch(topics.REMIT_RECEIVED)
    async def on_remits_received(uow, batch) -> None:
        await take_remits(uow, batch, appeal_days=appeal_days)

    return router
