"""Kafka entrypoints of the coding service: translate, call a handler, nothing else."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.coding import handlers


def build_router(*, coder: handlers.Coder) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.ENCOUNTER_DOCUMENTED)
    async def on_encounter_documented(uow, event) -> None:
        await handlers.code_documented_encounter(uow, event, coder=coder)

    return router
