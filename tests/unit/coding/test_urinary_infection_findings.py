"""Bacteriuria, pyuria and the voiding symptoms as parts of a confirmed urinary infection, kept where none is."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diagnosis, parts", [
    ("Fever, left flank pain and burning on urination since Sunday; urinalysis with pyuria and bacteriuria. "
     "Impression: acute pyelonephritis, oral ciprofloxacin.", "N10", {"R82.81", "R82.71", "R30.0"}),
    ("Urine dip: bacteriuria and pyuria. Assessment: acute cystitis, nitrofurantoin for five days.", "N30.00",
     {"R82.71", "R82.81"}),
])
def test_the_urine_findings_of_a_confirmed_infection_are_not_billed(suggest, note, diagnosis, parts):
    found = billed(suggest, note)
    assert diagnosis in found and not found & parts


def test_bacteriuria_with_no_infection_diagnosed_is_kept(suggest):
    note = "Routine urinalysis before knee surgery shows bacteriuria; she has no urinary symptoms."
    assert "R82.71" in {s.code for s in suggest(note)}
