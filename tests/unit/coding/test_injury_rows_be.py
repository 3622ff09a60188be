"""Injuries worded as notes write them that the term index does not meet: a torus fracture with the side inside
"distal ... radius", a crushing injury by site, a calf strain, an animal's bite of the hand, a sprain of the
thumb's MCP joint; each completed by the side and the encounter the note states."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note, code", [
    ("Torus fracture of the distal left radius at age 7; cast check, healing well.", "S52.522D"),
    ("Urgent care: crush injury of the left lower leg under a pallet this morning.", "S87.82XA"),
    ("Crushed injury to the right foot when a crate fell on it 2 hours ago.", "S97.81XA"),
    ("Crush injury of the right hand in a press this morning; x-ray without fracture.", "S67.21XA"),
    ("Strain of the right calf muscle from tennis yesterday; walking on tiptoe hurts.", "S86.111A"),
    ("Left gastrocnemius strain sprinting for a bus last night; ice and compression.", "S86.112A"),
    ("Dog bite of the right hand 2 hours ago; irrigated, no sutures.", "S61.451A"),
    ("Bitten on the left hand by the family cat last night; amoxicillin-clavulanate.", "S61.452A"),
    ("Sprain of the MCP joint of the left thumb on a ski pole yesterday; thumb spica.", "S63.642A"),
])
def test_an_injury_worded_as_notes_write_it_is_coded_in_full(suggest, note, code):
    found = {s.code: s.confidence for s in suggest(note)}
    assert found.get(code, 0) >= THRESHOLD


@pytest.mark.parametrize("note, family", [
    ("No crush injury of the left lower leg; bruise only, fell yesterday.", "S87.8"),
    ("Calf strain ruled out on ultrasound, right; DVT excluded too. Seen yesterday.", "S86.1"),
])
def test_a_denied_injury_is_not_coded(suggest, note, family):
    assert not any(s.code.startswith(family) and s.confidence >= THRESHOLD for s in suggest(note))


def test_an_unsided_injury_code_is_not_sure_where_the_clause_names_a_side():
    from services.coding.domain.sure_injury_code import stated_in_full
    note = "ED: contusion of the right front wall of the chest after a crash yesterday."
    start = note.index("contusion")
    assert not stated_in_full("Contusion of unspecified front wall of thorax, initial encounter", note, start,
                              start + len("contusion of the right front wall of the chest"))
