"""The word "allergy" of an allergy entry is its status, not an allergic reaction today; a cardiac device
interrogated on another day is its presence, not this visit's check."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, status", [
    ("Pre-op visit for hernia repair. Hx: hypertension; codeine allergy.", "Z88.5"),
    ("Med list reviewed. PMH: asthma; amoxicillin allergy (rash as a child).", "Z88.0"),
])
def test_the_allergy_word_of_an_entry_is_no_allergic_reaction(suggest, note, status):
    codes = billed(suggest, note)
    assert status in codes and not any(c.startswith("T78.4") for c in codes)


@pytest.mark.parametrize("note", [
    "Heart failure visit. Pacemaker for sinus node dysfunction, interrogated 3 weeks ago with normal function.",
    "Syncope follow-up. Dual-chamber pacemaker, interrogated last month.",
])
def test_a_pacemaker_interrogated_on_another_day_is_its_presence(suggest, note):
    codes = billed(suggest, note)
    assert "Z95.0" in codes and "Z45.010" not in codes


def test_a_pacemaker_interrogated_today_is_the_check(suggest):
    assert "Z45.010" in billed(suggest, "Device clinic. Pacemaker placed 2020 for heart block, interrogated today.")
