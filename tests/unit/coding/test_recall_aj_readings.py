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
