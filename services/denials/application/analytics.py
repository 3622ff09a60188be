"""Denial analytics of a period, from the figures the database maintains per day and month."""
from datetime import date
from uuid import UUID

from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.domain.analytics import analytics_from_figures, top_causes
from services.denials.domain.queue import sla_from_figures


async def denial_analytics(uow: DenialsUnitOfWork, *, tenant_id: UUID, start: date, end: date, top: int) -> dict:
    """The period's figures (days from `start` to `end`), with the SLA as of the current day. The root
    causes are ranked first, so the CARCs, actions and preventable counts are read for the top ones only."""
    today = uow.today()
    figures = await uow.analytics.figures(tenant_id=tenant_id, start=start, end=end, today=today, top=top)
    details = await uow.analytics.cause_details(tenant_id=tenant_id, start=start, end=end,
                                                causes=top_causes(figures.denials, top=top))
    return {**analytics_from_figures(figures.adjudications, figures.denials + details, top=top),
            "sla": sla_from_figures(figures.sla, today)}
