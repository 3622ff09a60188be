"""Codes around an injury that a coder would not report, and a healed fracture in the past as Z87.8-."""
import pytest

from services.coding.domain.injury_specificity import injury_specificity
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_an_unspecified_injury_beside_a_specific_one_is_dropped(tabular):
    note = "Twisting injury; sprain of the right ankle."
    out, _ = injury_specificity(found(note, ("T14.90XA", "injury"), ("S93.401A", "sprain of the right ankle")),
                                note, tabular)
    assert codes(out) == ["S93.401A"]


def test_an_unspecified_injury_alone_stays(tabular):
    note = "Minor injury to the hand."
    assert codes(injury_specificity(found(note, ("T14.90XA", "injury")), note, tabular)[0]) == ["T14.90XA"]


def test_unstated_activity_place_or_status_is_not_assigned(tabular):
    note = "Strain. Activity as tolerated."
    out, _ = injury_specificity(found(note, ("Y93.9", "Activity")), note, tabular)
    assert out == []


@pytest.mark.parametrize("note, expected", [
    ("XR: bridging callus at the fracture site.", []),
    ("Plantar callus under the second metatarsal head.", ["L84"]),
])
def test_a_bone_callus_is_not_a_skin_callus(tabular, note, expected):
    assert codes(injury_specificity(found(note, ("L84", "callus")), note, tabular)[0]) == expected


@pytest.mark.parametrize("note, expected", [
    ("History of right hip fracture in 2015.", ["Z87.81"]),
    ("Old osteoporotic wrist fracture, healed.", ["Z87.310"]),
    ("Humerus fracture at age 12, healed without problems.", ["Z87.81"]),
    ("Osteoporosis. Hx of L distal radius fx 2023 from fall from standing, healed.", ["Z87.310"]),
    ("Hx of L distal radius fx 2023 from fall from standing, healed.", ["Z87.81"]),  # no osteoporosis named
    ("History of a stress fracture of the left tibia, healed.", ["Z87.312"]),
    ("H/o fracture, now healing in a cast.", []),
    ("No history of fracture.", []),
    ("Mother with history of hip fracture.", []),
])
def test_a_healed_fracture_in_the_past_is_personal_history(tabular, note, expected):
    assert codes(injury_specificity([], note, tabular)[0]) == expected
