"""A/R aging and KPIs: buckets by payer, tenant and provider; days in A/R; billing lag.

Insurance A/R ages from the day the claim was submitted (when the payer's clock starts), or from the
date of service on request; patient A/R ages from the day the payer assessed the responsibility.
"""
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from shared.money import ZERO

BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("0-30", 30), ("31-60", 60), ("61-90", 90), ("91-120", 120), ("120+", None))
PATIENT = "patient"  # the payer column for patient responsibility


@dataclass(frozen=True)
class OpenItem:
    """One claim's open balance with one party: the payer (insurance A/R) or the patient."""

    claim_id: str
    payer_id: str  # PATIENT for patient responsibility
    provider_npi: str | None
    amount: Decimal
    since: date


def bucket_for(age_days: int) -> str:
    for name, upper in BUCKETS:
        if upper is None or age_days <= upper:
            return name
    raise AssertionError("unreachable: the last bucket is open-ended")


def empty_buckets() -> dict[str, dict]:
    return {name: {"amount": ZERO, "count": 0} for name, _ in BUCKETS}


def _add(table: dict[str, dict], key: str, bucket: str, amount: Decimal) -> None:
    row = table.setdefault(key, {"buckets": empty_buckets(), "amount": ZERO, "count": 0})
    row["buckets"][bucket]["amount"] += amount
    row["buckets"][bucket]["count"] += 1
    row["amount"] += amount
    row["count"] += 1


def aging_report(items: list[OpenItem], today: date) -> dict:
    """Dollars and counts per bucket for the tenant, per payer (and patient), per rendering provider."""
    tenant: dict[str, dict] = {}
    by_payer: dict[str, dict] = {}
    by_provider: dict[str, dict] = {}
    for item in items:
        if item.amount == 0:
            continue
        bucket = bucket_for(max((today - item.since).days, 0))
        _add(tenant, "all", bucket, item.amount)
        _add(by_payer, item.payer_id, bucket, item.amount)
        _add(by_provider, item.provider_npi or "unknown", bucket, item.amount)
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
