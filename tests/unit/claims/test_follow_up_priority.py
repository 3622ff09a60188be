"""The queue's priority is the exact figure amount x (30 + days overdue) / 30 rounded to the cent, half to the
even cent, for every number of days: the claims store ranks with the same figure computed in SQL."""
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest

from services.claims.domain.follow_up import QueueItem, priority

pytestmark = pytest.mark.unit
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def _exact_cents(cents: int, overdue: int) -> int:
    """The exact figure in cents, rounded half to even, in integers."""
    whole, rest = divmod(Fraction(cents * (30 + overdue), 30), 1)
    return int(whole) + (rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1))


def test_every_priority_is_the_exact_figure_rounded_half_to_even():
    halves = 0
    for overdue in range(0, 400):
        for cents in (*range(1, 240), 4_999_999, 99_999_999_999, 123_456_789_01):
            item = QueueItem("c", Decimal(cents).scaleb(-2), NOW - timedelta(days=30 + overdue), 30, None)
            assert priority(item, NOW) == Decimal(_exact_cents(cents, overdue)).scaleb(-2), (cents, overdue)
            halves += cents * (30 + overdue) % 30 == 15
    assert halves > 1000  # half cents on every residue of the days: 0.21 five days overdue is 0.245 -> 0.24


def test_a_claim_not_yet_overdue_weighs_its_amount():
    young = QueueItem("c", Decimal("10.05"), NOW - timedelta(days=3), 30, None)
    assert priority(young, NOW) == Decimal("10.05")
