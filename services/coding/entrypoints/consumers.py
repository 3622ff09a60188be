"""Kafka entrypoints of the coding service: translate, call a handler, nothing else."""
from datetime import date

from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.coding import denial_feedback, handlers


def build_router(*, coder: handlers.Coder) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.ENCOUNTER_DOCUMENTED)
    async def on_encounter_documented(uow, event) -> None:
        await handlers.code_documented_encounter(uow, event, coder=coder)

    @router.subscribe(topics.DENIAL_OPENED)
    async def on_denial_opened(uow, event) -> None:
        await denial_feedback.learn(uow, event, today=date.today())

    return router
