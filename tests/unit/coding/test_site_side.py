"""The side of a condition written in another sentence naming the same site is the condition's, where every
sentence naming that site with a side names the same one; never for an injury code."""
import pytest

from services.coding.domain.site_side import sentences_naming_the_site
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note, code", [
    ("Lt shoulder aches at night for 6 months. Ultrasound: full-thickness supraspinatus tear. Surgical opinion.",
     "M75.122"),
    ("Exam, right shoulder: positive drop-arm sign. MRI: full-thickness supraspinatus tear, no trauma.", "M75.121"),
])
def test_the_side_of_the_same_site_in_another_sentence_is_taken(suggest, note, code):
    found = {s.code: s.confidence for s in suggest(note)}
    assert found.get(code, 0) >= THRESHOLD


@pytest.mark.parametrize("note", [
    # two sentences naming the shoulder with different sides: a coder asks which is torn
    "Right shoulder ached last year. Left shoulder painful now. MRI: full-thickness supraspinatus tear.",
    # the side is another site's
    "Right knee replaced in 2020. MRI: full-thickness supraspinatus tear.",
])
def test_no_side_is_taken_where_the_same_site_disagrees_or_is_not_named(suggest, note):
    found = {s.code: s.confidence for s in suggest(note)}
    assert not any(code in found for code in ("M75.121", "M75.122")) or max(
        found.get("M75.121", 0), found.get("M75.122", 0)) < THRESHOLD


def test_an_injury_codes_side_is_not_read_from_another_sentence():
    note = "Her R humerus fracture is healing. A: humerus fx."
    assert sentences_naming_the_site(note, "Fracture of unspecified part of shaft of humerus", "S42.309A") == []


def test_short_sides_are_spelled_out_in_the_sentences_naming_the_site():
    note = "L knee swollen after a hike. Knee x-ray: primary osteoarthritis."
    assert sentences_naming_the_site(note, "Unilateral primary osteoarthritis, unspecified knee", "M17.10") == [
        "left knee swollen after a hike", " Knee x-ray: primary osteoarthritis"]
