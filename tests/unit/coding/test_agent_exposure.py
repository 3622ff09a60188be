"""An exposure to lead, mold or asbestos as its Z77 code by the agent; at work it is the occupational Z57 code, and a
denied or only screened exposure gets none."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Assessment: 1. Lead exposure from old window paint - venous lead level - plan as discussed.", "Z77.011"),
    ("A/P: toddler exposed to lead paint chips at grandma's house, BLL today.", "Z77.011"),
    ("Assessment: 1. Toxic mold exposure in the rental - plan as discussed.", "Z77.120"),
    ("A/P: black mold on the bedroom walls, allergy sx worse at night.", "Z77.120"),
    ("Assessment: 1. Remote exposure to asbestos (boiler repair 1980s) - plan as discussed.", "Z77.090"),
    ("A/P: asbestos exposure as a navy machinist decades ago, CXR clear.", "Z77.090"),
])
def test_the_exposure_gets_its_agents_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code, absent", [
    ("A/P: welder, asbestos exposure at work, fit-tested respirator.", "Z57.2", "Z77.090"),
    ("Assessment: 1. Occupational lead exposure at the foundry - plan as discussed.", "Z57.5", "Z77.011"),
])
def test_the_exposure_at_work_is_occupational(suggest, note, code, absent):
    out = billed(suggest, note)
    assert code in out and absent not in out


@pytest.mark.parametrize("note", [
    "A/P: denies lead exposure, well child.",
    "Lead exposure risk: none. Development on track.",
    "A/P: no mold exposure at home; asthma well controlled.",
    "Assessment: 1. No known asbestos exposure - plan as discussed.",
    "Capillary lead level. Dx: screening for lead exposure, pre-1950 housing.",
])
def test_a_denied_or_screened_exposure_gets_no_code(suggest, note):
    assert not any(code.startswith(("Z77.0", "Z77.1", "Z57")) for code in billed(suggest, note))
