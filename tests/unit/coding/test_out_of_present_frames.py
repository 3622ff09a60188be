"""Conditions a sentence places out of the present (the past itself, a relative, a prevention) are not billed as
current, and the same condition stated now still is."""
import pytest

from tests.unit.coding.test_context_triggers import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history, out", [
    ("Knee pain today. Kidney stones in the past, ureteroscopy then.", "Z87.442", "N20"),
    ("Panic disorder in the distant past, off sertraline for a decade.", "Z86.59", "F41"),
    ("Ortho: R hip pain. Gout in the remote past - no attacks since 2012.", None, "M10"),
])
def test_the_past_written_after_the_condition_places_it_there(suggest, note, history, out):
    found = {s.code for s in suggest(note) if s.confidence >= 0.90}
    assert out not in {code[:3] for code in found} and (history is None or history in found)


@pytest.mark.parametrize("note, kept", [
    ("Two gout attacks in the past 3 months, L great toe; colchicine prn.", "M10"),
    ("Migraine in the past several weeks, 8 headache days a month.", "G43"),
])
def test_a_span_up_to_today_is_no_past(suggest, note, kept):
    assert kept in {s.code[:3] for s in suggest(note)}


@pytest.mark.parametrize("note, out", [
    ("Gout 10 years ago, no flares since; BP fine.", "M10"),
    ("Pneumonia as a child without recurrence.", "J18"),
])
def test_a_flare_or_recurrence_denied_does_not_keep_a_dated_condition_current(suggest, note, out):
    assert out not in billed(suggest, note)
