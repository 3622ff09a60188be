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


@pytest.mark.parametrize("note, out", [
    ("Plan: incentive spirometry as prophylaxis against pneumonia after surgery.", "J18"),
    ("Pantoprazole as prophylaxis for GERD while on prednisone.", "K21"),
    ("Amiodarone for prophylaxis of atrial fibrillation after CABG.", "I48"),
])
def test_what_a_prophylaxis_prevents_is_not_present(suggest, note, out):
    assert out not in billed(suggest, note)


@pytest.mark.parametrize("note, kept", [
    ("Propranolol started as prophylaxis against migraine with aura.", "G43"),
    ("Allopurinol for prophylaxis of gout attacks; gout of L ankle.", "M10"),
    ("Rivaroxaban as prophylaxis of stroke in persistent atrial fibrillation.", "I48"),
])
def test_a_prevented_attack_disorder_and_a_condition_further_on_stay_current(suggest, note, kept):
    assert kept in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Lives with his wife, who has left hemiplegia after a CVA.",
    "Husband with R hemiparesis s/p stroke; she is his caregiver.",
])
def test_a_spouses_stroke_deficits_are_not_the_patients(suggest, note):
    assert "I69" not in billed(suggest, note)


def test_the_patients_own_deficits_after_a_stroke_are_still_its_sequela(suggest):
    assert "I69" in billed(suggest, "Old stroke with residual left hemiparesis, walks with a cane.")


@pytest.mark.parametrize("note, out", [
    ("Severe persistent asthma as a child; no inhaler since 14.", "J45"),
    ("Recurrent strep tonsillitis as a kid, T&A at 6.", "J03"),
])
def test_a_kind_named_before_the_condition_does_not_keep_a_dated_one_current(suggest, note, out):
    assert out not in billed(suggest, note)


def test_a_course_written_after_it_still_does(suggest):
    assert "J45" in {s.code[:3] for s in suggest("Asthma as a teen, persistent into his 30s, on an ICS daily.")}


def test_episodes_counted_then_none_for_years_are_past(suggest):
    found = {s.code for s in suggest("Renal colic from kidney stones x3, none for the last 6 yrs.") if s.confidence >= 0.90}
    assert "N20.0" not in found and "Z87.442" in found


def test_episodes_counted_then_none_since_may_be_this_visits(suggest):
    assert "R55" in billed(suggest, "Syncope x2, none since; orthostatics today.")
