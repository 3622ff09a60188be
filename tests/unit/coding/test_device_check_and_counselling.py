"""A cardiac device said to be interrogated is the device check's encounter (Z45.0-); counselling on a substance is
its abuse counselling (Z71.41, Z71.51) only beside the disorder the tabular pairs it with; the topic of a list
item's counselling is named before its semicolon."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Single-chamber pacemaker put in 2019 for sick sinus syndrome, interrogated in clinic: normal function.",
     "Z45.010"),
    ("Her ICD, implanted 2020 for ischemic cardiomyopathy, was interrogated today; no events.", "Z45.02"),
])
def test_a_device_said_to_be_interrogated_is_its_check(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_device_interrogated_at_another_time_is_not_this_visit_s_check(suggest):
    assert "Z45.010" not in billed(suggest, "Pacemaker for heart block; no pacemaker interrogation is planned.")


@pytest.mark.parametrize("note", [
    "Migraine without aura. Counseled on regular sleep and limiting alcohol.",
    "Hypertension, stable. Counselled on alcohol intake and salt.",
])
def test_advice_on_alcohol_without_an_alcohol_use_disorder_is_not_abuse_counselling(suggest, note):
    assert "Z71.41" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Alcohol use disorder, moderate - drinks a bottle of wine a night; counselled for 15 minutes on cutting back.",
    "Alcohol abuse: counseled on abstinence and support groups.",
])
def test_counselling_on_alcohol_beside_the_disorder_is(suggest, note):
    assert "Z71.41" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Cannabis use disorder, moderate: smokes most nights; counseled on cutting down, 10 min.",
    "Cannabis use disorder, mild - smokes marijuana on weekends; counselled on quitting.",
])
def test_counselling_on_smoked_cannabis_is_drug_counselling_not_tobacco(suggest, note):
    codes = billed(suggest, note)
    assert "Z71.51" in codes and "Z71.6" not in codes


def test_counselling_on_smoking_that_names_tobacco_beside_cannabis_stays_tobacco_counselling(suggest):
    codes = billed(suggest, "Cannabis use disorder, mild. Smokes 1 ppd cigarettes; counseled on quitting smoking.")
    assert "Z71.6" in codes
