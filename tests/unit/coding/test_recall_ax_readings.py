"""Readings for past conditions and long-term drugs missed at first sight: radioactive iodine given as the
history of irradiation, episodes over once treated under the index's History entries by system, and drugs with no
Z79 code of their own that the note says are taken long term."""
import pytest

from services.coding.domain.context_z_codes import history_code
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Thyroid f/u. Hypothyroid since radioiodine ablation for toxic multinodular goiter in 2016; on levothyroxine.",
    "Endocrine: s/p RAI for hyperthyroidism, now hypothyroid on levothyroxine 88 mcg.",
    "History of follicular thyroid carcinoma, total thyroidectomy followed by I-131 in 2012, no disease since.",
])
def test_radioiodine_given_is_a_history_of_irradiation(suggest, note):
    assert "Z92.3" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Graves disease on methimazole; we talked about radioactive iodine as an option if it relapses.",
    "Hyperthyroid, new. RAI uptake and scan ordered to tell Graves from thyroiditis.",
    "Thyroid cancer after thyroidectomy; referred to nuclear medicine for RAI next month.",
    "Graves disease: she declined radioiodine and prefers surgery.",
])
def test_radioiodine_not_given_is_nothing(suggest, note):
    assert "Z92.3" not in billed(suggest, note)


@pytest.mark.parametrize("condition, past", [
    ("I30.9", "Z86.79"), ("I33.0", "Z86.79"), ("I40.9", "Z86.79"), ("G51.0", "Z86.69"), ("D50.9", "Z86.2"),
    ("M00.9", "Z87.39"), ("M86.9", "Z87.39"), ("E11.621", "Z86.31"),
])
def test_an_episode_over_takes_its_systems_history_entry(condition, past):
    assert history_code("history", condition) == past


def test_a_chronic_condition_keeps_no_personal_history_entry():
    assert history_code("history", "I50.9") is None and history_code("history", "E11.9") is None


@pytest.mark.parametrize("note, past, current", [
    ("Cardiology f/u: atrial flutter rate controlled. Acute pericarditis 2020, resolved with NSAIDs.", "Z86.79",
     "I30.9"),
    ("Return visit. Right-sided Bell's palsy 3 years ago, fully recovered. Today: low back pain.", "Z86.69", "G51.0"),
    ("Problem list: 1. GERD - active. 2. Iron deficiency anemia - resolved 2022.", "Z86.2", "D50.9"),
])
def test_an_episode_the_note_places_in_the_past_is_its_history(suggest, note, past, current):
    codes = billed(suggest, note)
    assert past in codes and current not in codes


@pytest.mark.parametrize("note", [
    "ADHD, inattentive type; maintained on lisdexamfetamine 30 mg daily.",
    "Gout of the R knee, quiet on long-term febuxostat 40 mg.",
    "Migraine prophylaxis: topiramate 25 mg BID, long term.",
    "Adult ADHD, long-term atomoxetine 80 mg, doing well at work.",
])
def test_a_drug_with_no_code_of_its_own_stated_long_term_is_other_long_term_therapy(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Chronic migraine, failed topiramate and propranolol; start erenumab.",
    "Gout, chronic; allopurinol stopped in May for a rash.",
    "ADHD, combined type; plan: start methylphenidate 18 mg, recheck in 4 weeks.",
])
def test_such_a_drug_tried_stopped_or_started_is_not_long_term_therapy(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Epilepsy, generalized, no seizures in 2 years on long-term levetiracetam 750 BID.",
    "Gout: no flares this year on maintenance allopurinol 100 mg.",
])
def test_a_denial_of_what_the_drug_holds_off_does_not_deny_the_drug(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Gout, no flares, not on long-term allopurinol any more.",
    "Gout quiet; no longer on long-term allopurinol since the kidney injury.",
])
def test_a_drug_denied_stays_denied(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note, past, current", [
    ("Endocrine f/u: primary hyperparathyroidism, cured by parathyroidectomy in 2021; calcium normal.", "Z86.39",
     "E21.0"),
    ("Neurology: Bell's palsy of the left face, treated with a 7-day steroid course, completed; full strength now.",
     "Z86.69", "G51.0"),
])
def test_a_condition_cured_or_its_course_completed_is_its_history(suggest, note, past, current):
    codes = billed(suggest, note)
    assert past in codes and current not in codes


def test_a_condition_not_cured_is_current(suggest):
    assert "E21.0" in billed(suggest, "Primary hyperparathyroidism, not cured after surgery; calcium 11.2 today.")
