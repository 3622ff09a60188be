"""denial.opened -> counted per payer, procedure and category: the scrubber's denial-pattern warnings."""
from shared.contracts.denial import DenialOpened
from shared.contracts.envelope import Envelope


async def learn_denial(uow, event: Envelope[DenialOpened]) -> None:
    await uow.denial_patterns.learn(event.tenant_id, event.payload, today=uow.today())
