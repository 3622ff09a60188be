"""Audit entries of requests that wrote nothing else (reads, refusals): appended to the chain in bulk."""
from shared.db.engine import statement_connection
from services.gateway.adapters.audit_append import ChainHead, append_at_head
from services.gateway.domain.audit import chained


class AuditRecorder:
    """The audit writer's batch step: one statement after the head this process committed last (`ChainHead`,
    shared with the intake writer), else the chain's transaction (lock, head, insert), whose new head is
    remembered once it has committed.

    Batches come one at a time (the group commit writes them in turn), so the head needs no lock of its own.
    A head this process did not see move (another replica) costs one statement that writes nothing before
    the transaction's path."""

    def __init__(self, engine, units_of_work, chain_head: ChainHead | None = None):
        self._engine = engine
        self._units_of_work = units_of_work
        self._chain_head = chain_head if chain_head is not None else ChainHead()

    async def __call__(self, entries: list[dict]) -> list[None]:
        """One answer (nothing) per entry: the batch writer hands each request its own."""
        head = self._chain_head.head
        if head is not None:
            at = self._units_of_work.clock()
            rows = chained(entries, at=at, after_seq=head[0], after_hash=head[1])
            async with statement_connection(self._engine) as connection:
                if await append_at_head(connection, rows, at=at):
                    self._chain_head.committed((rows[-1][0].seq, rows[-1][2]))
                    return [None] * len(entries)
            self._chain_head.forget(head)  # moved: the transaction reads the head rather than guess it again
        async with self._units_of_work() as uow:
            uow.audit.remember(self._chain_head)
            await uow.audit.append(entries, at=uow.now())
        return [None] * len(entries)
