"""Lacerations of the finger, thumb, hand and forearm by site and side ("Cut - see Laceration"), with the encounter
the note states; a wound of the nail or with a foreign body, a past or denied laceration, and a finger with no
side are not billed."""
import re

import pytest

from services.coding.domain.laceration_sites import LACERATION_SITE, laceration_code
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Urgent visit. Sliced the L ring finger opening a can this afternoon: 1 cm laceration of the L ring finger, "
     "nail spared, no FB. Two sutures.", "S61.215A"),
    ("Nicked his right thumb on a saw blade 2 hours ago; thumb laceration R, nail intact, steri-strips.", "S61.011A"),
    ("Cut her R palm on a broken jar last night. 3 cm, no foreign body on irrigation; closed with 4 sutures.",
     "S61.411A"),
    ("Wound check: laceration to the left forearm from a fence, sutures removed today, healing well.", "S51.812D"),
])
def test_a_laceration_by_its_site_and_side_is_its_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Laceration of the L middle finger through the nail bed this morning; hand surgery today.",
    "Cut the right hand on a window yesterday, glass fragment retained on XR; removal under block.",
    "Laceration of the left thumb in 2019, healed; no complaints.",
    "No laceration of the R hand; abrasion only, cleaned.",
    "Mother cut her left index finger last week.",
])
def test_a_laceration_of_the_nail_with_a_foreign_body_past_or_denied_is_not_billed(suggest, note):
    assert not any(code.startswith("S61") for code in billed(suggest, note))


def test_a_finger_with_no_side_is_left_to_a_coder():
    note = "Laceration of the index finger yesterday, repaired."
    assert laceration_code(LACERATION_SITE.search(note), note) is None


def test_a_hand_with_no_side_keeps_its_unspecified_side_code():
    note = "Laceration of the hand yesterday, repaired."
    assert laceration_code(LACERATION_SITE.search(note), note)[0] == "S61.419"


def test_cutting_down_or_a_cut_with_no_site_is_not_a_laceration():
    assert not re.search(LACERATION_SITE, "Cut down on sugary drinks; cut the dose in half.")
