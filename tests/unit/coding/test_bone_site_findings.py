"""A long bone's shaft fracture by its pattern, a stress fracture of the foot, a radial styloid fracture and
trochanteric bursitis reach the index's codes, sided and completed; a film's callus and a visit named by the weeks
since the injury are routine healing."""
import pytest

from services.coding.domain.conventions import apply_conventions
from services.coding.domain.injury_encounter import follow_up_cue
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Oblique fracture of the right tibial shaft after a ski fall this morning, initial encounter.", ["S82.231A"]),
    ("Nondisplaced spiral fracture of the shaft of the left humerus; initial encounter.", ["S42.345A"]),
    ("Left ulnar shaft fracture, comminuted; initial encounter.", ["S52.252A"]),
    ("Fracture of the right femoral shaft, initial encounter.", ["S72.301A"]),
    ("Segmental fracture through the left fibular shaft, sequela.", ["S82.462S"]),
])
def test_a_shaft_fracture_is_coded_by_its_pattern_and_displaced_unless_stated(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


def test_a_shaft_fracture_with_two_patterns_named_is_left_to_a_coder(tabular):
    note = "Transverse and oblique fracture lines of the right radial shaft; initial encounter."
    assert not any(code.startswith("S52.3") for code in codes(apply_conventions([], note, tabular)))


@pytest.mark.parametrize("note, expected", [
    ("Stress fracture of the left third metatarsal in a ballet dancer; initial encounter.", ["M84.375A"]),
    ("Right navicular stress fracture, initial encounter.", ["M84.374A"]),
])
def test_a_stress_fracture_of_the_foot_is_m84_37_by_side(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note, expected", [
    ("Displaced fracture of the right radial styloid, initial encounter.", ["S52.511A"]),
    ("Left radial styloid fracture, nondisplaced; initial encounter.", ["S52.515A"]),
])
def test_a_radial_styloid_fracture_is_s52_51_by_side_and_displacement(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note, expected", [
    ("Right trochanteric bursitis after a long walk.", "M70.61"),
    ("Greater trochanteric bursitis on the left, injected today.", "M70.62"),
])
def test_trochanteric_bursitis_names_the_hip(tabular, note, expected):
    assert expected in codes(apply_conventions([], note, tabular))


@pytest.mark.parametrize("note, subsequent", [
    ("Clavicle fracture. Film today: early callus, alignment unchanged.", True),
    ("Six-week check of a left wrist fracture; film taken today.", True),
    ("Fell today and broke the left wrist; x-ray in clinic.", False),
])
def test_a_films_callus_and_a_weeks_check_are_routine_healing(note, subsequent):
    assert bool(follow_up_cue(note)) == subsequent
