"""Denial analytics of a period, from the figures the database maintains per day."""
from datetime import date
from uuid import UUID

from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.domain.analytics import analytics_from_figures
from services.denials.domain.queue import sla_summary


async def denial_analytics(uow: DenialsUnitOfWork, *, tenant_id: UUID, start: date, end: date, top: int) -> dict:
    """The period's figures (days from `start` to `end`), with the SLA as of the current day."""
    figures = await uow.analytics.figures(tenant_id=tenant_id, start=start, end=end)
    return {**analytics_from_figures(figures.adjudications, figures.denials, top=top),
            "sla": sla_summary(figures.sla, figures.waiting, uow.today())}
