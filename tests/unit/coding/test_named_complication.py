"""A combination code's "without" member gives way to its "with" sibling, read from the tabular's titles, where the
sentence naming the condition affirms the complication; a denied, past or doubted complication leaves it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Migraine with visual aura; the present attack has lasted 4 days, status migrainosus.", "G43.101"),
    ("Focal epilepsy with impaired awareness seizures; status epilepticus this morning, given lorazepam.",
     "G40.201"),
])
def test_an_affirmed_complication_takes_the_with_code(suggest, note, code):
    codes = billed(suggest, note)
    assert code in codes
    assert code[:-1] + "9" not in codes


def test_the_suggestion_names_its_rule(suggest):
    named = [s for s in suggest("Migraine with visual aura; the present attack has lasted 4 days, status migrainosus.")
             if s.code == "G43.101"]
    assert named and named[0].convention == "named-complication"


@pytest.mark.parametrize("note, code", [
    ("Migraine with aura, attacks last a few hours; never in status migrainosus.", "G43.109"),
    ("Migraine with aura. Status migrainosus in 2019, none since.", "G43.109"),
    ("Migraine with aura, not intractable. Status migrainosus possible, reassess tomorrow.", "G43.109"),
    ("Epilepsy, well controlled on lamotrigine; no status epilepticus ever.", "G40.909"),
])
def test_a_denied_past_or_doubted_complication_keeps_the_without_code(suggest, note, code):
    assert code in billed(suggest, note)
