"""A symptom beside a confirmed diagnosis that the note itself calls a separate problem is coded, not held."""
import pytest

from services.coding.domain.symptom_set_apart import set_apart
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "Unrelated to this, she has had tingling in both feet.",
    "Separately, a dry itchy rash on the shins.",
    "Incidentally notes blood on the tissue after wiping.",
    "New complaint: hoarse voice since the winter.",
    "Weight down 5 kg, not explained by the thyroid disease.",
    "These headaches are different from her usual migraines.",
])
def test_the_writer_sets_the_symptom_apart(text):
    assert set_apart(text, 0, len(text))


@pytest.mark.parametrize("text", [
    "Also numbness of both feet on monofilament testing.",
    "Epigastric pain unrelated to meals.",
    "Chest tightness, unrelated to exertion.",
    "Fatigue and weight gain with the low thyroid.",
])
def test_a_plain_or_descriptive_mention_is_not_set_apart(text):
    assert not set_apart(text, 0, len(text))


@pytest.mark.parametrize("note, diagnosis, symptom", [
    ("Hypothyroidism on levothyroxine, TSH at goal. Unrelated, tingling of the fingertips of both hands for two "
     "months.", "E03.9", "R20.2"),
    ("Gout of the left big toe, colchicine. Incidentally, tingling in both hands at night.", "M10.072", "R20.2"),
])
def test_a_symptom_set_apart_is_billed_beside_the_diagnosis(suggest, note, diagnosis, symptom):
    found = billed(suggest, note)
    assert diagnosis in found and symptom in found


def test_a_symptom_not_set_apart_still_goes_to_a_coder(suggest):
    found = billed(suggest, "Hypothyroidism on levothyroxine, TSH at goal. Tingling of the fingertips of both hands.")
    assert "E03.9" in found and "R20.2" not in found
