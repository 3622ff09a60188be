"""The reads of A/R aging, A/R KPIs and the dashboard's payments figures, over the maintained balances
(adapters/balances.py), the maintained aging figures (adapters/aging_figures.py) and the maintained daily
figures (adapters/period_figures.py): each reads the tenant's totals, or one row per day (and key) of the
period or of its open A/R, never the ledger's history nor every open claim."""
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from uuid import UUID

from sqlalchemy import case, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import in_array
from services.payments.adapters import aging_figures, ops_figures, period_figures
from services.payments.adapters.tables import BilledClaim, SuspenseItem, TenantAccountBalance, metadata
from services.payments.domain import ledger
from services.payments.domain.aging import AgingFigure

daily_flow, daily_charge = period_figures.tables(metadata)
aging_figure, aging_member = aging_figures.tables(metadata)
balances_all, submitted_charge_day = ops_figures.tables(metadata, TenantAccountBalance.__table__,
                                                          BilledClaim.__table__)
open_suspense, open_suspense_all = ops_figures.suspense_count_tables(metadata, SuspenseItem.__table__)


class PaymentReports:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def aging_figures(self, tenant_id: UUID, *, basis: str, undated: date,
                            read_days: tuple[date, ...]) -> list[AgingFigure]:
        """The tenant's open A/R per dimension, key and bucket on one basis: each day read as the first of
        `read_days` (newest first) not after it (domain.aging.read_as), undated figures as `undated`."""
        day = func.coalesce(aging_figure.c.since, undated)
        since = case(*((day >= read_day, read_day) for read_day in read_days[:-1]), else_=read_days[-1])
        rows = await self._session.execute(
            select(aging_figure.c.dimension, aging_figure.c.key, since, func.sum(aging_figure.c.amount),
                   func.sum(aging_figure.c["items"]))
            .where(aging_figure.c.tenant_id == tenant_id, aging_figure.c.basis == basis)
            .group_by(text("1"), text("2"), text("3")))  # by position: the day's expression holds parameters
        return [AgingFigure(dimension, key, day, Decimal(amount), int(items))
                for dimension, key, day, amount, items in rows.all()]

    async def open_totals(self, tenant_id: UUID) -> tuple[Decimal, Decimal]:
        """The tenant's open insurance and patient A/R: its maintained totals of the two A/R accounts, two rows
        however many claims are open (every A/R entry names its claim, so they are the open claims'
        balances added up)."""
        totals = dict((await self._session.execute(
            select(TenantAccountBalance.account, TenantAccountBalance.amount)
            .where(TenantAccountBalance.tenant_id == tenant_id,
                   in_array(TenantAccountBalance.account, (ledger.INSURANCE_AR, ledger.PATIENT_AR))))).all())
        return Decimal(totals.get(ledger.INSURANCE_AR, 0)), Decimal(totals.get(ledger.PATIENT_AR, 0))

    async def period_charges(self, tenant_id: UUID, since: date) -> tuple[Decimal, dict[int, int]]:
        """Charges of the claims submitted on or after a UTC day, and how many had each billing lag."""
        rows = (await self._session.execute(
            select(daily_charge.c.lag_days, func.sum(daily_charge.c.claims), func.sum(daily_charge.c.charges))
            .where(daily_charge.c.tenant_id == tenant_id, daily_charge.c.day >= since)
            .group_by(daily_charge.c.lag_days))).all()
        charges = sum((Decimal(amount) for _, _, amount in rows), Decimal("0.00"))
        return charges, {lag: int(n) for lag, n, _ in rows if lag is not None and n}

    async def period_flows(self, tenant_id: UUID, since: date, accounts: list[str]) -> dict[str, Decimal]:
        """Each account's postings of the tenant on or after a UTC day."""
        rows = await self._session.execute(
            select(daily_flow.c.account, func.sum(daily_flow.c.amount))
            .where(daily_flow.c.tenant_id == tenant_id, daily_flow.c.day >= since,
                   in_array(daily_flow.c.account, accounts))
            .group_by(daily_flow.c.account))
        return {account: Decimal(amount) for account, amount in rows.all()}

    async def dashboard(self, tenant_id: UUID | None, since: datetime) -> tuple[dict, Decimal, int]:
        """Account balances, charges submitted since a moment, open suspense items: one tenant or all."""
        if tenant_id is None:
            return await self._ops_dashboard(since)
        balances = dict((await self._session.execute(
            select(TenantAccountBalance.account, func.sum(TenantAccountBalance.amount))
            .where(TenantAccountBalance.tenant_id == tenant_id).group_by(TenantAccountBalance.account))).all())
        recent = (await self._session.execute(
            select(func.coalesce(func.sum(BilledClaim.total_charge), 0))
            .where(BilledClaim.tenant_id == tenant_id, BilledClaim.submitted_at >= since))).scalar_one()
        return balances, recent, await self._open_suspense(tenant_id)

    async def _ops_dashboard(self, since: datetime) -> tuple[dict, Decimal, int]:
        """Every tenant's figures from the maintained rollups (adapters/ops_figures.py): the balances per
        account, and the charges of `since`'s own UTC day from the claims, of the days after it from the
        day rows."""
        balances = dict((await self._session.execute(
            select(balances_all.c.account, balances_all.c.amount).order_by(balances_all.c.account))).all())
        next_day = since.astimezone(timezone.utc).date() + timedelta(days=1)
        edge = select(BilledClaim.total_charge.label("charge")).where(
            BilledClaim.submitted_at >= since,
            BilledClaim.submitted_at < datetime.combine(next_day, time.min, tzinfo=timezone.utc))
        days = select(submitted_charge_day.c.total_charge).where(submitted_charge_day.c.day >= next_day)
        charges = edge.union_all(days).subquery()
        recent = (await self._session.execute(select(func.coalesce(func.sum(charges.c.charge), 0)))).scalar_one()
        return balances, recent, await self._open_suspense(None)

    async def _open_suspense(self, tenant_id: UUID | None) -> int:
        """From the maintained counts (adapters/ops_figures.py): one row, however many items wait."""
        if tenant_id is None:
            count = select(open_suspense_all.c.source_rows)
        else:
            count = select(open_suspense.c.source_rows).where(open_suspense.c.tenant_id == tenant_id)
        return (await self._session.execute(count)).scalar_one_or_none() or 0
