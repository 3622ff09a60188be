"""Kafka entrypoints of the claims service: topic -> use case, nothing else."""
from shared.contracts import topics
from shared.kafka.consumer import EventRouter
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import build_claims
from services.claims.application.correct_claim import bill_replacements
from services.claims.application.learn_denials import learn_denial
from services.claims.application.register_tenant import register_tenant
from services.claims.adapters.catalog import Catalog


def build_router(*, catalog: Catalog) -> EventRouter:
    router = EventRouter()

    @router.subscribe(topics.TENANT_REGISTERED)
    async def on_tenant_registered(uow, event) -> None:
        await register_tenant(uow, event, catalog=catalog)

    @router.subscribe_batch(topics.CLAIM_CODED)
    async def on_claims_coded(uow, batch) -> None:
        await build_claims(uow, batch, catalog=catalog)

    @router.subscribe_batch(topics.REMIT_RECEIVED)
    async def on_remits_received(uow, batch) -> None:
        await apply_remits(uow, batch, catalog=catalog)

    @router.subscribe(topics.DENIAL_OPENED)
    async def on_denial_opened(uow, event) -> None:
        await learn_denial(uow, event)

    @router.subscribe_batch(topics.CLAIM_CORRECTION_REQUESTED)
    async def on_corrections_requested(uow, batch) -> None:
        await bill_replacements(uow, batch, catalog=catalog)

    return router
