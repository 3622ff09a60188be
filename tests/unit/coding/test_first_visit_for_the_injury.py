"""An injury the note calls this visit's first concern ("first visit for it") is in its active treatment (A),
even under a heading that follows up another condition ("Endo f/u"); a heading alone still reads as the follow-up."""
import pytest

from services.coding.domain.injury_encounter import stated_by_cue
from services.coding.domain.injury_visit_words import first_visit_for_it
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
SPRAIN = {"A": ("", "initial encounter"), "D": ("", "subsequent encounter"), "S": ("", "sequela")}


@pytest.mark.parametrize("note, character", [
    ("Diabetes clinic f/u. Rolled her R ankle on a step 3 days ago, first visit for it; lateral swelling.", "A"),
    ("Cardiology f/u. Twisted the L wrist gardening Sunday - this is the first evaluation for this.", "A"),
    # without the phrase the heading's follow-up still decides, as before
    ("Ortho f/u. R ankle sprain in a brace, swelling down.", "D"),
    # a late effect the note names is not turned into a first visit
    ("Neuro f/u. Chronic ankle instability, a late effect of an old ankle sprain; first visit for it here.", "S"),
])
def test_the_first_visit_for_the_injury_outweighs_a_follow_up_heading(note, character):
    assert stated_by_cue(SPRAIN, note) == character


@pytest.mark.parametrize("note", [
    "First visit here for diabetes; sprained ankle last year, healed.",  # the clinic's first visit, not the injury's
    "Her first visit was in May; now back for the knee.",
])
def test_only_the_injury_s_first_visit_counts(note):
    assert not first_visit_for_it(note)


def test_the_suggester_gives_the_sprain_its_initial_character_under_a_follow_up_heading(suggest):
    note = ("Endo f/u, 50F. T2DM on metformin. Sprained her R ankle on a curb 3 d ago, first visit for it, "
            "ATFL tender. A/P: 1. T2DM - continue. 2. R ankle sprain, ATFL - brace.")
    found = {s.code: s.confidence for s in suggest(note)}
    assert found.get("S93.491A", 0) >= 0.9 and "S93.491D" not in found
