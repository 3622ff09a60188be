"""A substance's uncomplicated code gives way to its "with withdrawal" sibling, read from the tabular's titles, where
the note finds the patient in withdrawal from that substance now; a denied, watched-for, past or other substance's
withdrawal leaves it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code, bare", [
    (("Alcohol use disorder, severe; stopped drinking two days ago. Shaky and sweating, CIWA 15: withdrawal. "
      "Chlordiazepoxide taper."), "F10.230", "F10.20"),
    ("Alcohol dependence since his divorce. Seen in alcohol withdrawal today, tremor and tachycardia.",
     "F10.230", "F10.20"),
])
def test_withdrawal_found_today_takes_the_combination_code(suggest, note, code, bare):
    codes = billed(suggest, note)
    assert code in codes
    assert bare not in codes


def test_the_suggestion_names_its_rule(suggest):
    named = [s for s in suggest("Alcohol dependence since his divorce. Seen in alcohol withdrawal today, tremor.")
             if s.code == "F10.230"]
    assert named and named[0].convention == "dependence-with-withdrawal"


@pytest.mark.parametrize("note", [
    "Alcohol dependence, drinks daily. No withdrawal symptoms this morning.",
    "Alcohol dependence; watch for withdrawal over the weekend.",
    "Alcohol dependence, daily drinking. Never had withdrawal when cutting back.",
    "Alcohol dependence and daily cigarette smoking; irritable from nicotine withdrawal since quitting Monday.",
])
def test_withdrawal_denied_watched_for_or_of_another_substance_leaves_the_code(suggest, note):
    codes = billed(suggest, note)
    assert "F10.230" not in codes
