"""A period is read as month rows and day rows: its partial first and last months as their day rows, or
as their month rows less the day rows outside the period when those are fewer."""
import random
from datetime import date, timedelta

import pytest

from services.denials.adapters.analytics_store import period_parts, whole_months

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("start, end, months", [
    (date(2026, 1, 1), date(2026, 1, 31), (date(2026, 1, 1), date(2026, 2, 1))),
    (date(2025, 12, 2), date(2026, 12, 2), (date(2026, 1, 1), date(2026, 12, 1))),
    (date(2026, 3, 3), date(2026, 3, 20), (date(2026, 4, 1), date(2026, 4, 1))),  # none whole
    (date(2026, 3, 31), date(2026, 4, 29), (date(2026, 4, 1), date(2026, 4, 1))),
    (date(2026, 2, 1), date(2026, 2, 28), (date(2026, 2, 1), date(2026, 3, 1))),
    (date(2024, 1, 31), date(2024, 3, 1), (date(2024, 2, 1), date(2024, 3, 1))),  # a leap February
    (date(2026, 12, 15), date(2027, 1, 31), (date(2027, 1, 1), date(2027, 2, 1))),
])
def test_the_whole_months_of_a_period(start, end, months):
    assert whole_months(start, end) == months


def _days_counted(start: date, end: date) -> dict[date, int]:
    """How many times each day is counted by the month rows and the signed day ranges of the period."""
    since, until, parts = period_parts(start, end)
    counted: dict[date, int] = {}
    month = since
    while month < until:
        following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        for offset in range((following - month).days):
            counted[month + timedelta(days=offset)] = counted.get(month + timedelta(days=offset), 0) + 1
        month = following
    for first, after, sign in parts:
        for offset in range((after - first).days):
            counted[first + timedelta(days=offset)] = counted.get(first + timedelta(days=offset), 0) + sign
    return counted


@pytest.mark.parametrize("seed", range(30))
def test_the_month_rows_less_the_days_outside_count_each_day_of_the_period_once(seed):
    rng = random.Random(seed)
    for _ in range(100):
        start = date(2024, 1, 1) + timedelta(days=rng.randint(0, 800))
        end = start + timedelta(days=rng.choice((0, 1, 5, 27, 30, 31, 45, 200, 365, rng.randint(0, 900))))
        counted = _days_counted(start, end)
        assert {day for day, n in counted.items() if n} == {start + timedelta(days=k) for k in range((end - start).days + 1)}
        assert set(counted.values()) <= {0, 1}, (start, end)


def test_a_partial_month_mostly_inside_the_period_is_its_month_row_less_the_days_outside():
    assert period_parts(date(2025, 12, 3), date(2026, 12, 3)) == (
        date(2025, 12, 1), date(2026, 12, 1),
        [(date(2025, 12, 1), date(2025, 12, 3), -1), (date(2026, 12, 1), date(2026, 12, 4), 1)])
    assert period_parts(date(2026, 3, 3), date(2026, 3, 20)) == (date(2026, 4, 1), date(2026, 4, 1),
                                                                [(date(2026, 3, 3), date(2026, 3, 21), 1)])
    assert period_parts(date(2026, 1, 20), date(2026, 3, 29)) == (
        date(2026, 2, 1), date(2026, 4, 1), [(date(2026, 1, 20), date(2026, 2, 1), 1), (date(2026, 3, 30), date(2026, 4, 1), -1)])
