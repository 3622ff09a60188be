"""The coding service's reports: encounters counted by coding status, and one encounter found for ops."""
from uuid import UUID

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coding.adapters.tables import CodedEncounter


class CodingReports:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def status_counts(self, tenant_id: UUID | None) -> dict[str, int]:
        """Encounters by coding status, of one tenant or (None) of every tenant."""
        query = select(CodedEncounter.status, func.count()).group_by(CodedEncounter.status)
        if tenant_id is not None:
            query = query.where(CodedEncounter.tenant_id == tenant_id)
        return {status: count for status, count in (await self._session.execute(query)).all()}

    async def find_for_ops(self, any_id: UUID) -> CodedEncounter | None:
        """The encounter with this id or whose claim has it, whatever its tenant."""
        query = select(CodedEncounter).where(or_(CodedEncounter.encounter_id == any_id,
                                                 CodedEncounter.claim_id == any_id))
        return (await self._session.execute(query.limit(1))).scalar_one_or_none()
