"""The figures denial analytics are computed over, read from the figures the database maintains per
tenant and day, and per month (adapters/analytics_figures.py): the month rows of the period's whole
months and its partial first and last months' day rows (or their month rows less the days outside the
period, when those are fewer), summed per key; of the SLA's
due days only those today or later; of the root causes' CARCs, actions and preventable counts only
those of the causes asked for."""
import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import (Text, bindparam, case, cast, func, literal_column, or_, select, text, type_coerce,
                        union_all)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from services.denials.adapters import analytics_figures
from services.denials.adapters.tables import metadata
from services.denials.domain.analytics import AdjudicationFigure, DenialFigure
from services.denials.domain.queue import SlaFigures

adjudication_figure, denial_figure = analytics_figures.tables(metadata)
adjudication_months, denial_months = analytics_figures.month_tables(metadata, (adjudication_figure, denial_figure))
COMPOUND_KEYS = ("cause", "cause_preventable", "cause_carc", "cause_action")  # JSON arrays
DATED, DETAILS = analytics_figures.DATED, analytics_figures.DETAILS
BY_POSITION = (text("2"), text("3"))  # the grouped expressions hold parameters: grouped by position
VALUES = ("denials", "amount")


@dataclass(frozen=True)
class PeriodFigures:
    adjudications: list[AdjudicationFigure]
    denials: list[DenialFigure]  # but the root causes' CARCs, actions and preventable counts
    sla: SlaFigures


def _among(column, values: tuple[str, ...], *, negate: bool = False):
    """`column [NOT] IN (...)` with the values written into the statement, as a partial index's rows are
    written: the planner can then use that index in any plan, a generic one included."""
    values = bindparam(None, list(values), expanding=True, literal_execute=True)
    return column.not_in(values) if negate else column.in_(values)


def cause_of(key):
    """The cause a `cause*` key names, as the cause indexes compute it (the 3 written into the statement)."""
    return cast(type_coerce(cast(key, JSONB).op("-")(literal_column("3")), JSONB), Text)


class DenialAnalytics:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def figures(self, *, tenant_id: UUID, start: date, end: date, today: date, top: int) -> PeriodFigures:
        """The period's figures (days from `start` to `end`, both included), summed per key, with the
        SLA's unacted and waiting denials due `today` or later per due day, and of the root causes only
        those that can rank among the `top` (`domain.analytics.top_causes` chooses): one statement."""
        result = await self._session.execute(union_all(_adjudications(tenant_id, start, end),
                                                       _denials(tenant_id, start, end, today, top)))
        adjudications, denials, sla, dues = [], [], {}, {dimension: [] for dimension in DATED}
        for source, dimension, key, n, value in result.all():
            if source == "adjudication":
                adjudications.append(AdjudicationFigure(dimension, key, int(n), int(value)))
            elif dimension in DATED:
                dues[dimension].append((date.fromisoformat(key), int(n)))
            elif dimension in ("sla", "waiting"):
                sla[key or dimension] = int(n)
            else:
                denials.append(DenialFigure(dimension, tuple(json.loads(key)) if dimension in COMPOUND_KEYS else key,
                                            int(n), Decimal(value)))
        return PeriodFigures(adjudications, denials, SlaFigures(
            met=sla.get("met", 0), missed=sla.get("missed", 0), unacted=sla.get("unacted", 0),
            waiting=sla.get("waiting", 0), unacted_due=tuple(dues["unacted_due"]), waiting_due=tuple(dues["waiting_due"])))

    async def cause_details(self, *, tenant_id: UUID, start: date, end: date, causes: list[tuple]) -> list[DenialFigure]:
        """The CARCs, actions and preventable counts of these root causes over the period (their day rows:
        a few per cause and day it had denials)."""
        if not causes:
            return []
        d = denial_figure.c
        keys = [cast(cast(list(cause), JSONB), Text) for cause in causes]  # as the database writes them
        result = await self._session.execute(
            select(d.dimension, d.key, func.sum(d.denials)).where(
                d.tenant_id == tenant_id, cause_of(d.key).in_(keys), d.day >= start, d.day <= end,
                _among(d.dimension, DETAILS)).group_by(d.dimension, d.key))
        return [DenialFigure(dimension, tuple(json.loads(key)), int(n), Decimal(0)) for dimension, key, n in result.all()]


