"""Kafka entrypoints of the payments service: topic -> use case."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.payments.application.post_charges import post_charges
from services.payments.application.post_remits import post_remits
from services.payments.application.write_off_denial import post_write_off


def build_router() -> EventRouter:
    router = EventRouter()
    router.subscribe_batch(topics.CLAIM_SUBMITTED)(post_charges)
    router.subscribe_batch(topics.REMIT_RECEIVED)(post_remits)
    router.subscribe(topics.DENIAL_RESOLVED)(post_write_off)
    return router
