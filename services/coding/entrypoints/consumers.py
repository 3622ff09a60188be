"""Kafka entrypoints of the coding service: topic -> use case, nothing else."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.coding.application.code_encounters import code_encounters
from services.coding.application.coder import Coder
from services.coding.application.learn_denial_patterns import learn_denial_patterns


def build_router(*, coder: Coder) -> EventRouter:
    router = EventRouter()

    @router.subscribe_batch(topics.ENCOUNTER_DOCUMENTED)
    async def on_encounters_documented(uow, batch) -> None:
        await code_encounters(uow, batch, coder=coder)

    @router.subscribe_batch(topics.DENIAL_OPENED)
    async def on_denials_opened(uow, batch) -> None:
        await learn_denial_patterns(uow, batch)

    return router
