"""Of the conditions a past medical history or problem list names, which the visit cares for now (guideline IV.J:
code the conditions that coexist and affect care; not those treated before and no longer present)."""
import pytest

from services.coding.domain.chronic_conditions import cared_for_now, list_item
from services.coding.domain.note_text import current_under_history_heading
from services.coding.domain.section_headings import section_of
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("code, sentence", [
    ("M10.9", "PMH: gout, on allopurinol"), ("F41.1", "Generalized anxiety disorder - stable on escitalopram"),
    ("N40.0", "Hx: enlarged prostate, takes tamsulosin nightly"), ("G40.909", "Seizure disorder, continues lamotrigine"),
    ("D50.9", "Iron deficiency anemia, maintained on ferrous sulfate"), ("H40.9", "Glaucoma controlled with drops"),
    ("I10", "PMH: HTN since 2009, stopped smoking in 2015, controlled on losartan"),  # a chronic one does not end
])
def test_a_condition_treated_for_years_whose_sentence_states_its_care_is_cared_for_now(code, sentence):
    assert cared_for_now(code, sentence)


@pytest.mark.parametrize("code, sentence", [
    ("F32.A", "Depression as a teenager, treated with fluoxetine, none since"),
    ("F41.0", "Panic disorder in her 20s, treated with paroxetine, stopped long ago"),
    ("G43.909", "Migraine in childhood, on propranolol then, outgrown"),
    ("F32.9", "Single depressive episode treated with sertraline, taper finished last spring"),
    ("M10.9", "Gout, on allopurinol until 2019, discontinued"),
    ("K27.9", "PMH: peptic ulcer disease, on pantoprazole"),  # an ulcer heals: not read this way
    ("J18.9", "Pneumonia, treated with doxycycline"),  # an episode, not a condition treated for years
])
def test_a_care_that_ended_or_an_episode_is_not(code, sentence):
    assert not cared_for_now(code, sentence)


@pytest.mark.parametrize("note, item, expected", [
    ("PMH: psoriasis, on topical steroid.", "psoriasis", True),
    ("Past Medical History - glaucoma, on latanoprost.", "glaucoma", True),
    ("Hx: ADHD, on methylphenidate.", "ADHD", True),
    ("History of depression, on sertraline.", "depression", False),  # "history of" places it in the past
    ("PMH: no psoriasis.", "psoriasis", False),  # the item's own words still deny it
    ("Gout, on allopurinol.", "Gout", False),  # no heading: nothing to read past
])
def test_an_item_under_a_past_medical_history_heading_is_read_without_the_heading(note, item, expected):
    start = note.index(item)
    assert current_under_history_heading(note, start, start + len(item)) is expected


@pytest.mark.parametrize("text, item", [
    ("Inactive problems: Gout.", "Gout"), ("Historical problems: Atrial fibrillation after surgery.", "Atrial"),
    ("Resolved conditions: Iron deficiency anemia; plantar fasciitis.", "Iron"),
    ("Past diagnoses: Bell's palsy.", "Bell"),
])
def test_the_first_item_after_a_past_problems_heading_is_in_its_section(text, item):
    section = section_of(text, text.index(item))
    assert section is not None and section.name == "resolved"


@pytest.mark.parametrize("note, absent", [
    ("Inactive problems: Essential hypertension.", "I10"),
    ("Inactive problems: Obstructive sleep apnea. Active: hyperlipidemia on atorvastatin.", "G47.33"),
    ("Historical problems: Osteoarthritis of the right knee.", "M17.11"),
])
def test_a_condition_listed_as_inactive_is_not_billed(suggest, note, absent):
    assert absent not in billed(suggest, note)


