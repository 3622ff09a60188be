"""A/R aging from figures per day an amount started to age: bucketed at read time, so the same figures
age as the days pass, and days past the last bound can be read collapsed without changing the report."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from services.payments.domain.aging import (
    PATIENT, PAYER, PROVIDER, AgingFigure, OpenItem, aging_from_figures, aging_report, bucket_days, item_figures,
    oldest_distinct_day, read_as,
)

pytestmark = pytest.mark.unit

D = Decimal
TODAY = date(2026, 11, 22)


def _items() -> list[OpenItem]:
    days = lambda n: TODAY - timedelta(days=n)  # noqa: E731
    return [OpenItem("a", "AETNA", "111", D("100.00"), days(5)), OpenItem("b", "AETNA", "222", D("50.00"), days(45)),
            OpenItem("b", PATIENT, "222", D("20.00"), days(10)), OpenItem("c", "BCBS", None, D("30.00"), days(200)),
            OpenItem("d", "BCBS", "111", D("-5.00"), days(400)), OpenItem("e", "BCBS", "111", D("0.00"), days(3))]


def _summed(figures: list[AgingFigure], today: date) -> list[AgingFigure]:
    """What the database read gives: figures summed per dimension, key and the day of its bucket."""
    sums: dict[tuple, list] = {}
    for f in figures:
        row = sums.setdefault((f.dimension, f.key, read_as(f.since, bucket_days(today))), [D(0), 0])
        row[0] += f.amount
        row[1] += f.items
    return [AgingFigure(dimension, key, since, amount, items) for (dimension, key, since), (amount, items) in sums.items()]


def test_summed_and_collapsed_figures_give_the_report_of_the_open_items():
    figures = item_figures(_items())
    assert _summed(figures, TODAY) != figures
    assert aging_from_figures(_summed(figures, TODAY), TODAY, undated=TODAY) == aging_report(_items(), TODAY)


def test_every_day_read_as_its_buckets_day_stays_in_its_bucket():
    days = bucket_days(TODAY)
    assert len(days) == 5 and list(days) == sorted(days, reverse=True)
    for age in range(-3, 400):
        since = TODAY - timedelta(days=age)
        alone = aging_from_figures([AgingFigure(PAYER, "P", since, D("1"), 1)], TODAY, undated=TODAY)
        read = aging_from_figures([AgingFigure(PAYER, "P", read_as(since, days), D("1"), 1)], TODAY, undated=TODAY)
        assert read == alone, age


def test_the_oldest_distinct_day_is_the_first_whose_age_lands_in_the_open_ended_bucket():
    oldest = oldest_distinct_day(TODAY)
    report = aging_from_figures([AgingFigure(PAYER, "P", oldest, D("1"), 1),
                                 AgingFigure(PAYER, "P", oldest + timedelta(days=1), D("2"), 1)], TODAY, undated=TODAY)
    assert report["tenant"]["buckets"]["120+"] == {"amount": D("1"), "count": 1}
    assert report["tenant"]["buckets"]["91-120"] == {"amount": D("2"), "count": 1}


def test_the_same_figures_move_to_older_buckets_as_the_days_pass():
    figures = [AgingFigure(PAYER, "AETNA", TODAY - timedelta(days=20), D("80.00"), 3)]
    assert aging_from_figures(figures, TODAY, undated=TODAY)["tenant"]["buckets"]["0-30"]["count"] == 3
    later = aging_from_figures(figures, TODAY + timedelta(days=50), undated=TODAY)
    assert later["tenant"]["buckets"]["61-90"] == {"amount": D("80.00"), "count": 3}


def test_figures_count_items_and_the_tenant_adds_the_payer_dimension_only():
    figures = [AgingFigure(PAYER, "AETNA", TODAY, D("30.00"), 2), AgingFigure(PAYER, PATIENT, TODAY, D("5.00"), 1),
               AgingFigure(PROVIDER, "111", TODAY, D("35.00"), 3), AgingFigure(PROVIDER, "222", TODAY, D("0.00"), 0)]
    report = aging_from_figures(figures, TODAY, undated=TODAY)
    assert (report["tenant"]["amount"], report["tenant"]["count"]) == (D("35.00"), 3)
    assert set(report["by_payer"]) == {"AETNA", PATIENT} and set(report["by_provider"]) == {"111"}


def test_a_claim_not_yet_submitted_ages_from_the_current_day_not_the_day_asked():
    figures = [AgingFigure(PAYER, "AETNA", None, D("10.00"), 1)]
    report = aging_from_figures(figures, TODAY + timedelta(days=40), undated=TODAY)
    assert report["tenant"]["buckets"]["31-60"]["count"] == 1


def test_an_item_of_zero_is_not_open_and_a_claim_without_npi_is_under_unknown():
    figures = item_figures(_items())
    assert {f.key for f in figures if f.dimension == PROVIDER} == {"111", "222", "unknown"}
    assert len(figures) == 2 * 5
