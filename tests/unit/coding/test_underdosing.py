"""Underdosing of a prescribed drug (T36-T50, sixth character 6) with its intent (Z91.12-/Z91.13-)."""
import pytest

from services.coding.domain.underdosing import underdosing
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Has been rationing insulin glargine because of the price; cannot afford it.", ["T38.3X6A", "Z91.120"]),
    ("Ran out of losartan last month, could not pay for the refill.", ["T46.5X6A", "Z91.120"]),
    ("Skips his metoprolol on workdays since it makes him tired.", ["T44.7X6A", "Z91.128"]),
    ("She stopped quetiapine on her own in May.", ["T43.596A", "Z91.128"]),
    ("Seizures on lamotrigine 100 mg BID. Forgets her morning dose about twice a week.", ["T42.6X6A", "Z91.138"]),
    ("Hypothyroid on levothyroxine. Missed doses while traveling.", ["T38.1X6A", "Z91.138"]),
    ("Underdosing of warfarin: misses doses with age-related memory loss.", ["T45.516A", "Z91.130"]),
])
def test_a_drug_taken_below_its_prescription_is_underdosing_with_its_intent(tabular, note, expected):
    out, reasons = underdosing([], note, tabular)
    assert sorted(codes(out)) == expected and {s.convention for s in out} == {"underdosing"} and reasons


@pytest.mark.parametrize("note", [
    "No missed doses of apixaban or metoprolol.",  # denied
    "Lisinopril stopped by nephrology for hyperkalemia.",  # a clinician's act
    "Amlodipine stopped last visit; started losartan.",  # stopped, no patient's reason
    "His mother ran out of her metformin.",  # a relative's
    "Ran out of groceries by the 20th; on metformin.",  # food, not the drug
    "On donepezil. Forgets names and appointments.",  # forgetting, not the doses
    "Skips breakfast most days; takes sertraline.",  # a meal skipped, not the drug
])
def test_denied_a_clinicians_stop_a_relative_or_no_drug_not_taken_is_not_read(tabular, note):
    assert underdosing([], note, tabular)[0] == []


def test_underdosing_with_no_reason_given_is_its_t_code_alone(tabular):
    out, _ = underdosing([], "Dx: type 2 diabetes; underdosing of metformin.", tabular)
    assert codes(out) == ["T38.3X6A"]
