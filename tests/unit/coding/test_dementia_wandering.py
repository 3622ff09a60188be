"""Wandering in dementia (Z91.83) beside the dementia, not one of its behavioural disturbances."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_wandering_in_a_dementia_in_alzheimers_is_its_own_code_beside_the_dementia(suggest):
    codes = billed(suggest, "Memory clinic. Alzheimer's disease, late onset, with mild dementia; wanders at night, "
                            "found in the neighbor's yard twice. No agitation.")
    assert {"G30.1", "F02.A0", "Z91.83"} <= codes


@pytest.mark.parametrize("note", [
    "Alzheimer's disease with moderate dementia. Caregivers deny wandering or agitation.",
    "Moderate dementia. Her mother had dementia with wandering.",
    "Wandering atrial pacemaker on the ECG; no dementia.",
])
def test_wandering_denied_a_relatives_or_without_a_dementia_is_not_coded(suggest, note):
    assert "Z91.83" not in billed(suggest, note)
