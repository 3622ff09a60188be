"""The follow-up queue's priority and the submission lag KPI."""
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from services.claims.domain.follow_up import QueueItem, prioritize, priority, submission_lag, suggested_action

pytestmark = pytest.mark.unit
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def item(claim_id: str, amount: str, age_days: int, expected: int = 30, next_action_on: date | None = None):
    return QueueItem(claim_id, Decimal(amount), NOW - timedelta(days=age_days), expected, next_action_on)


def test_only_claims_past_their_payers_expected_days_are_queued():
    items = [item("young", "5000", 29), item("due", "10", 30), item("medicaid", "100", 40, expected=45)]
    assert [i.claim_id for i in prioritize(items, NOW)] == ["due"]


def test_amount_and_age_both_raise_priority():
    items = [item("small-old", "100", 90), item("large-new", "1000", 31), item("mid", "300", 60)]
    assert [i.claim_id for i in prioritize(items, NOW)] == ["large-new", "mid", "small-old"]
    assert priority(item("x", "100", 60), NOW) == Decimal("200.00")  # a month overdue doubles the weight
    assert priority(item("x", "100", 30), NOW) == Decimal("100.00")


def test_ties_go_to_the_oldest_and_snoozed_claims_hide_when_asked():
    a, b = item("a", "100", 40), item("b", "100", 40)
    assert [i.claim_id for i in prioritize([b, a], NOW)] == ["a", "b"]
    snoozed = item("later", "900", 50, next_action_on=date(2026, 11, 30))
    today = item("today", "10", 50, next_action_on=date(2026, 11, 22))
    assert [i.claim_id for i in prioritize([snoozed, today], NOW)] == ["later", "today"]
    assert [i.claim_id for i in prioritize([snoozed, today], NOW, due_only=True)] == ["today"]


def test_submission_lag_statistics():
    sent = lambda days_after: datetime(2026, 11, 1 + days_after, 8, tzinfo=timezone.utc)  # noqa: E731
    pairs = [(date(2026, 11, 1), sent(d)) for d in (0, 1, 2, 3, 10)]
    assert submission_lag(pairs) == {"claims": 5, "mean_days": "3.2", "median_days": "2", "p90_days": 10,
                                     "max_days": 10}
    assert submission_lag([])["claims"] == 0 and submission_lag([])["mean_days"] is None
    assert submission_lag([(date(2026, 11, 5), sent(0))])["max_days"] == 0  # a date of service after sending


def test_the_suggested_action_follows_the_payers_last_word():
    assert "835" in suggested_action("paid", {"event": "status_finalized"})
    assert "pending" in suggested_action("accepted", {"event": "status_pending"})
    assert "call the payer" in suggested_action("accepted", {"event": "status_inquiry_error"})
    assert "276" in suggested_action("submitted", None)
