"""The figures denial analytics are computed over, read from the figures the database maintains per
tenant and day, and per month (adapters/analytics_figures.py): the day rows of the period's partial
first and last months and the month rows of the whole months between, summed per key (the per-day
dimensions from their day rows over the whole period)."""
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import case, func, select, text, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from services.denials.adapters import analytics_figures
from services.denials.adapters.tables import metadata
from services.denials.domain.analytics import AdjudicationFigure, DenialFigure

adjudication_figure, denial_figure = analytics_figures.tables(metadata)
adjudication_months, denial_months = analytics_figures.month_tables(metadata, (adjudication_figure, denial_figure))
COMPOUND_KEYS = ("cause", "cause_preventable", "cause_carc", "cause_action")  # JSON arrays
DATED = analytics_figures.DATED  # read per day opened
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
        rows = _period_rows(adjudication_figure, adjudication_months, tenant_id, start, end, ("adjudicated", "denied"))
        whole = rows.c.dimension == "all"
        dimension = case((whole, "month"), else_=rows.c.dimension)
        key = case((whole, func.to_char(rows.c.day, "YYYY-MM")), else_=rows.c.key)
        result = await self._session.execute(
            select(dimension, key, func.sum(rows.c.adjudicated), func.sum(rows.c.denied)).group_by(*BY_POSITION[:2]))
        return [AdjudicationFigure(d, k, int(n), int(denied)) for d, k, n, denied in result.all()]

    async def _denials(self, tenant_id: UUID, start: date, end: date):
        f, values = denial_figure.c, ("denials", "amount")
        dated = select(f.dimension, f.key, f.day, f.denials, f.amount).where(
            f.tenant_id == tenant_id, f.dimension.in_(DATED), f.day >= start, f.day <= end)
        rows = _period_rows(denial_figure, denial_months, tenant_id, start, end, values, ~f.dimension.in_(DATED),
                            also=(dated,))
        day = case((rows.c.dimension.in_(DATED), rows.c.day))
        result = await self._session.execute(
            select(rows.c.dimension, rows.c.key, day, func.sum(rows.c.denials), func.sum(rows.c.amount))
            .group_by(*BY_POSITION))
        figures, sla, waiting = [], [], []
        for dimension, key, opened_on, n, amount in result.all():
            if dimension == "sla":
                sla.append((opened_on, date.fromisoformat(key) if key else None, int(n)))
            elif dimension == "waiting":
                waiting.append((opened_on, int(n)))
            else:
                figures.append(DenialFigure(dimension, tuple(json.loads(key)) if dimension in COMPOUND_KEYS else key,
                                            int(n), Decimal(amount)))
        return figures, sla, waiting


def whole_months(start: date, end: date) -> tuple[date, date]:
    """The first day of the first month wholly inside [start, end] and of the month after the last one
    (equal when no month is whole)."""
    first = start if start.day == 1 else (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = (end + timedelta(days=1)).replace(day=1)
    return first, max(first, after)


def _period_rows(days, months, tenant_id: UUID, start: date, end: date, values: tuple[str, ...], *only, also=()):
    """The period's figure rows (dimension, key, day, values): the day rows before and after its whole
    months (two ranges of the index), the month rows of those (dated their first day), and `also`."""
    first, after = whole_months(start, end)
    d, m = days.c, months.c

    def day_rows(since: date, until: date):  # until excluded
        return select(d.dimension, d.key, d.day, *(d[v] for v in values)).where(
            d.tenant_id == tenant_id, d.day >= since, d.day < until, *only)

    from_months = select(m.dimension, m.key, m.month.label("day"), *(m[v] for v in values)).where(
        m.tenant_id == tenant_id, m.month >= first, m.month < after)
    past_end = end + timedelta(days=1)
    return union_all(day_rows(start, min(first, past_end)), from_months, day_rows(max(after, start), past_end),
                     *also).subquery()
