"""A claim's timeline: its steps queued and written in one statement with the transaction's other inserts."""
from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import Insert, insert_rows
from services.claims.adapters.tables import ClaimEvent

EVENT = ClaimEvent.__table__


class Timeline:
    """A claim's timeline. Steps are queued and written in one statement when the unit of work commits,
    in the order they happened."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self._pending: list[dict] = []

    def add(self, claim, event: str, detail: dict | None = None) -> None:
        """`claim` is anything with id, tenant_id and status (a ClaimRecord or a Claim row)."""
        self._pending.append({"tenant_id": claim.tenant_id, "claim_id": claim.id, "event": event,
                              "status": claim.status, "detail": detail or {}})

    def add_many(self, rows: Iterable[dict]) -> None:
        self._pending.extend(rows)

    def pending(self) -> Insert:
        """The queued steps, handed over once to be written at commit."""
        rows, self._pending = self._pending, []
        return Insert(EVENT, rows)

    async def flush(self) -> None:
        pending = self.pending()
        await insert_rows(self._session, pending.table, pending.rows)

    async def of(self, claim_id: UUID) -> list[ClaimEvent]:
        await self.flush()
        rows = await self._session.execute(select(ClaimEvent).where(ClaimEvent.claim_id == claim_id)
                                           .order_by(ClaimEvent.id))
        return list(rows.scalars())
