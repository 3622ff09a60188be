"""A problem list printed in the tabular's words: its qualifiers ("unspecified", "without complication") name no
condition, so one item's "unspecified" does not tie it to another item said to be over."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Active: Hyperlipidemia, unspecified. Resolved: Acute bronchitis, unspecified (resolved 03/2025).", "E78.5"),
    ("Problem list: Anemia, unspecified. Constipation, unspecified - resolved with fiber.", "D64.9"),
])
def test_a_printed_qualifier_is_not_the_head_another_item_ends(suggest, note, code):
    assert code in billed(suggest, note)


def test_the_condition_itself_said_over_elsewhere_still_goes_to_a_coder(suggest):
    held = {s.code: s.convention for s in suggest("Problem list: Anemia, unspecified. Anemia resolved after iron.")}
    assert held.get("D64.9") == "stated-over-elsewhere"
