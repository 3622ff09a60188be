"""A laceration or a puncture wound the note does not say holds a foreign body is the code "without foreign body",
where the index sends it ("Laceration, scalp"), with the site written first as notes write it."""
import pytest

from services.coding.domain.note_terms import variants
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_the_foreign_body_qualifier_is_the_default_of_a_wound():
    keys = {k for k, _ in variants("Laceration without foreign body of scalp", "description")}
    assert {"laceration scalp", "scalp laceration"} <= keys


def test_a_wound_with_a_foreign_body_keeps_its_words():
    keys = {k for k, _ in variants("Laceration with foreign body of scalp", "description")}
    assert "scalp laceration" not in keys


@pytest.mark.parametrize("note, code", [
    ("Walk-in: tripped on the stairs this afternoon, 2 cm scalp laceration closed with staples.", "S01.01XA"),
    ("Suture check: scalp laceration from a fall 8 days ago, healing well; staples out.", "S01.01XD"),
])
def test_a_scalp_laceration_is_coded_with_its_encounter(suggest, note, code):
    assert any(s.code == code and s.confidence >= 0.9 for s in suggest(note))
