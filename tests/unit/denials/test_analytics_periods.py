"""A period is read as day rows before and after its whole months and month rows between them."""
from datetime import date

import pytest

from services.denials.adapters.analytics_store import whole_months

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
