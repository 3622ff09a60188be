"""A replaced joint is Z96.6- by site and side; the post-operative visit is Z47.1 with it, not the arthritis
the replacement treated."""
import pytest

from services.coding.domain.joint_replacement import joint_replacement
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Status post left total hip arthroplasty in 2019, doing well.", ["Z96.642"]),
    ("s/p right TKA, ambulating without a cane.", ["Z96.651"]),
    ("Bilateral knee replacements, remote.", ["Z96.653"]),
    ("Reverse total shoulder arthroplasty, right.", ["Z96.611"]),
    ("Hip replacement; side not recorded.", ["Z96.649"]),
    ("s/p left THA, referred to PT for gait training.", ["Z96.642"]),
    ("Right hip hemiarthroplasty 2022, walks with a cane.", ["Z96.641"]),  # one side of the joint replaced
    ("6 wk visit s/p left total knee arthroplasy.", ["Z96.652"]),  # the word as notes misspell it
])
def test_the_joint_replaced_is_its_status_code(tabular, note, expected):
    assert codes(joint_replacement([], note, tabular)[0]) == expected


def test_the_post_operative_visit_is_aftercare_and_drops_the_treated_arthritis(tabular):
    note = "Postoperative visit, 2 wks s/p left TKA for osteoarthritis. Staples removed."
    out, _ = joint_replacement(found(note, ("M17.12", "osteoarthritis")), note, tabular)
    assert codes(out) == ["Z47.1", "Z96.652"]


@pytest.mark.parametrize("note", ["Severe left knee OA; discussed total knee arthroplasty.",
                                  "Right hip OA, candidate for THA.", "Mother had a hip replacement.",
                                  "No prior knee replacement.",
                                  "Pre-op cardiac eval prior to R total knee arthroplasty.",
                                  "Pre-op clearance for L THA next month.",
                                  "Degenerative R knee, here for right TKA consent.",
                                  "Anesthesia review for L total hip arthroplasty.",
                                  "Type and screen: pre-procedure, left THA.",
                                  "Knee replacement not recommended at this time.",
                                  "Right THA - planning for spring.", "L knee to be replaced next month."])
def test_a_replacement_planned_discussed_denied_or_a_relatives_is_not_a_status(tabular, note):
    assert joint_replacement([], note, tabular)[0] == []


def test_the_arthritis_a_past_replacement_treated_is_not_coded_but_another_joints_is(tabular):
    note = "s/p left THA in 2015 for primary osteoarthritis; now right hip osteoarthritis."
    given = found(note, ("M19.90", "primary osteoarthritis"), ("M16.11", "right hip osteoarthritis"))
    assert codes(joint_replacement(given, note, tabular)[0]) == ["M16.11", "Z96.642"]


def test_a_post_op_visit_written_apart_is_aftercare(tabular):
    note = "6 wk post op visit s/p left total knee arthroplasty. Incision healed."
    assert codes(joint_replacement([], note, tabular)[0]) == ["Z47.1", "Z96.652"]


def test_a_joint_replaced_for_a_fracture_takes_no_joint_aftercare(tabular):
    """Its aftercare is the fracture's subsequent encounter (7th character D), which the injury rules code."""
    note = "Aftercare, left hip hemiarthroplasty 3 wks ago for displaced femoral neck fracture, routine healing."
    assert codes(joint_replacement([], note, tabular)[0]) == ["Z96.642"]


def test_a_joint_whose_arthritis_on_that_side_is_current_is_not_yet_replaced(tabular):
    note = "Plan: 1. Severe OA right hip - right THA on 4/2."
    out, _ = joint_replacement(found(note, ("M16.10", "OA right hip")), note, tabular)
    assert codes(out) == ["M16.10"]


def test_the_other_sides_arthritis_leaves_the_replaced_joint(tabular):
    note = "Right knee OA, injection given. Left TKA 2016, no pain."
    out, _ = joint_replacement(found(note, ("M17.11", "Right knee OA")), note, tabular)
    assert codes(out) == ["M17.11", "Z96.652"]


@pytest.mark.parametrize("note, expected", [
    ("Impression: 2. s/p left THA 2015 - continue as discussed.", ["Z96.642"]),
    ("Right knee replaced in 2011; no pain.", ["Z96.651"]),
])
def test_a_replacement_dated_or_written_as_replaced_is_its_status(tabular, note, expected):
    assert codes(joint_replacement([], note, tabular)[0]) == expected
