"""A relative's "MS" is multiple sclerosis, a relative described as "alcoholic" has an alcohol dependence, and their
emphysema, chronic bronchitis or bronchiectasis is a chronic lower respiratory disease: each is the family history
code (Z82.0, Z81.1, Z82.5), never the patient's own condition and never the respiratory chapter's Z83.6. The
patient's "MS" with no course, a denied one, a spouse's and the patient's "alcoholic" liver stay as they were."""
import pytest

from services.coding.domain.context_z_codes import history_code
from services.coding.domain.shorthand_guards import relative_so_described, right_after_relative
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)
from tests.unit.coding.test_treatment_history_and_antibiotic_levels import FRAMES

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Sister with MS; mother healthy.", True),
    ("FHx: father - MS.", True),
    ("Maternal aunt w/ MS, on ocrelizumab.", True),
    ("MS on exam: alert, oriented.", False),
    ("Echo: moderate MS, MVA 1.3 cm2.", False),
    ("Her husband with MS.", False),
])
def test_ms_is_multiple_sclerosis_right_after_a_blood_relative(note, expected):
    start = note.index("MS")
    assert right_after_relative(note, start, start + 2) is expected


@pytest.mark.parametrize("note, expected", [
    ("Family hx: mother has bipolar disorder; paternal uncle alcoholic.", True),
    ("FHx: Father - alcoholic, sober now.", True),
    ("Father alcoholic cirrhosis.", False),
    ("Dx: alcoholic fatty liver.", False),
    ("Husband alcoholic.", False),
])
def test_alcoholic_closing_a_relatives_item_is_their_alcohol_dependence(note, expected):
    start = note.index("alcoholic")
    assert relative_so_described(note, start, start + len("alcoholic")) is expected


@pytest.mark.parametrize("condition", ["J43.9", "J42", "J41.0", "J47.9", "J44.9", "J45.909"])
def test_a_relatives_chronic_lower_respiratory_disease_is_z82_5(condition):
    assert history_code("family", condition) == "Z82.5"
    assert history_code("history", condition) is None


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, family, current", [
    ("Sister with MS. Migraine - continue topiramate.", "Z82.0", "G35.D"),
    ("FHx: father - MS. Pt has GERD.", "Z82.0", "G35.D"),
    ("COPD - continue tiotropium; mother w/ emphysema.", "Z82.5", "J43.9"),
    ("Brother with bronchiectasis. Pt has GERD.", "Z82.5", "J47.9"),
    ("GAD - escitalopram. Paternal uncle alcoholic.", "Z81.1", "F10.20"),
])
def test_the_relatives_family_history_code_and_never_the_condition(suggest, frame, item, family, current):
    codes = billed(suggest, frame.format(item))
    assert family in codes
    assert current not in codes and "Z83.6" not in codes


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "Her husband has MS.",
    "No family history of MS.",
    "Pt denies numbness; no MS.",
])
def test_a_spouse_a_denial_or_the_bare_abbreviation_codes_nothing(suggest, frame, item):
    codes = billed(suggest, frame.format(item))
    assert not {code for code in codes if code.startswith(("G35", "Z82.0", "I05", "I34"))}


@pytest.mark.parametrize("frame", FRAMES)
def test_the_patients_alcoholic_liver_keeps_its_own_code(suggest, frame):
    codes = billed(suggest, frame.format("Alcoholic fatty liver - abstinence counseled. Father alcoholic."))
    assert "K70.0" in codes and "Z81.1" in codes
