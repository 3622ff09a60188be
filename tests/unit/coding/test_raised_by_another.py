"""A condition a relative, a teacher, the PCP or the patient only asks, reads, worries about or fears is no
diagnosis and no family history; the relative's own condition, and the patient's once stated, still are."""
import pytest

from services.coding.domain.note_text import raised_by_another
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


@pytest.mark.parametrize("said, raised", [
    ("Mother asked about ", True),
    ("grandma's friend; dad asks about ", True),
    ("Daughter read online about ", True),
    ("school requests eval for ", True),
    ("pt fears ", True),
    ("wife worried about possible ", True),
    ("Pt asks about his ", False),  # the patient's own condition
    ("Mother has ", False),
    ("Mother asked about lisinopril for ", False),  # more than one word between: another subject
])
def test_words_that_only_raise_the_condition_right_before_it(said, raised):
    assert raised_by_another(said + "ADHD", len(said)) is raised


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, kept_out", [
    ("Mother asked about ADHD.", ("Z81.8", "F90")),
    ("Father requests evaluation for epilepsy.", ("Z82.0", "G40")),
    ("Daughter read about celiac disease.", ("Z83.79", "K90")),
    ("Pt asked about gout.", ("M10",)),
    ("Pt fears RA.", ("M06", "M05")),
    ("Mother worried about thyroid cancer.", ("Z80.8", "C73")),
])
def test_a_condition_only_raised_is_not_coded(suggest, frame, item, kept_out):
    assert not any(code.startswith(kept_out) for code in billed(suggest, frame.format(item)))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Mother has ADHD.", "Z81.8"),
    ("Father has epilepsy.", "Z82.0"),
    ("Mother had thyroid cancer.", "Z80.8"),
    ("Mother asked about ADHD; Vanderbilt confirms ADHD, combined type.", "F90.2"),
    ("Pt asks about his gout; allopurinol refilled.", "M10.9"),
])
def test_the_relatives_own_and_the_patients_stated_condition_are_coded(suggest, frame, item, code):
    assert code in billed(suggest, frame.format(item))
