"""A heart or lung condition found days or weeks ago and written in its own entry with that date is current and
billed; one dated years back, or marked as over, stays off the claim."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, code", [
    ("Pulmonary embolism dx 10 days ago - on rivaroxaban.", "I26.99"),
    ("PE diagnosed this week, outpatient tx.", "I26.99"),
    ("Newly diagnosed bronchiectasis - airway clearance vest.", "J47.9"),
    ("Recently diagnosed sarcoidosis - steroids per pulm.", "D86.9"),
    ("Cardiomyopathy diagnosed 3 weeks ago (EF 35% on TTE) - GDMT.", "I42.9"),
    ("Pleural effusion newly dx'd, L, moderate - tap Friday.", "J90"),
    ("New dx of cardiomyopathy - cards to see.", "I42.9"),
    ("Pulmonary embolism - stable on apixaban.", "I26.99"),
])
def test_condition_found_days_or_weeks_ago_is_billed(suggest, frame, text, code):
    assert code in billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, code", [
    ("Pulmonary embolism dx 2016 - resolved, off anticoagulation.", "I26.99"),
    ("PE dx last month - resolved.", "I26.99"),
    ("Hx of pleural effusion, recently diagnosed as resolved.", "J90"),
    ("Remote pericarditis, no recurrence.", "I31.9"),
    ("Sarcoidosis - hx, in remission for years.", "D86.9"),
    ("No PE on CTA done last week.", "I26.99"),
    ("? cardiomyopathy dx last week - echo to confirm.", "I42.9"),
])
def test_past_denied_or_doubted_condition_stays_off(suggest, frame, text, code):
    assert code not in billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "Myocardial infarction - old (2018 anterior STEMI), stent to LAD.",
    "Old anterior wall MI on today's ECG, no angina.",
    "MI (old), medical management, on aspirin.",
])
def test_infarction_called_old_is_the_old_infarction(suggest, frame, text):
    found = billed(suggest, frame.format(text))
    assert "I25.2" in found and not {code for code in found if code.startswith("I21")}


@pytest.mark.parametrize("frame", FRAMES)
def test_infarction_two_weeks_ago_is_not_called_old(suggest, frame):
    assert "I25.2" not in billed(suggest, frame.format("NSTEMI 2 wk ago, s/p DES; old records requested."))
