"""Nerve entrapments whose index entries end in a dash ("Meralgia paresthetica G57.1-", "Syndrome, tarsal tunnel
G57.5-") are completed by the side the note writes, as the cubital and carpal tunnels are."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note, code", [
    ("Numb patch over the outer thigh, right side; meralgia paresthetica, right. Avoid tight belts.", "G57.11"),
    ("Lt meralgia paresthetica since starting to wear a tool belt.", "G57.12"),
    ("Both thighs burn laterally: meralgia paresthetica, bilateral.", "G57.13"),
    ("NCS confirms tarsal tunnel syndrome of the right foot; custom orthotics.", "G57.51"),
    ("Tarsal tunnel syndrome, L, after an old ankle sprain; injection offered.", "G57.52"),
])
def test_a_sided_entrapment_takes_its_side(suggest, note, code):
    found = {s.code: s.confidence for s in suggest(note)}
    assert found.get(code, 0) >= THRESHOLD


def test_a_denied_entrapment_is_not_coded(suggest):
    codes = {s.code for s in suggest("Foot pain on the left; no tarsal tunnel syndrome on NCS. Plantar fasciitis.")
             if s.confidence >= THRESHOLD}
    assert not any(c.startswith("G57.5") for c in codes)
