"""The gateway's Kafka consumers: the claim events tenants receive as webhooks, and the dead letters of an
encounter's events (its read model answers `failed` with the reason)."""
from shared.contracts import topics
from shared.db.unit_of_work import UnitOfWork
from shared.kafka.consumer import EventBatch, EventRouter
from services.gateway.application import encounter_failures
from services.gateway.domain.encounter_failures import WATCHED_TOPICS
from services.gateway.webhooks import store


def build_router() -> EventRouter:
    router = EventRouter()

    async def to_webhooks(uow: UnitOfWork, batch: EventBatch) -> None:
        await store.enqueue_batch(uow, batch)

    for topic in (topics.CLAIM_ACKNOWLEDGED, topics.PAYMENT_POSTED, topics.DENIAL_OPENED):
        router.subscribe_batch(topic)(to_webhooks)
    for topic in WATCHED_TOPICS:
        router.subscribe_dead_letters(topic)(encounter_failures.record_dead_letter)
    return router
