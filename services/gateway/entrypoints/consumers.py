"""The gateway's Kafka consumers: the claim events tenants receive as webhooks."""
from shared.contracts import topics
from shared.contracts.envelope import Envelope
from shared.db.unit_of_work import UnitOfWork
from shared.kafka.consumer import EventRouter
from services.gateway.webhooks import store


def build_router() -> EventRouter:
    router = EventRouter()

    async def to_webhooks(uow: UnitOfWork, event: Envelope) -> None:
        await store.enqueue(uow, event)

    for topic in (topics.CLAIM_ACKNOWLEDGED, topics.PAYMENT_POSTED, topics.DENIAL_OPENED):
        router.subscribe(topic)(to_webhooks)
    return router