@pytest.mark.parametrize("note, present", [
    ("PMH: gout, on allopurinol. Here for a cough.", "M10.9"),
    ("Past Medical History: benign prostatic hyperplasia - stable on tamsulosin, continue.", "N40.0"),
    ("Hx: irritable bowel syndrome with constipation, controlled on linaclotide.", "K58.1"),
    ("PMH: iron deficiency anemia, on ferrous sulfate daily, Hgb 11.9.", "D50.9"),
    ("PMH: schizophrenia, stable on risperidone injections.", "F20.9"),
])
def test_a_history_item_its_sentence_shows_cared_for_is_billed(suggest, note, present):
    assert present in billed(suggest, note)


@pytest.mark.parametrize("note, absent", [
    ("PMH: gout, on allopurinol until 2018, discontinued, no flares since.", "M10.9"),
    ("PMH: depression as a teenager, treated with fluoxetine, none since.", "F32.A"),
    ("PMH: benign prostatic hyperplasia.", "N40.0"),  # a bare item stays for a coder
])
def test_a_history_item_whose_care_ended_or_is_unstated_is_not_billed(suggest, note, absent):
    assert absent not in billed(suggest, note)


@pytest.mark.parametrize("note, absent, history", [
    ("Panic disorder in her 20s, no attacks in 10 years.", "F41.0", "Z86.59"),
    ("Psych history: panic disorder in college, none in the last 15 years.", "F41.0", "Z86.59"),
    ("Migraine in 2012, no attacks in the past 5 years.", "G43.909", None),
])
def test_a_condition_of_a_past_time_of_life_with_none_for_years_since_is_past(suggest, note, absent, history):
    found = billed(suggest, note)
    assert absent not in found and (history is None or history in found)


@pytest.mark.parametrize("note, present", [
    ("Migraine since her 20s, no attacks in 2 weeks on topiramate.", "G43.909"),  # an onset, and a short span
    ("Asthma diagnosed in 2015, no symptoms for 3 years on fluticasone.", "J45.909"),  # quiet on treatment
])
def test_an_onset_or_a_short_quiet_span_is_not(suggest, note, present):
    assert present in billed(suggest, note)


@pytest.mark.parametrize("code, sentence, expected", [
    ("F32.A", "Problem list: depression (active)", True), ("G62.9", "Medications: gabapentin (peripheral neuropathy)", True),
    ("L40.9", "Current meds: topical clobetasol (psoriasis)", True), ("F90.9", "ADHD - active", True),
    ("F32.A", "Problem list: depression (resolved)", False), ("F41.1", "Anxiety, physically active, walks daily", False),
    ("G62.9", "Medications: gabapentin (stopped, peripheral neuropathy)", False),
])
def test_an_active_status_or_a_medication_taken_for_it_states_its_care(code, sentence, expected):
    assert cared_for_now(code, sentence) is expected


@pytest.mark.parametrize("note, present", [
    ("Medications: gabapentin 300 mg TID (peripheral neuropathy). Here for knee pain.", "G62.9"),
    ("Problem list: psoriasis (active); hyperlipidemia.", "L40.9"),
])
def test_a_condition_listed_active_or_as_a_drugs_reason_is_billed(suggest, note, present):
    assert present in billed(suggest, note)


def test_each_semicolon_item_of_a_history_list_is_read_on_its_own():
    text = "PMH: HTN on amlodipine; depression, resolved; gout."
    start = text.index("HTN")
    assert list_item(text, 0, len(text), start, start + 3) == "PMH: HTN on amlodipine"
    start = text.index("gout")
    assert list_item(text, 0, len(text), start, start + 4) == " gout."


@pytest.mark.parametrize("note, present, absent", [
    ("PMH: hypothyroidism on levothyroxine, TSH 2.0; pneumonia 2021, resolved; HTN on losartan.", "E03.9", "J18.9"),
    ("Medical history: T2DM on metformin; childhood asthma, resolved, no inhaler since.", "E11.9", "J45.909"),
])
def test_a_cared_for_item_beside_a_resolved_one_in_the_same_list_is_billed(suggest, note, present, absent):
    found = billed(suggest, note)
    assert present in found and absent not in found
