"""Noncompliance with a regimen (Z91.1-) by what is not followed and the reason the note gives."""
import pytest

from services.coding.domain.noncompliance import noncompliance
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Severe OSA. Noncompliant with CPAP, mask discomfort.", "Z91.198"),
    ("OSA, severe. CPAP nonadherent - uses <2h/night, says mask uncomfortable.", "Z91.198"),  # the own account
    ("Not using CPAP.", "Z91.199"), ("Nonadherent to home O2 because of cost.", "Z91.190"),
    ("Poor adherence to diabetic diet.", "Z91.119"),
    ("Missed three physical therapy sessions, work schedule.", "Z91.198"), ("Noncompliant with dialysis due to transportation.", "Z91.158"),
    ("Quit going to pulmonary rehab, noncompliant - too busy with grandkids.", "Z91.198"),
    ("Nonadherent to home glucose monitoring because strips cost too much.", "Z91.190"),
    ("Noncompliance with medication regimen for other reason.", "Z91.148"),
    ("Noncompliance with medication regimen d/t cost of the copay.", "Z91.141"),
    # the patient's own refusal of a device in use, the mask named without the machine
    ("OSA - CPAP 1.5 h/night, says she does not want to wear the mask.", "Z91.198"),
    ("Pulls the mask off at night and says he doesn't want to use it.", "Z91.198"),
    ("Wrist fx - not wearing the splint, says it itches.", "Z91.198"),
])
def test_noncompliance_is_coded_by_regimen_and_reason(tabular, note, expected):
    out, reasons = noncompliance([], note, tabular)
    assert codes(out) == [expected] and out[0].convention == "noncompliance" and reasons


@pytest.mark.parametrize("note", [
    "Noncompliant with meds.",  # medication: underdosing or other noncompliance, for a coder
    "Good compliance with CPAP.", "Mother noncompliant with her diet.", "Pt noncompliant with statin therapy.",
    "Noncompliant with dialysis.",  # no unspecified-reason code for dialysis
    "If he does not want to use CPAP, an oral appliance is an option.",  # supposed, not said
    "Good adherence to CPAP; his wife does not want to use hers.",
    "Does not want to use insulin; metformin continued.",  # a drug: underdosing's, or a coder's
])
def test_medication_good_adherence_a_relative_or_no_code_for_the_reason_is_not_coded(tabular, note):
    assert noncompliance([], note, tabular)[0] == []
