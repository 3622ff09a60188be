"""Radioactive iodine the note books for a later day is no history of irradiation, though a sentence beside it
speaks of what comes "after RAI"; a wrist's thumb-side pain is part of the de Quervain tenosynovitis found there."""
import pytest

from services.coding.domain import conventions as c
from services.coding.domain.radioiodine_history import radioiodine_given
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("{}", "A/P: 1. HTN - continue lisinopril. 2. {}")


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "Follicular thyroid cancer s/p thyroidectomy last month; I-131 ablation planned for May. TSH goal after RAI "
    "is suppressed.",
    "Radioiodine pending next week. Levothyroxine dose set following radioiodine.",
])
def test_a_dose_booked_for_later_leaves_the_after_words_beside_it_in_the_future(tabular, frame, text):
    note = frame.format(text)
    out, reasons = radioiodine_given([], note, tabular)
    assert codes(out) == [] and reasons == []


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "Hypothyroid after RAI for Graves, on levothyroxine 100 mcg.",
    "Papillary thyroid cancer s/p RAI 2019, NED. Repeat RAI scheduled if thyroglobulin rises.",
    "Graves disease, hypothyroid after radioiodine in 2014; a second nodule's RAI scan pending.",
])
def test_a_dose_given_stays_a_history_of_irradiation(tabular, frame, text):
    note = frame.format(text)
    out, _ = radioiodine_given([], note, tabular)
    assert codes(out) == ["Z92.3"]


@pytest.mark.parametrize("frame", FRAMES)
def test_wrist_pain_at_the_thumb_side_is_part_of_the_de_quervain_tenosynovitis(tabular, frame):
    note = frame.format("L wrist pain at the thumb side, + Finkelstein: de Quervain tenosynovitis of the L wrist.")
    given = (("M65.4", "de Quervain tenosynovitis"), ("M25.532", "L wrist pain"))
    out, reasons = c.integral_symptoms(found(note, *given), note, tabular)
    assert codes(out) == ["M65.4"] and "integral to M65.4" in reasons[0]


@pytest.mark.parametrize("frame", FRAMES)
def test_wrist_pain_beside_a_trigger_finger_or_a_doubted_tenosynovitis_stays(tabular, frame):
    note = frame.format("R wrist pain x 2 wks. Trigger finger, R ring finger. De Quervain tenosynovitis? - XR.")
    trigger = (("M65.341", "Trigger finger, R ring finger"), ("M25.531", "R wrist pain"))
    assert codes(c.integral_symptoms(found(note, *trigger), note, tabular)[0]) == ["M25.531", "M65.341"]
    doubted = found(note, ("M25.531", "R wrist pain")) + found(note, ("M65.4", "De Quervain tenosynovitis"),
                                                              context="uncertain")
    assert codes(c.integral_symptoms(doubted, note, tabular)[0]) == ["M25.531", "M65.4"]
