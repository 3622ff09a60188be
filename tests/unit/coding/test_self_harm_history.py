"""A suicide attempt or self-harm written with a past time is the patient's history of it, not the event's care."""
import pytest

from services.coding.domain.self_harm_history import self_harm_history
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("PMH: overdose attempt 2016 (remote), no SI since.", ["Z91.51"]),
    ("Attempted suicide about 8 years ago by hanging; in therapy since.", ["Z91.51"]),
    ("hx of overdose attempt 2012, none since, denies SI today.", ["Z91.51"]),
    ("Scars on both forearms from self-cutting as a teen, none since.", ["Z91.52"]),
    ("Self-harm by burning in her twenties, stopped with DBT.", ["Z91.52"]),
])
def test_a_dated_attempt_or_self_harm_is_its_history(tabular, note, expected):
    assert codes(self_harm_history([], note, tabular)[0]) == expected


def test_the_attempts_injury_code_gives_way_to_its_history(tabular):
    note = "Suicide attempt by overdose 2020. Denies SI today."
    suggestions, _ = self_harm_history(found(note, ("T14.91XA", "Suicide attempt")), note, tabular)
    assert codes(suggestions) == ["Z91.51"]
    assert suggestions[0].context == "history"


@pytest.mark.parametrize("note", [
    "Denies prior suicide attempts in 2020 or since.",  # denied
    "Mother's suicide attempt in 2019; pt worried.",  # a relative's
    "Overdose attempt last night, 2 days after her 2019 discharge.",  # this visit's event
    "Suicide attempt by overdose; seen in the ED.",  # no time: left as written
    "Passive SI since 2021, no attempts.",  # ideation, no attempt
])
def test_a_denied_relatives_recent_or_undated_event_is_not_a_history(tabular, note):
    attempt = found(note, ("T14.91XA", "Suicide attempt")) if "Suicide attempt" in note else []
    suggestions, _ = self_harm_history(attempt, note, tabular)
    assert not any(s.code.startswith("Z91.5") for s in suggestions)
    assert codes(suggestions) == codes(attempt)


def test_a_clock_time_is_not_an_age(tabular):
    note = "Overdose attempt at 3 am, brought in by EMS."
    assert codes(self_harm_history([], note, tabular)[0]) == []
