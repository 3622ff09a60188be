"""An injury's late effect (guidelines I.B.10 and I.C.19.a): the injury named as the late effect's cause is coded
with the 7th character S whatever its date or healing says, beside the residual condition, which is coded first
and not taken as the injury's own sign."""
import pytest

from services.coding.domain.injury_sequela import names_a_late_effect, sequela_code
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, residual, injury", [
    ("Ortho: R elbow stiffness, a late effect of a R radial head fracture sustained in 2020.", "M25.621",
     "S52.121S"),
    ("Hand clinic. Stiffness of the left wrist as a late effect of a left distal radius fracture 3 years ago, "
     "healed.", "M25.632", "S52.502S"),
    ("Post-traumatic OA of the right knee, a late effect of a right tibial plateau fracture (ORIF 2010).",
     "M17.31", "S82.141S"),
])
def test_the_residual_and_the_injury_named_as_its_cause_are_both_coded(suggest, note, residual, injury):
    assert {residual, injury} <= billed(suggest, note)


@pytest.mark.parametrize("note, history", [
    ("Wrist stiffness improving. Old right distal radius fracture, healed, no late effects of it.", "S52"),
    ("Mother has knee stiffness, a late effect of a tibial plateau fracture.", "S82"),
    ("Right elbow stiffness, possibly a late effect of an old radial head fracture.", "S52"),
])
def test_a_late_effect_denied_a_relatives_or_only_supposed_gives_no_sequela_code(suggest, note, history):
    assert not any(code.startswith(history) for code in billed(suggest, note))


def test_an_injury_sign_at_its_follow_up_stays_part_of_the_injury(suggest):
    codes = billed(suggest, "Fracture clinic. Right radial head fracture 3 weeks ago, in a sling; elbow stiffness.")
    assert "M25.621" not in codes


@pytest.mark.parametrize("text, named", [
    ("knee stiffness, a late effect of the fracture", True),
    ("neck pain as a sequela of the crash injury", True),
    ("healed fracture, no sequelae of it", False),
    ("stiffness after the fracture", False),
])
def test_a_late_effect_is_named_in_so_many_words(text, named):
    assert names_a_late_effect(text) is named


@pytest.mark.parametrize("code, sequela", [("S52.121S", True), ("S06.0X1S", True), ("S52.121D", False),
                                           ("M80.031S", False), ("S52.121", False)])
def test_a_sequela_code_is_an_injury_code_with_the_seventh_character_s(code, sequela):
    assert sequela_code(code) is sequela
