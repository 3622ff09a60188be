"""An injury named as the cause of a present condition is its sequela, not a personal history of the injury."""
import pytest

from services.coding.domain.injury_as_cause import injury_as_cause
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history", [
    ("Dizzy spells since a concussion last winter.", ("Z87.820", "concussion")),
    ("Wrist stiffness, a late effect of a scaphoid fracture.", ("Z87.81", "scaphoid fracture")),
    ("Neck pain as a sequela of an old C6 fracture; the fracture is healed.", ("Z87.81", "fracture is healed")),
])
def test_the_injury_causing_a_present_condition_is_not_history(tabular, note, history):
    out, reasons = injury_as_cause(found(note, history, context="history"), note, tabular)
    assert codes(out) == [] and reasons


@pytest.mark.parametrize("note, history", [
    ("Hx of concussion 2012, no sequelae.", ("Z87.820", "concussion")),
    ("Ankle fracture in 2015 without residual problems.", ("Z87.81", "Ankle fracture")),
    ("Old rib fractures, healed. Knee pain from overuse.", ("Z87.81", "rib fractures")),
])
def test_a_healed_injury_with_no_late_effect_stays_history(tabular, note, history):
    out, _ = injury_as_cause(found(note, history, context="history"), note, tabular)
    assert codes(out) == [history[0]]
