"""A condition the note says ended, dated "years ago" with or without a count, is its personal history."""
import pytest

from services.coding.domain.ended_history import ended_in_the_past
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "Gout years ago, resolved with diet.", "Gout several yrs ago, resolved.", "Gout decades ago, recovered fully.",
])
def test_an_uncounted_span_of_years_dates_the_ending(text):
    assert ended_in_the_past("resolved" if "resolved" in text else "recovered", text, 0, 4)


@pytest.mark.parametrize("note, code", [
    ("Had a duodenal ulcer years ago, healed and resolved; on no PPI.", "Z87.11"),
    ("PMH: pericarditis many years ago, resolved. BP 118/76.", "Z86.79"),
])
def test_a_condition_that_ended_years_ago_gets_its_history_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, current", [
    ("Rash resolved with the cream; seen for knee pain.", "Z87.2"),
    ("Pneumonia 3 weeks ago, resolved on repeat film.", "Z87.01"),
])
def test_an_ending_not_dated_years_back_is_no_history(suggest, note, current):
    assert current not in billed(suggest, note)