def _adjudications(tenant_id: UUID, start: date, end: date):
    """(source, dimension, key, adjudicated, denied): the `all` rows per month of adjudication."""
    rows = _period_rows(adjudication_figure, adjudication_months, tenant_id, start, end, ("adjudicated", "denied"))
    whole = rows.c.dimension == "all"
    dimension = case((whole, "month"), else_=rows.c.dimension)
    key = case((whole, func.to_char(rows.c.day, "YYYY-MM")), else_=rows.c.key)
    return select(literal_column("'adjudication'"), dimension, key, func.sum(rows.c.adjudicated),
                  func.sum(rows.c.denied)).group_by(*BY_POSITION).having(func.sum(rows.c.adjudicated) != 0)


def _denials(tenant_id: UUID, start: date, end: date, today: date, top: int):
    """(source, dimension, key, denials, amount): all but the root causes' details, of the due days only
    today and later, and of the root causes those with fewer than `top` causes before them by amount and
    count (ties kept, so the service's ranking, which breaks them by key, sees every candidate): the
    analytics show the top causes only, and the others were most of the rows sent."""
    d = denial_figure.c
    due = select(d.dimension, d.key, d.day, d.denials, d.amount).where(
        d.tenant_id == tenant_id, _among(d.dimension, DATED), d.key >= today.isoformat(), d.day >= start, d.day <= end)
    rows = _period_rows(denial_figure, denial_months, tenant_id, start, end, VALUES,
                        days_only=(_among(d.dimension, analytics_figures.DAYS_ONLY, negate=True),), also=(due,))
    denials, amount = func.sum(rows.c.denials), func.sum(rows.c.amount)
    summed = select(rows.c.dimension, rows.c.key, denials.label("denials"), amount.label("amount"),
                    func.rank().over(partition_by=rows.c.dimension, order_by=(amount.desc(), denials.desc()))
                    .label("place")).group_by(rows.c.dimension, rows.c.key).having(denials != 0).subquery()
    s = summed.c
    return select(literal_column("'denial'"), s.dimension, s.key, s.denials, s.amount).where(
        or_(s.dimension != "cause", s.place <= top))


def whole_months(start: date, end: date) -> tuple[date, date]:
    """The first day of the first month wholly inside [start, end] and of the month after the last one
    (equal when no month is whole)."""
    first = start if start.day == 1 else _next_month(start)
    after = (end + timedelta(days=1)).replace(day=1)
    return first, max(first, after)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_parts(start: date, end: date) -> tuple[date, date, list[tuple[date, date, int]]]:
    """The month rows [since, until) and the day ranges [since, until) with their sign that sum to the
    days from `start` to `end`: a partial first or last month is its day rows, or, when it reaches the
    month's edge and is the larger part of the month, the month's row less the day rows of the rest."""
    first, after = whole_months(start, end)
    past_end = end + timedelta(days=1)
    months, days = [first, after], []
    if start < min(first, past_end):  # a partial first month
        own = start.replace(day=1)
        if first <= past_end and (start - own) < (first - start):
            months[0], days = own, [(own, start, -1)]
        else:
            days.append((start, min(first, past_end), 1))
    if max(after, start) < past_end:  # a partial last month
        beyond = _next_month(after)
        if (beyond - past_end) < (past_end - after) and first <= after:
            months[1] = beyond
            days.append((past_end, beyond, -1))
        else:
            days.append((max(after, start), past_end, 1))
    return months[0], months[1], days


def _period_rows(days, months, tenant_id: UUID, start: date, end: date, values: tuple[str, ...], *,
                 days_only=(), also=()):
    """The period's figure rows (dimension, key, day, values): its month rows (dated their first day) and
    day rows, taken away where a month row holds days outside the period (`period_parts`), and `also`.
    A key whose rows net to nothing is the grouping's to leave out."""
    month_since, month_until, day_parts = period_parts(start, end)
    d, m = days.c, months.c

    def day_rows(since: date, until: date, sign: int):  # until excluded
        return select(d.dimension, d.key, d.day, *((d[v] if sign > 0 else -d[v]).label(v) for v in values)).where(
            d.tenant_id == tenant_id, d.day >= since, d.day < until, *days_only)

    from_months = select(m.dimension, m.key, m.month.label("day"), *(m[v] for v in values)).where(
        m.tenant_id == tenant_id, m.month >= month_since, m.month < month_until)
    return union_all(from_months, *(day_rows(*part) for part in day_parts), *also).subquery()
