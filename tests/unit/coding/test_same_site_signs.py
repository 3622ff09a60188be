"""A joint's or a limb's sign beside a confirmed diagnosis of the same site and side, read from both tabular titles."""
import pytest

from services.coding.domain.same_site_signs import _names_site, _site_of, same_site_signs
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("title, side, site", [
    ("Pain in left hip", "left", {"hip"}),
    ("Effusion, right knee", "right", {"knee"}),
    ("Pain in right lower leg", "right", {"lower", "leg"}),
    ("Pain in right ankle and joints of right foot", "right", {"ankle"}),
    ("Stiffness of left shoulder, not elsewhere classified", "left", {"shoulder"}),
])
def test_a_signs_title_gives_its_side_and_site(title, side, site):
    assert _site_of(title) == (side, frozenset(site))


@pytest.mark.parametrize("title", ["Pain in unspecified knee", "Cervicalgia", "Pain in right finger(s)"])
def test_a_title_without_one_side_and_a_plain_site_gives_none(title):
    assert _site_of(title) is None


@pytest.mark.parametrize("title, side, site, same", [
    ("Trochanteric bursitis, left hip", "left", {"hip"}, True),
    ("Unilateral primary osteoarthritis, right knee", "right", {"knee"}, True),
    ("Bilateral primary osteoarthritis of knee", "left", {"knee"}, True),
    ("Contusion of right shoulder, initial encounter", "right", {"shoulder"}, True),
    ("Unilateral primary osteoarthritis, left knee", "right", {"knee"}, False),
    ("Unilateral primary osteoarthritis, right hip", "right", {"knee"}, False),
    ("Plantar fascial fibromatosis", "right", {"ankle"}, False),
])
def test_a_diagnosis_title_of_the_same_side_and_site(title, side, site, same):
    assert _names_site(title, side, frozenset(site)) is same


class _Titles:
    TITLES = {"M25.552": "Pain in left hip", "M70.62": "Trochanteric bursitis, left hip",
              "M70.61": "Trochanteric bursitis, right hip", "Z96.642": "Presence of left artificial hip joint"}

    def description(self, code):
        return self.TITLES[code]


def _found(code, context="affirmed"):
    return Suggestion(code=code, description="", confidence=0.95, start=0, end=1, evidence="x", context=context)


def test_the_sign_goes_beside_a_diagnosis_of_its_site_and_side():
    kept, reasons = same_site_signs([_found("M25.552"), _found("M70.62")], "", _Titles())
    assert [s.code for s in kept] == ["M70.62"] and "M70.62" in reasons[0]


@pytest.mark.parametrize("others", [
    [_found("M70.61")],  # the other hip
    [_found("Z96.642")],  # a status is no diagnosis
    [_found("M70.62", context="uncertain")],  # only supposed
])
def test_the_sign_stays_beside_no_confirmed_diagnosis_of_its_site_and_side(others):
    kept, _ = same_site_signs([_found("M25.552"), *others], "", _Titles())
    assert "M25.552" in {s.code for s in kept}


@pytest.mark.parametrize("note, sign, diagnosis", [
    ("Knee clinic. Right knee swollen and aching for months; films show joint space loss. Impression: primary "
     "osteoarthritis, right knee.", "M25.461", "M17.11"),
    ("Lateral left hip pain when lying on that side. Assessment: trochanteric bursitis of the left hip, steroid "
     "injection.", "M25.552", "M70.62"),
])
def test_a_joints_sign_is_not_billed_beside_its_own_diagnosis(suggest, note, sign, diagnosis):
    found = billed(suggest, note)
    assert diagnosis in found and sign not in found


def test_a_sign_of_the_other_joint_is_still_billed(suggest):
    found = billed(suggest, "Trochanteric bursitis of the left hip, injection today. Also right knee pain since a "
                            "long hike last week.")
    assert "M70.62" in found and "M25.561" in found
