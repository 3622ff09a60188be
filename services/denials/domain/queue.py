"""Work-queue arithmetic: appeal deadlines, priority, and the SLA "act on 95% of denials within 10
business days". Business days skip Saturdays and Sundays only; holidays are not modelled."""
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from shared.money import to_money

SLA_BUSINESS_DAYS = 10
WORKABLE = ("open", "appealed", "appeal_lost", "corrected")  # a denial someone can still act on
SLA_TARGET = Decimal("0.95")
AT_RISK_BUSINESS_DAYS = 2

RECOVERABILITY = {
    "missing_information": Decimal("0.90"), "coding": Decimal("0.85"), "eligibility_registration": Decimal("0.75"),
    "coordination_of_benefits": Decimal("0.75"), "bundling_ncci": Decimal("0.60"), "authorization": Decimal("0.55"),
    "medical_necessity": Decimal("0.50"), "non_covered": Decimal("0.30"), "timely_filing": Decimal("0.20"),
    "duplicate": Decimal("0.10"), "contractual": Decimal("0.05"), "patient_responsibility": Decimal("0.50"),
    "unknown": Decimal("0.50"),
}
"""Share of denied dollars typically recovered per category: industry rules of thumb, tune per tenant."""
VALUE_CAP = Decimal("1000")  # expected recovery at which the value half saturates
URGENCY_WINDOW_DAYS = 60  # the urgency half starts rising 60 days before the appeal deadline
VALUE_WEIGHT, URGENCY_WEIGHT = 60, 40


def appeal_deadline(denied_on: date, payer_appeal_days: int) -> date:
    """Payers count appeal limits in calendar days from the denial (the remittance date)."""
    if payer_appeal_days <= 0:
        raise ValueError("payer appeal days must be positive")
    return denied_on + timedelta(days=payer_appeal_days)


def priority_score(amount: Decimal, category: str, days_left: int) -> int:
    """0..100 = 60 x value + 40 x urgency, rounded half up, where
    value   = min(1, amount x recoverability(category) / $1,000)   (expected dollars back)
    urgency = min(1, max(0, (60 - days_left) / 60))                 (1 at or past the deadline).
    """
    recoverable = to_money(amount) * RECOVERABILITY.get(category, RECOVERABILITY["unknown"])
    value = min(Decimal(1), max(Decimal(0), recoverable / VALUE_CAP))
    urgency = min(Decimal(1), max(Decimal(0), Decimal(URGENCY_WINDOW_DAYS - days_left) / URGENCY_WINDOW_DAYS))
    score = VALUE_WEIGHT * value + URGENCY_WEIGHT * urgency
    return int(score.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_business_days(start: date, days: int) -> date:
    current, remaining = start, days
    while remaining > 0:
        current += timedelta(days=1)
        remaining -= current.weekday() < 5
    return current


def business_days_between(start: date, end: date) -> int:
    """Weekdays in (start, end]; negative when end is before start."""
    if end < start:
        return -business_days_between(end, start)
    weeks, extra = divmod((end - start).days, 7)
    tail = sum((start + timedelta(days=offset)).weekday() < 5 for offset in range(1, extra + 1))
    return weeks * 5 + tail


@lru_cache(maxsize=4096)  # a queue page asks it for every denial it shows
def sla_due(opened_on: date) -> date:
    """The day by which someone must act on the denial: 10 business days after it opened."""
    return add_business_days(opened_on, SLA_BUSINESS_DAYS)


def breach_risk(opened_on: date, today: date) -> str:
    """'breached' after the due day, 'at_risk' with two business days or fewer left, else 'ok'."""
    return due_risk(sla_due(opened_on), today)


def due_risk(due: date, today: date) -> str:
    """The breach risk of a denial no one acted on yet, from its due day."""
    if today > due:
        return "breached"
    return "at_risk" if business_days_between(today, due) <= AT_RISK_BUSINESS_DAYS else "ok"


def _share(met: int, counted: int) -> Decimal | None:
    return (Decimal(met) / counted).quantize(Decimal("0.0001")) if counted else None


def sla_attainment(denials: Iterable[tuple[date, date | None, int]], today: date) -> Decimal | None:
    """Share of denials acted on within the SLA, over (due on, acted on, how many); ones still open and
    not yet due are left out (they can still make it). None when nothing counts yet."""
    counted = met = 0
    for due, acted_on, n in denials:
        if acted_on is None and today <= due:
            continue
        counted += n
        met += n if acted_on is not None and acted_on <= due else 0
    return _share(met, counted)


def meets_sla(attainment: Decimal | None) -> bool:
    return attainment is None or attainment >= SLA_TARGET


def _summary(attainment: Decimal | None, risks: Counter) -> dict:
    return {"target": str(SLA_TARGET), "business_days": SLA_BUSINESS_DAYS,
            "attainment": None if attainment is None else str(attainment), "meets_target": meets_sla(attainment),
            "waiting": sum(risks.values()), "at_risk": risks["at_risk"], "breached": risks["breached"]}


def sla_summary(denials: Iterable[tuple[date, date | None, int]], waiting: Iterable[tuple[date, int]],
                today: date) -> dict:
    """The SLA of a period's denials, from the denials themselves: attainment over (due on, first acted
    on, how many), and the ones still waiting for an action (due on, how many) by how near their due day is."""
    risks: Counter = Counter()
    for due, n in waiting:
        risks[due_risk(due, today)] += n
    return _summary(sla_attainment(denials, today), risks)


@dataclass(frozen=True)
class SlaFigures:
    """A period's denials by SLA verdict, as counts the database keeps: acted on by their due day (`met`),
    after it (`missed`), not yet (`unacted`, of which `waiting` can still be worked), and, per due day,
    the unacted and waiting ones due today or later (`unacted_due`, `waiting_due`): only their verdict
    still moves with the calendar, so only they are read per day."""

    met: int = 0
    missed: int = 0
    unacted: int = 0
    waiting: int = 0
    unacted_due: tuple[tuple[date, int], ...] = ()
    waiting_due: tuple[tuple[date, int], ...] = ()


def sla_from_figures(figures: SlaFigures, today: date) -> dict:
    """What `sla_summary` gives for the same denials: an unacted denial past its due day is missed
    whatever happens next, one due today or later is left out; a waiting one is breached past its due day."""
    pending = sum(n for due, n in figures.unacted_due if today <= due)
    risks = Counter({"breached": figures.waiting - sum(n for due, n in figures.waiting_due if today <= due)})
    for due, n in figures.waiting_due:
        if today <= due:
            risks[due_risk(due, today)] += n
    return _summary(_share(figures.met, figures.met + figures.missed + figures.unacted - pending), risks)
