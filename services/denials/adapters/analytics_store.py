"""The figures denial analytics are computed over, read from the figures the database maintains per
tenant and day (adapters/analytics_figures.py): the period's day rows, summed per key."""
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import case, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.denials.adapters import analytics_figures
from services.denials.adapters.tables import metadata
from services.denials.domain.analytics import AdjudicationFigure, DenialFigure

adjudication_figure, denial_figure = analytics_figures.tables(metadata)
COMPOUND_KEYS = ("cause", "cause_preventable", "cause_carc", "cause_action")  # JSON arrays
DATED = ("sla", "waiting")  # read per day opened
BY_POSITION = (text("1"), text("2"), text("3"))  # the grouped expressions hold parameters: grouped by position


@dataclass(frozen=True)
class PeriodFigures:
    adjudications: list[AdjudicationFigure]
    denials: list[DenialFigure]
    sla: list[tuple[date, date | None, int]]  # (opened on, first acted on, denials)
    waiting: list[tuple[date, int]]  # (opened on, denials no one acted on yet)


class DenialAnalytics:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def figures(self, *, tenant_id: UUID, start: date, end: date) -> PeriodFigures:
        """The period's figures (days from `start` to `end`, both included), summed per key."""
        return PeriodFigures(await self._adjudications(tenant_id, start, end), *await self._denials(tenant_id, start, end))

    async def _adjudications(self, tenant_id: UUID, start: date, end: date) -> list[AdjudicationFigure]:
        f = adjudication_figure.c
        whole = f.dimension == "all"
        dimension = case((whole, "month"), else_=f.dimension)
        key = case((whole, func.to_char(f.day, "YYYY-MM")), else_=f.key)
        rows = await self._session.execute(
            select(dimension, key, func.sum(f.adjudicated), func.sum(f.denied))
            .where(f.tenant_id == tenant_id, f.day >= start, f.day <= end).group_by(*BY_POSITION[:2]))
        return [AdjudicationFigure(d, k, int(n), int(denied)) for d, k, n, denied in rows.all()]

    async def _denials(self, tenant_id: UUID, start: date, end: date):
        f = denial_figure.c
        day = case((f.dimension.in_(DATED), f.day))
        rows = await self._session.execute(
            select(f.dimension, f.key, day, func.sum(f.denials), func.sum(f.amount))
            .where(f.tenant_id == tenant_id, f.day >= start, f.day <= end).group_by(*BY_POSITION))
        figures, sla, waiting = [], [], []
        for dimension, key, opened_on, n, amount in rows.all():
            if dimension == "sla":
                sla.append((opened_on, date.fromisoformat(key) if key else None, int(n)))
            elif dimension == "waiting":
                waiting.append((opened_on, int(n)))
            else:
                figures.append(DenialFigure(dimension, tuple(json.loads(key)) if dimension in COMPOUND_KEYS else key,
                                            int(n), Decimal(amount)))
        return figures, sla, waiting
