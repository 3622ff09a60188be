"""The follow-up work queue's rules and the date-of-service-to-submission lag KPI. Pure functions."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from statistics import median

# A claim's weight grows with its age past the payer's expected days: a month overdue doubles it.
AGE_WEIGHT_DAYS = Decimal(30)
CENT = Decimal("0.01")
# Sent, and answered at most by a 277 (paid or denied there, the 835 missing): still owed a remittance.
AWAITING_STATUSES = ("submitted", "accepted", "paid", "partial", "denied")


@dataclass(frozen=True)
class QueueItem:
    claim_id: str
    amount: Decimal
    submitted_at: datetime
    expected_days: int
    next_action_on: date | None

    def age_days(self, now: datetime) -> int:
        return (now - self.submitted_at).days

    def days_overdue(self, now: datetime) -> int:
        return self.age_days(now) - self.expected_days


def is_overdue(*, submitted_at: datetime, expected_days: int, now: datetime) -> bool:
    return now >= submitted_at + timedelta(days=expected_days)


def priority(item: QueueItem, now: datetime) -> Decimal:
    """Amount at stake, weighted by how long it is overdue: large old claims first. amount x (1 + overdue / 30)
    is computed as amount x (30 + overdue) / 30, whose one inexact step cannot cross a half cent, so a figure
    exactly on a half cent goes to the even cent whatever the days (the claims store ranks with the same
    figure in SQL)."""
    overdue = max(item.days_overdue(now), 0)
    return (item.amount * (AGE_WEIGHT_DAYS + overdue) / AGE_WEIGHT_DAYS).quantize(CENT, rounding=ROUND_HALF_EVEN)


def prioritize(items: list[QueueItem], now: datetime, *, due_only: bool = False) -> list[QueueItem]:
    """Overdue claims by priority (then oldest first); `due_only` hides those snoozed to a later date."""
    today = now.date()
    chosen = [i for i in items if is_overdue(submitted_at=i.submitted_at, expected_days=i.expected_days, now=now)
              and not (due_only and i.next_action_on and i.next_action_on > today)]
    return sorted(chosen, key=lambda i: (-priority(i, now), i.submitted_at, i.claim_id))


def submission_lag(pairs: list[tuple[date, datetime]]) -> dict:
    """Days from the date of service to the first submission: count, mean, median, 90th percentile, max."""
    lags = sorted(max((submitted.date() - service).days, 0) for service, submitted in pairs)
    if not lags:
        return {"claims": 0, "mean_days": None, "median_days": None, "p90_days": None, "max_days": None}
    p90 = lags[min(len(lags) - 1, -(-len(lags) * 9 // 10) - 1)]  # nearest-rank percentile
    mean = (Decimal(sum(lags)) / len(lags)).quantize(Decimal("0.1"))
    return {"claims": len(lags), "mean_days": str(mean), "median_days": str(Decimal(str(median(lags)))),
            "p90_days": p90, "max_days": lags[-1]}


def suggested_action(status: str, last_payer_status: dict | None) -> str:
    """What a biller does next with an overdue claim, from what the payer last said."""
    event = (last_payer_status or {}).get("event")
    if status in ("paid", "denied") or event == "status_finalized":
        return "request the remittance (835): the payer reports the claim finalized"
    if event == "status_pending":
        return "wait for adjudication; the payer reports the claim pending"
    if event in ("status_inquiry_error", "status_unreadable", "status_unrecognized"):
        return "call the payer: the status inquiry got no usable answer"
    return "status inquiry (276) scheduled"
