"""denial.opened, a batch at a time: counted per payer, procedure and reason, so that an encounter for a
procedure this payer keeps denying carries a warning the coder sees (see code_encounters)."""
from shared.kafka.consumer import EventBatch
from services.coding.adapters.repositories import CodingUnitOfWork


async def learn_denial_patterns(uow: CodingUnitOfWork, batch: EventBatch) -> None:
    today = uow.today()
    for event in batch.traced():
        await uow.denial_patterns.learn(event.tenant_id, event.payload, today=today)
