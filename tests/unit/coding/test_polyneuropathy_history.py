"""A Guillain-Barre syndrome the note says is over is the nervous system's personal history (Z86.69), not the
current G61.0; one still recovering, a relative's or one merely dated is not."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Back pain. Guillain-Barre syndrome in 2011, full recovery, walks unaided.",
    "Neuro consult for numbness. Hx of Guillain-Barre 2016, recovered completely with IVIG.",
])
def test_a_guillain_barre_over_is_its_history(suggest, note):
    codes = billed(suggest, note)
    assert "Z86.69" in codes and "G61.0" not in codes


@pytest.mark.parametrize("note", [
    "Rehab visit. Guillain-Barre syndrome 2 months ago, still weak in both legs, PT ongoing.",
    "Fatigue. Brother had Guillain-Barre syndrome in 2015, recovered.",
    "Vaccine question. Guillain-Barre syndrome in 2020.",
])
def test_one_still_weak_a_relatives_or_one_merely_dated_is_not(suggest, note):
    assert "Z86.69" not in billed(suggest, note)
