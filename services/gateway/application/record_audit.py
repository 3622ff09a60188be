"""Audit entries of requests that wrote nothing else (reads, refusals): appended to the chain in bulk."""
from shared.db.engine import statement_connection
from services.gateway.adapters.audit_append import append_at_head
from services.gateway.domain.audit import chained


class AuditRecorder:
    """The audit writer's batch step: one statement after the head this process committed last, else the
    chain's transaction (lock, head, insert), whose new head is remembered once it has committed.

    Batches come one at a time (the group commit writes them in turn), so the head needs no lock of its own.
    A head this process did not see move (an intake batch, another replica) costs one statement that
    writes nothing before the transaction's path."""

    def __init__(self, engine, units_of_work):
        self._engine = engine
        self._units_of_work = units_of_work
        self._head: tuple[int, str] | None = None

    async def __call__(self, entries: list[dict]) -> list[None]:
        """One answer (nothing) per entry: the batch writer hands each request its own."""
        head, self._head = self._head, None  # forgotten until a write is known to have committed
        if head is not None:
            at = self._units_of_work.clock()
            rows = chained(entries, at=at, after_seq=head[0], after_hash=head[1])
            async with statement_connection(self._engine) as connection:
                if await append_at_head(connection, rows, at=at):
                    self._head = rows[-1][0].seq, rows[-1][2]
                    return [None] * len(entries)
        async with self._units_of_work() as uow:
            head = await uow.audit.append(entries, at=uow.now())
        self._head = head
        return [None] * len(entries)
