"""Readings for signs missed at first sight: a raised blood-pressure reading the note says is not hypertension, and
forgetfulness and irritability written in the clinician's everyday words."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Blood pressure 144/92 in clinic, no known diagnosis of hypertension; recheck at the next visit.",
    "BP 138/88 on two readings, no prior dx of HTN.",
    "Her blood pressure was high today, without a formal hypertension diagnosis; home readings advised.",
    "BP 150/94, not diagnosed with hypertension, repeat in 3 weeks.",
])
def test_a_raised_reading_without_a_hypertension_diagnosis_is_r03_0(suggest, note):
    codes = billed(suggest, note)
    assert "R03.0" in codes and "I10" not in codes


@pytest.mark.parametrize("note", [
    "BP 118/72, no diagnosis of hypertension.",
    "Hypertension, on lisinopril. BP 150/95 today, no diagnosis of hypertensive heart disease.",
    "No diagnosis of hypertension. Follow-up in a year.",
    "Essential hypertension. BP 142/90 today.",
])
def test_a_normal_reading_a_diagnosed_hypertension_or_no_reading_is_not(suggest, note):
    assert "R03.0" not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Referred for forgetfulness over the last 6 months; MoCA 26.", "R41.3"),
    ("Wife reports he has become forgetful, misplacing keys.", "R41.3"),
    ("Increased irritability at work, sleeping 5 hours a night.", "R45.4"),
    ("Teen with irritability and angry outbursts at school.", "R45.4"),
])
def test_forgetfulness_and_irritability_are_their_signs(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Denies forgetfulness or confusion.", "R41.3"),
    ("No irritability; mood good.", "R45.4"),
    ("Irritable bowel syndrome, diarrhea-predominant.", "R45.4"),
])
def test_a_denied_sign_or_an_irritable_organ_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Reports irritability and insomnia since the move.",
    "Insomnia and irritability for a month after starting a night-shift job.",
])
def test_a_sign_beside_insomnia_is_no_part_of_it(suggest, note):
    assert {"R45.4"} <= billed(suggest, note)


def test_a_sign_beside_a_disease_still_goes_to_a_coder(suggest):
    assert "R45.4" not in billed(suggest, "Hyperthyroidism with irritability and tremor.")
