"""A nerve entrapment its operation released, gone since, is the nervous system's personal history (Z86.69), not
the syndrome; one only planned, still there after its release, the other side's or a relative's is not."""
import pytest

from services.coding.domain.nerve_release import released_and_over
from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("entrapment, current", [
    ("R carpal tunnel syndrome s/p R carpal tunnel release 2021, asymptomatic since.", "G56.01"),
    ("Left cubital tunnel syndrome, s/p ulnar nerve transposition 2017, resolved.", "G56.22"),
    ("L carpal tunnel syndrome, L carpal tunnel release 2020, symptom-free since.", "G56.02"),
])
def test_an_entrapment_its_release_ended_is_history(suggest, frame, entrapment, current):
    codes = billed(suggest, frame.format(entrapment))
    assert "Z86.69" in codes and current not in codes


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("entrapment", [
    "R carpal tunnel syndrome, carpal tunnel release planned.",
    "L carpal tunnel release 2021, numbness persists, EMG ordered.",
    "Sister had a carpal tunnel release 2020, asymptomatic since.",
    "No history of carpal tunnel syndrome; R hand numbness x 2 wk.",
    # the release alone names the operation: the labels code it both ways
    "L carpal tunnel release 2022, asymptomatic since.",
])
def test_an_entrapment_planned_still_there_or_a_relatives_is_not_history(suggest, frame, entrapment):
    assert "Z86.69" not in billed(suggest, frame.format(entrapment))


@pytest.mark.parametrize("note, over", [
    ("R carpal tunnel syndrome, s/p R carpal tunnel release 3 months ago; numbness resolved, grip full.", True),
    ("Left carpal tunnel release 2019, no symptoms since.", True),
    ("R carpal tunnel syndrome, EMG confirmed, worse. L carpal tunnel release 2021, no symptoms since.", False),
    ("R carpal tunnel syndrome, resolved with a night splint.", False),  # no operation: left to the resolved rules
    ("Carpal tunnel release 2022, symptoms returned, repeat EMG.", False),
])
def test_the_release_must_be_done_and_the_end_said_after_it(note, over):
    start = note.lower().index("carpal tunnel")
    assert released_and_over(note, start, start + len("carpal tunnel")) is over
