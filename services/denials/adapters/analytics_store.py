"""The rows denial analytics are computed over: adjudicated claim payments and denials in a period, each with
the rendering provider of its claim."""
from datetime import date, datetime, timezone
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.denials.adapters.tables import AdjudicatedClaim, Denial, SubmittedClaim


class DenialAnalytics:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def rows(self, *, tenant_id: UUID, start: date, end: date):
        adjudicated = (await self._session.execute(
            select(AdjudicatedClaim, SubmittedClaim.rendering_npi)
            .outerjoin(SubmittedClaim, SubmittedClaim.claim_id == AdjudicatedClaim.claim_id)
            .where(AdjudicatedClaim.tenant_id == tenant_id, AdjudicatedClaim.adjudicated_on >= start,
                   AdjudicatedClaim.adjudicated_on <= end))).all()
        denials = (await self._session.execute(
            select(Denial, SubmittedClaim.rendering_npi)
            .outerjoin(SubmittedClaim, SubmittedClaim.claim_id == Denial.claim_id)
            .where(Denial.tenant_id == tenant_id,
                   Denial.opened_at >= datetime.combine(start, datetime.min.time(), timezone.utc),
                   Denial.opened_at < datetime.combine(end, datetime.max.time(), timezone.utc)))).all()
        return adjudicated, denials
