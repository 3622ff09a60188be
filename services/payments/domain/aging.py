"""A/R aging and KPIs: buckets by payer, tenant and provider; days in A/R; billing lag.

Insurance A/R ages from the day the claim was submitted (when the payer's clock starts), or from the
date of service on request; patient A/R ages from the day the payer assessed the responsibility.

The report is built from figures: open amounts and item counts summed per dimension (payer or
provider), key and the day they started to age. A claim's age grows daily but the day it started
to age does not, so the figures can be kept per day and bucketed at read time, read collapsed to one day
per bucket (`bucket_days`).
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from shared.money import ZERO

BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("0-30", 30), ("31-60", 60), ("61-90", 90), ("91-120", 120), ("120+", None))
PATIENT = "patient"  # the payer column for patient responsibility
UNKNOWN_PROVIDER = "unknown"  # the provider column of claims without a rendering NPI
PAYER, PROVIDER = "payer", "provider"  # the dimensions of the figures


@dataclass(frozen=True)
class OpenItem:
    """One claim's open balance with one party: the payer (insurance A/R) or the patient."""

    claim_id: str
    payer_id: str  # PATIENT for patient responsibility
    provider_npi: str | None
    amount: Decimal
    since: date


@dataclass(frozen=True)
class AgingFigure:
    """Open amounts of `items` open items under one key (a payer or a provider) that started to age on
    `since` (None: not yet submitted, so aging from the day asked)."""

    dimension: str  # PAYER or PROVIDER
    key: str
    since: date | None
    amount: Decimal
    items: int


def bucket_for(age_days: int) -> str:
    for name, upper in BUCKETS:
        if upper is None or age_days <= upper:
            return name
    raise AssertionError("unreachable: the last bucket is open-ended")


def empty_buckets() -> dict[str, dict]:
    return {name: {"amount": ZERO, "count": 0} for name, _ in BUCKETS}


def oldest_distinct_day(today: date) -> date:
    """Days before this one all fall in the open-ended bucket: figures can be read collapsed to it."""
    last_bound = max(upper for _, upper in BUCKETS if upper is not None)
    return today - timedelta(days=last_bound + 1)


def bucket_days(today: date) -> tuple[date, ...]:
    """One day per bucket, newest first, each in its own bucket as of `today`: a figure read as the first of
    these that is not after its own day stays in its bucket, so the figures can be read one row per key and
    bucket instead of one per day."""
    return (*(today - timedelta(days=upper) for _, upper in BUCKETS if upper is not None), oldest_distinct_day(today))


def read_as(since: date, days: tuple[date, ...]) -> date:
    """The day of `bucket_days` a figure of `since` is read as (what the database read computes)."""
    return next((day for day in days if since >= day), days[-1])


def _add(table: dict[str, dict], key: str, bucket: str, amount: Decimal, count: int) -> None:
    row = table.setdefault(key, {"buckets": empty_buckets(), "amount": ZERO, "count": 0})
    row["buckets"][bucket]["amount"] += amount
    row["buckets"][bucket]["count"] += count
    row["amount"] += amount
    row["count"] += count


def item_figures(items: Iterable[OpenItem]) -> list[AgingFigure]:
    """Each open item as one figure per dimension (an item of zero is not open)."""
    return [figure for item in items if item.amount != 0 for figure in (
        AgingFigure(PAYER, item.payer_id, item.since, item.amount, 1),
        AgingFigure(PROVIDER, item.provider_npi or UNKNOWN_PROVIDER, item.since, item.amount, 1))]


def aging_report(items: list[OpenItem], today: date) -> dict:
    """Dollars and counts per bucket for the tenant, per payer (and patient), per rendering provider."""
    return aging_from_figures(item_figures(items), today, undated=today)


def aging_from_figures(figures: Iterable[AgingFigure], today: date, *, undated: date) -> dict:
    """The report over figures, bucketed as of `today`; figures without a day age from `undated` (the
    current day: they are not submitted yet). Every item is under one payer key, so the payer figures
    add up to the tenant's."""
    tenant: dict[str, dict] = {}
    by_dimension: dict[str, dict[str, dict]] = {PAYER: {}, PROVIDER: {}}
    for figure in figures:
        if figure.items == 0:
            continue
        bucket = bucket_for(max((today - (figure.since or undated)).days, 0))
        if figure.dimension == PAYER:
            _add(tenant, "all", bucket, figure.amount, figure.items)
        _add(by_dimension[figure.dimension], figure.key, bucket, figure.amount, figure.items)
    by_payer, by_provider = by_dimension[PAYER], by_dimension[PROVIDER]
    empty = {"buckets": empty_buckets(), "amount": ZERO, "count": 0}
    return {"as_of": today, "buckets": [name for name, _ in BUCKETS], "tenant": tenant.get("all", empty),
            "by_payer": dict(sorted(by_payer.items())), "by_provider": dict(sorted(by_provider.items()))}


def days_in_ar(total_ar: Decimal, charges_in_period: Decimal, period_days: int) -> Decimal | None:
    """Total A/R divided by the average daily charges of the period; None when nothing was charged."""
    if period_days <= 0 or charges_in_period <= 0:
        return None
    daily = charges_in_period / period_days
    return (total_ar / daily).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def billing_lag(pairs: list[tuple[date, date]]) -> dict:
    """Days from date of service to submission: average and median over (service date, submitted date)."""
    return lag_summary([(submitted - served).days for served, submitted in pairs])


def lag_summary(lags: list[int]) -> dict:
    """Count, average, median and longest of billing lags in days."""
    if not lags:
        return {"claims": 0, "average_days": None, "median_days": None, "max_days": None}
    average = (Decimal(sum(lags)) / len(lags)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {"claims": len(lags), "average_days": average, "median_days": Decimal(str(median(lags))),
            "max_days": max(lags)}


def net_collection_rate(payments: Decimal, charges: Decimal, contractual: Decimal) -> Decimal | None:
    """Payments (payer and patient) as a percentage of what was collectible: charges less contractual."""
    collectible = charges - contractual
    if collectible <= 0:
        return None
    return (payments * 100 / collectible).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
