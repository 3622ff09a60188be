"""The 7th character from the follow-up words of injury notes, and "s/p" under follow-up care read as current."""
import pytest

from services.coding.domain.conventions import apply_conventions
from services.coding.domain.injury_encounter import follow_up_cue
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Cast check for a left distal radius fracture; alignment maintained.", ["S52.502D"]),
    ("F/u right ankle sprain, improving.", ["S93.401D"]),
    ("Here for follow-up of a lumbar strain.", ["S39.012D"]),
    ("Fracture of the right distal fibula healing well.", ["S82.831D"]),
    ("Eight weeks after pinning of a left distal radius fracture, healing routinely.", ["S52.502D"]),
    ("Right ankle fracture, active treatment, splinted today.", ["S82.891A"]),
])
def test_follow_up_words_are_the_subsequent_encounter(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note", [
    "Right ankle sprain. Ice and elevation; f/u 2 wks.",
    "Right ankle sprain 3 weeks ago. Ice and elevation; f/u 2 wks.",
    "Left distal radius fracture, delayed union or early nonunion on CT. Cast check.",
    "Open fracture of the left ankle. Follow-up visit.",
])
def test_a_plan_to_follow_up_or_another_healing_leaves_the_character_to_a_coder(tabular, note):
    out = apply_conventions([], note, tabular)
    assert out and all(s.confidence < 0.9 for s in out)


@pytest.mark.parametrize("note", ["Right ankle sprain yesterday. Ice and elevation; f/u 2 wks.",
                                  "Twisted the right ankle 2 hours ago. Right ankle sprain."])
def test_an_injury_of_the_last_day_is_its_initial_encounter(tabular, note):
    assert codes(apply_conventions([], note, tabular)) == ["S93.401A"]


@pytest.mark.parametrize("note, expected", [
    ("Worker who lifted a crate. Dx: lower back strain, initial - NSAID, modified duty.", ["S39.012A"]),
    ("Cardiology f/u. Right ankle sprain (initial encounter); air cast given.", ["S93.401A"]),
    ("Impression: sprain of the left wrist, initial", ["S63.502A"]),
])
def test_the_encounter_written_after_the_injury_is_read(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


def test_an_initial_that_names_something_else_is_not_the_encounter(tabular):
    out = apply_conventions([], "Right ankle sprain 3 weeks ago, initial swelling gone; f/u 2 wks.", tabular)
    assert out and all(s.confidence < 0.9 for s in out)


@pytest.mark.parametrize("note, expected", [
    ("Closed Colles fracture of the left radius 10 wks ago. XR: delayed union.", ["S52.532G"]),
    ("Fracture of the waist of the right scaphoid from 2024; CT shows nonunion.", ["S62.021K"]),
    ("Right distal radius fracture healed in malunion, dorsal tilt 25 deg.", ["S52.501P"]),
])
def test_delayed_healing_nonunion_and_malunion_are_their_own_subsequent_encounter(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


def test_a_plan_is_not_a_follow_up_visit():
    assert follow_up_cue("Sprain. F/u in 2 weeks.") is None
    assert follow_up_cue("Follow-up visit for a sprain.") is not None


def test_status_post_an_injury_under_follow_up_is_current_but_a_healed_one_is_not(tabular):
    assert codes(apply_conventions([], "Cast check, 4 wks s/p fracture of the left distal radius.", tabular)) \
        == ["S52.502D"]
    assert codes(apply_conventions([], "Cast check today. History of a left distal radius fracture, healed.",
                                   tabular)) == ["Z87.81"]
