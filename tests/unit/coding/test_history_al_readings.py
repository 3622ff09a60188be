"""Readings of a condition the note places in the past in words the earlier readings did not meet: an episode dated
to a time with none since, a dated episode the note says ended, and a condition treated at a past date."""
import pytest

from services.coding.domain.note_context import mention_scope
from tests.unit.coding.test_note_context import rule_for
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, mention", [
    ("Cluster headaches in grad school, none now.", "Cluster headaches"),
    ("Hypertensive crisis in 2022, none since.", "Hypertensive crisis"),
    ("Vasovagal syncope in his teens, no episodes since.", "Vasovagal syncope"),
    ("Febrile seizure at age 2, none after.", "Febrile seizure"),
    ("Gastritis around 2018, no further symptoms.", "Gastritis"),
])
def test_an_episode_dated_to_a_past_time_with_none_since_is_not_current(text, mention):
    assert rule_for(text, mention) in ("none-since", "dated-past")


@pytest.mark.parametrize("text, mention", [
    ("Asthma in 2015, on albuterol as needed.", "Asthma"),
    ("Migraine diagnosed in 2010, none since starting topiramate.", "Migraine"),
    ("Cluster headaches in grad school, still has them twice a year; none this month.", "Cluster headaches"),
    ("Atrial fibrillation in 2021, none since 2 weeks.", "Atrial fibrillation"),
])
def test_a_time_that_dates_an_onset_or_a_condition_still_present_is_not_read_as_over(text, mention):
    assert rule_for(text, mention) not in ("none-since", "dated-past")


@pytest.mark.parametrize("note, gone, history", [
    ("Follow-up. Essential hypertension on amlodipine. Hypertensive urgency in 2021, none since.", "I16.0", None),
    ("Neuro visit. Migraine without aura. Tension-type headaches in high school, none now.", "G44.209", None),
    ("New patient. Kidney stone in 2017, none since. Hyperlipidemia on diet.", "N20.0", "Z87.442"),
])
def test_such_an_episode_is_its_history_entry_or_nothing(suggest, note, gone, history):
    found = billed(suggest, note)
    assert gone not in found
    assert history is None or history in found


@pytest.mark.parametrize("note, history, gone", [
    ("Past problems: community-acquired pneumonia 2021, treated, resolved. BP fine today.", "Z87.01", "J18.9"),
    ("Lobar pneumonia last year, resolved with antibiotics. Here for a sore knee.", "Z87.01", "J18.9"),
    ("Acute pancreatitis 2016 from gallstones, resolved after cholecystectomy.", "Z87.19", "K85.90"),
])
def test_a_dated_episode_the_note_says_ended_is_its_personal_history(suggest, note, history, gone):
    found = billed(suggest, note)
    assert history in found
    assert gone not in found


@pytest.mark.parametrize("note, history", [
    ("Problem list: pneumonia - resolved 02/2025, repeat CXR clear.", "Z87.01"),
    ("Problems: 2) Community-acquired pneumonia Feb 2026 - resolved, clear on f/u film.", "Z87.01"),
    ("Pneumonia, resolved. Cough improving.", "Z87.01"),
    ("Acute pancreatitis, lipase 1200, admit for IV fluids.", "Z87.19"),
])
def test_an_episode_ended_this_season_or_undated_or_current_is_no_personal_history(suggest, note, history):
    assert history not in billed(suggest, note)


@pytest.mark.parametrize("text, mention", [
    ("Toxic multinodular goiter treated with radioiodine 2019, now euthyroid.", "Toxic multinodular goiter"),
    ("H. pylori gastritis treated with antibiotics in 2020.", "H. pylori gastritis"),
    ("Latent TB treated with isoniazid 2018.", "Latent TB"),
])
def test_a_condition_treated_at_a_past_year_written_after_it_is_not_current(text, mention):
    assert rule_for(text, mention) == "resolved"


@pytest.mark.parametrize("text, mention", [
    ("Hypothyroidism treated with levothyroxine since 2015.", "Hypothyroidism"),
    ("Hypertension treated with lisinopril 2010, now on amlodipine and HCTZ.", "Hypertension"),
    ("Psoriasis treated with methotrexate for 3 years, started 2021.", "Psoriasis"),
    # a drug that holds a chronic condition, not a treatment that ended it
    ("Osteoporosis treated with alendronate in 2019.", "Osteoporosis"),
])
def test_a_condition_whose_treatment_began_then_or_goes_on_is_current(text, mention):
    assert rule_for(text, mention) is None


@pytest.mark.parametrize("note, history, gone", [
    ("Pulm problem list: LTBI treated with rifampin in 2021. Mild intermittent asthma.", "Z86.15", "Z22.7"),
    ("Endo f/u. Graves disease treated with radioactive iodine 2016, hypothyroid since, on levothyroxine.", None,
     "E05.00"),
])
def test_such_a_condition_is_its_history_entry_or_nothing(suggest, note, history, gone):
    found = billed(suggest, note)
    assert gone not in found
    assert history is None or history in found


@pytest.mark.parametrize("note, code", [
    # a state affirmed on the list, then said over in its adjective form
    ("Problems: 1. Prediabetes, A1c 6.0 in 2022. A1c 5.3 today after weight loss, no longer prediabetic.", "R73.03"),
    # a diagnosis reported from childhood, then set aside by today's evaluation
    ("Adult intake. Was diagnosed with ADHD in grade school. Neuropsych evaluation today does not support ADHD.",
     "F90.9"),
])
def test_a_condition_affirmed_then_stated_over_elsewhere_goes_to_a_coder(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Type 2 diabetes on metformin, A1c 7.2. No diabetic retinopathy on today's eye exam.", "E11.9"),
    ("Hypertension on losartan, BP 128/80. Hypertensive urgency last winter, resolved.", "I10"),
    ("Generalized anxiety disorder on sertraline. Previously thought to be panic disorder, now clearly GAD.",
     "F41.1"),
])
def test_a_denied_complication_or_another_disorder_set_aside_does_not_put_it_over(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_test_that_does_not_support_a_diagnosis_leaves_it_not_established():
    text = "Testing today does not support bipolar disorder."
    start = text.index("bipolar disorder")
    scope = mention_scope(text, start, start + len("bipolar disorder"))
    assert scope is not None and scope.rule == "not-established"


@pytest.mark.parametrize("note", [
    "Headaches and poor sleep since a concussion at soccer in March; sequela of the concussion.",
    "Concussion in 2019. Today: memory lapses, a late effect of the concussion.",
])
def test_a_past_injury_whose_late_effects_the_note_states_is_not_its_history(suggest, note):
    assert "Z87.820" not in billed(suggest, note)


def test_a_past_injury_with_no_sequelae_is_still_its_history(suggest):
    assert "Z87.820" in billed(suggest, "Hx concussion 2019, no sequelae.")
