"""Work-queue arithmetic: appeal deadlines, priority, and the SLA 'act on 95% within 10 business days'."""
from datetime import date, timedelta
from decimal import Decimal

RECOVERABILITY = {
    "authorization": 0.6, "coding": 0.8, "medical_necessity": 0.5, "timely_filing": 0.2, "duplicate": 0.1,
    "bundling_ncci": 0.6, "missing_information": 0.9, "non_covered": 0.3, "coordination_of_benefits": 0.7,
    "eligibility_registration": 0.7, "unknown": 0.5,
}
SLA_BUSINESS_DAYS = 10


def appeal_deadline(denied_on: date, payer_appeal_days: int) -> date:
    return denied_on + timedelta(days=payer_appeal_days)


def add_business_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def business_days_between(start: date, end: date) -> int:
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        days += current.weekday() < 5
    return days


def sla_due(opened_on: date) -> date:
    return add_business_days(opened_on, SLA_BUSINESS_DAYS)


def breach_risk(opened_on: date, today: date) -> str:
    due = sla_due(opened_on)
    if today > due:
        return "breached"
    return "at_risk" if business_days_between(today, due) <= 2 else "ok"


def priority_score(amount: Decimal, category: str, days_left: int) -> int:
    """0..100: half expected recovery (amount x recoverability, saturating at $1,000), half urgency."""
    expected = float(amount) * RECOVERABILITY.get(category, 0.5)
    value_part = min(expected / 1000.0, 1.0) * 50
    urgency_part = max(0.0, min(1.0, (90 - max(days_left, 0)) / 90)) * 50
    return round(value_part + urgency_part)
