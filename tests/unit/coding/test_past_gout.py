"""Gout whose attacks stopped years ago, with no drug for it taken now, is its personal history Z87.39; gout a drug
keeps quiet, a recent or active gout, a relative's or a denied one stays out of it."""
import pytest

from services.coding.domain.past_gout import past_gout
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Gout of the right first MTP in 2016, no attacks since, never took allopurinol.",
    "Hx of gout, none in 7 yrs, not on allopurinol.",
    "Gouty arthritis many years ago, no recurrence, no urate-lowering therapy.",
    "Gout in the past; quiet over 10 years, off all meds.",
    "Gout (inactive) - last flare 2014.",
    "Podagra in 2018, settled with colchicine, none since.",
    # the end stated as the next clause's opening words
    "Gout of the left ankle in 2019; uric acid normal on diet, no flares since.",
    "A/P: 1. HTN - continue lisinopril. 2. Gout 2017 - resolved, no flares since, off febuxostat.",
])
def test_gout_over_for_years_with_no_drug_now_is_personal_history(tabular, note):
    out, reasons = past_gout([], note, tabular)
    assert codes(out) == ["Z87.39"] and out[0].context == "history" and out[0].convention == "past-gout"
    assert reasons


def test_the_gout_code_read_on_the_same_words_gives_way(tabular):
    note = "Gout of the R great toe 2015, no flares since, off allopurinol."
    out, _ = past_gout(found(note, ("M10.071", "Gout of the R great toe")), note, tabular)
    assert codes(out) == ["Z87.39"]


def test_a_later_history_item_of_the_same_past_gout_is_read_with_it(tabular):
    note = "Gout 2012, no flares since, off meds. A/P: 1. Hx gout - nothing to do."
    out, _ = past_gout([], note, tabular)
    assert codes(out) == ["Z87.39", "Z87.39"]


@pytest.mark.parametrize("note", [
    # kept quiet by a drug taken now
    "Gout - on allopurinol 300 mg, no flares x 4 yrs.",
    "Gout, quiescent on long-term febuxostat, no flare since 2022.",
    "Hx of gout, no flares since 2019; continue allopurinol.",
    "Gout - no flares on allopurinol since 2020.",
    "Gout 2018, no flares since allopurinol was started.",
    # quiet for only a year, or just over
    "Gout, no flares x 1 yr.",
    "Gout flare last week, resolved with colchicine.",
    "Gout - inactive.",
    # active, tophaceous, chronic
    "Chronic tophaceous gout, no flares since 2021.",
    "Gout flare today, none before since 2018.",
    # a relative's, or denied
    "Father with gout years ago, no flares since.",
    "No gout in the past.",
])
def test_gout_treated_recent_active_a_relatives_or_denied_is_not_history(tabular, note):
    out, _ = past_gout([], note, tabular)
    assert "Z87.39" not in codes(out)
