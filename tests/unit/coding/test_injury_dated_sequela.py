"""The injury a present condition dates from ("since", "after", "due to" it), in a note that names the condition as
the injury's late effect, is the sequela's cause (guideline I.C.19.a, 7th character S): coded with S whatever its
date or healing says, and not its personal history. A nerve's injury is coded at the level and side the note
writes."""
import pytest

from services.coding.domain.injury_sequela import dated_from_by_a_late_effect, injury_sequela
from services.coding.domain.nerve_injury_sites import NERVE_INJURY_SITES
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Neuro: daily headaches since a concussion without LOC 11 months ago; chronic post-traumatic headache, not "
     "intractable - start nortriptyline.", {"G44.329", "S06.0X0S"}),
    ("Ortho: painful stiff R shoulder since a R proximal humerus fracture in 2022, healed; adhesive capsulitis of "
     "the R shoulder, a sequela of that fracture.", {"M75.01", "S42.201S"}),
    ("Lab req. Dx: chronic pain due to trauma - R ankle pain after a R bimalleolar fracture in 2019 (healed).",
     {"G89.21", "S82.841S"}),
])
def test_the_injury_a_late_effect_dates_from_is_coded_as_its_sequela(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected <= codes
    assert not codes & {"Z87.81", "Z87.820"}


@pytest.mark.parametrize("note, injury", [
    # no late effect named: the old injury stays in the past
    ("Knee pain since a R patella fracture in 2019, healed; no pain until a twist last week.", "S82"),
    ("Concussion in 2019, no residual symptoms; no headaches since.", "S06"),
    # a relative's, a denied one, a doubted one
    ("Mother has foot drop, a late effect of a peroneal nerve injury in 2020.", "S84"),
    ("No ulnar nerve injury after the fall; sensation intact.", "S54"),
    ("Possible post-concussion syndrome vs anxiety after a minor head bump 4 months ago.", "S06"),
])
def test_no_sequela_for_an_injury_healed_without_one_a_relatives_denied_or_doubted(suggest, note, injury):
    assert not any(code.startswith(injury) for code in billed(suggest, note))


@pytest.mark.parametrize("note, before_injury, dated_from", [
    ("Headaches since a concussion 1 year ago: post-concussion headaches.", "Headaches since a ", True),
    ("Headaches since a concussion 1 year ago, now gone.", "Headaches since a ", False),
    ("Stiff wrist, a late effect of the fracture. Diabetes since a pancreatitis.", "Diabetes since a ", True),
    ("Post-traumatic headache in 2021. Knee pain, the fracture unrelated.", "Knee pain, the ", False),
])
def test_the_cause_words_count_only_in_a_note_that_names_a_late_effect(note, before_injury, dated_from):
    assert dated_from_by_a_late_effect(note, before_injury) is dated_from


@pytest.mark.parametrize("note, sequela", [
    ("Residual numbness of the thumb since a median nerve injury in 2021.", True),
    ("TIA 2022, no residual deficits. Median nerve injury in 2021.", False),
])
def test_a_deficit_called_residual_is_an_after_effect_but_none_denied_is_not(note, sequela):
    assert (injury_sequela(note) is not None) is sequela


def _nerve_code(text: str) -> str | None:
    (pattern, _, resolve), = NERVE_INJURY_SITES
    match = pattern.search(text)
    found = resolve(match, text) if match else None
    return found[0] if found else None


@pytest.mark.parametrize("text, code", [
    ("R median nerve injury at the wrist", "S64.11"),
    ("left ulnar nerve laceration at the forearm", "S54.02"),
    ("injury to the right radial nerve at the upper arm", "S44.21"),
    ("median nerve injury", "S54.10"),  # the index's default level, the side unstated
    ("L common peroneal nerve injury at the fibular neck", "S84.12"),
    ("peroneal nerve injury, right", "S84.11"),
    ("peroneal nerve injury at the ankle", None),  # the deep or superficial branch at the foot: for a coder
    ("ulnar nerve injury of the arm", None),  # "arm" alone names no level
])
def test_a_nerve_injury_by_its_level_and_side(text, code):
    assert _nerve_code(text) == code


@pytest.mark.parametrize("note, expected", [
    ("Neuro: L foot drop, a sequela of a L peroneal nerve injury from a knee dislocation in 2022.", "S84.12XS"),
    ("Hand clinic: R median nerve injury at the forearm from a glass laceration yesterday, initial visit.",
     "S54.11XA"),
])
def test_a_nerve_injury_takes_the_encounter_the_note_states(suggest, note, expected):
    assert expected in billed(suggest, note)
