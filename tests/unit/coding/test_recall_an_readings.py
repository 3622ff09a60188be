"""Readings for the encounter's Z codes and the codes beside them missed at first sight: tobacco use the provider
says is not dependence, dependence stated beside cessation counselling, and counselling timed after its name."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Smokes 2-3 cigarettes on weekends, not nicotine dependent. Advised to stop.",
    "Social history: smokes an occasional cigar with friends, no tobacco dependence.",
    "She smokes now and then when out with friends, not physically dependent.",
])
def test_smoking_the_provider_says_is_not_dependence_is_tobacco_use(suggest, note):
    codes = billed(suggest, note)
    assert "Z72.0" in codes and not any(code.startswith("F17") for code in codes)


@pytest.mark.parametrize("note", [
    "Former smoker, quit 2015, was never dependent.",
    "Mother smokes at home; patient does not smoke, no nicotine dependence.",
    "Smokes cigarettes, 1 ppd, no alcohol use.",
])
def test_past_another_s_or_dependent_smoking_is_not_tobacco_use(suggest, note):
    assert "Z72.0" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Smokes 15 cigarettes a day, nicotine dependent, wants to quit: smoking cessation counseling given.", "F17.210"),
    ("Tobacco-dependent, smokes a pipe daily; cessation options reviewed.", "F17.290"),
])
def test_dependence_stated_beside_cessation_is_current(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_stated_dependence_in_the_past_is_not_current(suggest):
    assert "F17.210" not in billed(suggest, "Former smoker, nicotine dependent on cigarettes until she quit in 2012.")


@pytest.mark.parametrize("note", [
    "Current smoker, 1 ppd. Tobacco cessation counseling 5 min, patch offered.",
    "Smokes a pack a day. Counselled on quitting smoking for 4 minutes.",
])
def test_cessation_counselling_with_its_minutes_is_the_service(suggest, note):
    assert "Z71.6" in billed(suggest, note)
