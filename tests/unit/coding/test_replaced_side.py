"""Arthritis of both knees or hips with one of them replaced is the other side's arthritis, beside the status."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected, wrong", [
    (("Joint clinic. Primary osteoarthritis of both knees; s/p left total knee arthroplasty 2021, no pain. "
      "Right knee injected today."), {"M17.11", "Z96.652"}, "M17.0"),
    ("Hip f/u. Bilateral primary OA of the hips. Right total hip arthroplasty in 2019, doing well.",
     {"M16.12", "Z96.641"}, "M16.0"),
])
def test_bilateral_arthritis_with_one_joint_replaced_is_the_other_sides(suggest, note, expected, wrong):
    found = billed(suggest, note)
    assert expected <= found
    assert wrong not in found


def test_bilateral_arthritis_with_no_replacement_stays_bilateral(suggest):
    assert "M17.0" in billed(suggest, "Knee clinic. Primary osteoarthritis of both knees, worse on stairs. PT.")
