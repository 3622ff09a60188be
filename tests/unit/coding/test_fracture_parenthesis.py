"""A fracture whose type a parenthesis names after its state words ("(closed Colles)", "(displaced, lateral
malleolus)") takes that type's code. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _codes(suggest, note):  # noqa: F811
    return {s.code.replace(".", "") for s in suggest(note)}


@pytest.mark.parametrize("note, expected", [
    ("Cast check: R wrist fx (closed Colles) 4 wks ago, healing as expected.", "S52531D"),
    ("Ankle fx (displaced, lateral malleolus) yesterday, L, splinted in the ED today.", "S8262"),
    ("Fracture of the left radius (nondisplaced Colles) after a fall today.", "S52532A"),
])
def test_a_parenthesis_naming_the_type_after_the_fractures_state(suggest, note, expected):  # noqa: F811
    assert any(code.startswith(expected) for code in _codes(suggest, note))


def test_a_parenthesis_of_state_alone_names_no_type(suggest):  # noqa: F811
    assert not any(code.startswith("S5253") for code in _codes(suggest, "L distal radius fx (closed), casted today."))
