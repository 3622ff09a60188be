"""Injuries in the note's own words reach their code, sided and completed with the encounter the note states."""
import pytest

from services.coding.domain.conventions import apply_conventions
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Sprained left ankle playing soccer, initial encounter.", ["S93.402A"]),
    ("Right knee sprain, subsequent visit, improving.", ["S83.91XD"]),
    ("Lumbar strain lifting boxes; initial visit.", ["S39.012A"]),
    ("Fracture of the right distal radius after a fall on ice. Initial encounter.", ["S52.501A"]),
    ("Left ankle fracture, sequela, with stiffness.", ["S82.892S"]),
    ("F/u: anterior dislocation of right shoulder, reduced in ED 10 days ago. Sling.", ["S43.014D"]),
    ("Posterior shoulder dislocation, left, initial encounter.", ["S43.025A"]),
    ("Dislocated left shoulder playing rugby; initial encounter.", ["S43.005A"]),
])
def test_an_injury_in_the_notes_words_is_coded_complete(tabular, note, expected):
    out = apply_conventions([], note, tabular)
    assert codes(out) == expected and out[0].convention == "seventh-character"


def test_a_fracture_called_open_is_not_taken_as_closed(tabular):
    out = apply_conventions([], "Open fracture of the left ankle, initial encounter.", tabular)
    assert codes(out) == ["S82.892"] and out[0].convention == "seventh-character-missing"


def test_no_encounter_stated_leaves_the_7th_character_to_a_coder(tabular):
    out = apply_conventions([], "Right ankle sprain.", tabular)
    assert codes(out) == ["S93.401"] and out[0].confidence < 0.9


@pytest.mark.parametrize("note", ["No ankle sprain.", "Possible distal radius fracture, x-ray pending.",
                                  "XR: no shoulder dislocation."])
def test_a_denied_or_uncertain_injury_is_not_coded(tabular, note):
    assert apply_conventions([], note, tabular) == []


def test_a_past_fracture_is_its_personal_history_never_the_injury(tabular):
    assert codes(apply_conventions([], "History of ankle fracture in 2010.", tabular)) == ["Z87.81"]
