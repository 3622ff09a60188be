"""Osteoporosis stays coded when the ending words after it are its drug course's or a fracture's ("completed 4
yrs of risedronate", "a healed wrist fracture"), and still goes uncoded when they are its own, or when the
note only screens for it, doubts it or gives it to a relative."""
import pytest

from services.coding.domain.lasting_osteoporosis import ends_its_care_not_it
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("cue, after, ends_care", [
    ("- completed", " - completed 4 yrs of risedronate, now off it", True),
    (", finished", ", finished a course of zoledronic acid", True),
    (", completed", ", completed bisphosphonate therapy 2022", True),
    (", with a healed", ", with a healed R wrist fracture", True),
    ("- completed", " - completed PT for the back", False),
    ("resolved", " resolved per DXA", False),
    (", healed", ", healed per report", False),
])
def test_the_ending_cue_read_as_the_course_or_fracture(cue, after, ends_care):
    assert ends_its_care_not_it("M81.0", cue, after) is ends_care


def test_another_condition_keeps_its_ending_cue():
    assert not ends_its_care_not_it("J18.9", "- completed", " - completed 7 days of amoxicillin")


@pytest.mark.parametrize("frame", ["A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}"])
@pytest.mark.parametrize("item", [
    "Osteoporosis, age-related - completed 4 yrs of risedronate, drug holiday since spring.",
    "Request DXA. Reason: senile osteoporosis, history of a healed osteoporotic wrist fracture.",
])
def test_osteoporosis_after_its_course_or_fracture_is_coded(suggest, frame, item):
    assert any(s.code == "M81.0" and s.confidence >= THRESHOLD for s in suggest(frame.format(item)))


@pytest.mark.parametrize("frame", ["A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}"])
@pytest.mark.parametrize("item", [
    "Osteopenia of the L hip, T -1.6 - not osteoporosis; completed 2 yrs of calcium.",
    "Screening DXA for osteoporosis, completed today.",
    "Sister with osteoporosis, finished 5 yrs of alendronate.",
    "Possible osteoporosis - DXA pending.",
])
def test_no_osteoporosis_where_the_note_does_not_affirm_it(suggest, frame, item):
    assert not any(s.code.startswith("M81") and s.confidence >= THRESHOLD for s in suggest(frame.format(item)))


@pytest.mark.parametrize("frame", ["A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}"])
def test_osteoporosis_a_steroid_caused_is_other_osteoporosis(suggest, frame):
    found = {s.code for s in suggest(frame.format("Steroid-induced osteoporosis (T -2.6 L spine) - start risedronate."))
             if s.confidence >= THRESHOLD}
    assert "M81.8" in found and "M81.0" not in found


@pytest.mark.parametrize("frame", ["A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}"])
@pytest.mark.parametrize("item", [
    "Possible steroid-induced osteoporosis - DXA ordered.",
    "Steroid-induced osteopenia, T -1.9 - calcium and vitamin D.",
])
def test_a_doubted_drug_induced_osteoporosis_or_an_osteopenia_is_none(suggest, frame, item):
    assert not any(s.code.startswith("M81") and s.confidence >= THRESHOLD for s in suggest(frame.format(item)))
