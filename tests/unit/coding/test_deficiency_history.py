"""A vitamin deficiency the note says was made up and is no longer supplemented is personal history of a
nutritional deficiency (Z86.39), not the deficiency; one kept up by its supplement, denied or a relative's is not."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, current", [
    ("Fatigue visit. Vitamin D insufficiency last winter, repleted; level 44 off cholecalciferol.", "E55.9"),
    ("Neuropathy f/u. B12 deficiency found 2022, replaced with injections, levels normal now.", "E53.8"),
    ("Osteopenia. Hx of vit D deficiency, corrected, no supplement since spring.", "E55.9"),
])
def test_a_deficiency_made_up_is_its_history(suggest, note, current):
    codes = billed(suggest, note)
    assert "Z86.39" in codes and current not in codes


@pytest.mark.parametrize("note", [
    "Osteoporosis. Vitamin D deficiency, repleted, now on D3 2000 IU daily to keep it up.",
    "Anemia work-up. B12 deficiency, level normal on monthly injections.",
    "Well visit. No vitamin D deficiency, level 40, not treated.",
    "Family history: mother with B12 deficiency, treated with injections.",
])
def test_one_kept_up_by_its_supplement_denied_or_a_relatives_is_not(suggest, note):
    assert "Z86.39" not in billed(suggest, note)
