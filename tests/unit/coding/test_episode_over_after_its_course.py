"""A follow-up after a course is Z09 with a history code only for a condition the course ended: an osteoarthritis
eased by an injection or replaced by an arthroplasty goes on, and a course given for a flare ends the flare, not the
chronic condition. A musculoskeletal episode whose course the sentence says is done, its end said then or in the next
sentence, is its personal history; one the sentence says goes on is not."""
import pytest

from tests.unit.coding.test_doubted_after import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, current", [
    ("Knee clinic f/u. Primary OA of the right knee, cortisone shot given; injection done, home exercises.", "M17.11"),
    ("Ortho follow-up. OA L hip, hyaluronic acid injection today - injection done, tolerated well.", "M16.12"),
])
def test_an_osteoarthritis_eased_today_is_no_completed_treatment(suggest, note, current):
    sure = billed(suggest, note)
    assert current in sure and not {"Z09", "Z87.39"} & sure


def test_an_osteoarthritis_resolved_by_its_joint_replacement_is_no_history(suggest):
    sure = billed(suggest, "Problem list: osteoarthritis of the right hip - resolved after right THA in 2021.")
    assert "Z87.39" not in sure


@pytest.mark.parametrize("note", [
    "Pulm recheck. Finished a 5-day prednisone burst for a COPD exacerbation two weeks ago, breathing back to "
    "baseline. COPD on tiotropium.",
    "Asthma f/u: completed oral steroids for her asthma flare last month, back to baseline; moderate persistent "
    "asthma on budesonide-formoterol.",
])
def test_a_course_completed_for_a_flare_is_no_follow_up_after_completed_treatment(suggest, note):
    assert "Z09" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Sports med recheck after finishing 6 weeks of PT for right golfer's elbow. Elbow pain resolved, full grip.",
    "Hand clinic f/u: L de Quervain tenosynovitis, splint and NSAID course completed; pain gone, Finkelstein neg.",
    "Shoulder f/u, completed a home stretching program for adhesive capsulitis of the left shoulder; motion back, "
    "pain resolved.",
])
def test_an_episode_over_after_its_completed_course_is_musculoskeletal_history(suggest, note):
    assert {"Z09", "Z87.39"} <= billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Podiatry f/u: completed PT for left plantar fasciitis, heel still painful in the mornings.",
    "Elbow recheck: completed 4 wks of bracing for R lateral epicondylitis, pain persists with lifting.",
])
def test_an_episode_still_there_after_its_course_is_no_history(suggest, note):
    sure = billed(suggest, note)
    assert not {"Z09", "Z87.39"} & sure
