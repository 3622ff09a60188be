"""The lipid disorders by subtype (E78.-): a word of another E78 condition beside the unspecified one holds it back
no longer; a denial of a drug before a dash does not reach the degree-led assessment after it; a stroke's residual
deficit set after a comma is its sequela."""
import pytest

from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_a_neighbouring_condition_s_words_are_no_kind_of_pure_hypercholesterolemia(tabular):
    words = tabular.category_words("E78.00")
    assert not {"mixed", "fasting", "combined"} & words
    assert {"familial", "heterozygous"} <= words  # its own kinds still qualify it


def test_the_kinds_of_hyperlipidemia_still_qualify_the_unspecified_one(tabular):
    words = tabular.category_words("E78.5")
    assert {"mixed", "combined", "familial"} <= words and not {"cholesterol", "high", "fasting"} & words


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Fasting LDL 181, TG 122: pure hypercholesterolemia, not mixed - begin pravastatin 20.", "E78.00"),
    ("Pure hypercholesterolemia on fasting labs, diet first.", "E78.00"),
    ("High cholesterol (hyperlipidemia), controlled on simvastatin.", "E78.5"),
    ("TG 610 fasting, on no lipid med - severe hypertriglyceridemia, begin fenofibrate.", "E78.1"),
])
def test_the_subtype_the_note_names_is_billed(suggest, frame, item, code):
    assert code in billed(suggest, frame.format(item))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, family", [
    ("No severe hypertriglyceridemia on repeat labs.", "E78"),
    ("No hypertriglyceridemia - mild rise in LDL only, recheck.", "E78.1"),
    ("Possible familial hypercholesterolemia, genetic panel sent.", "E78.01"),
    ("Brother has familial hypercholesterolemia.", "E78.01"),
])
def test_a_denied_doubted_or_relative_s_lipid_disorder_is_not_billed(suggest, frame, item, family):
    assert not {code for code in billed(suggest, frame.format(item)) if code.startswith(family)}


def test_a_relative_s_familial_hypercholesterolemia_is_the_family_history_code(suggest):
    assert "Z83.42" in {s.code for s in suggest("Brother has familial hypercholesterolemia.")}


@pytest.mark.parametrize("frame", FRAMES)
def test_a_residual_deficit_after_a_comma_is_the_stroke_s_sequela_not_its_history(suggest, frame):
    out = billed(suggest, frame.format("R MCA ischemic stroke 4 mo ago, residual L hemiparesis, L-handed."))
    assert "I69.352" in out and "Z86.73" not in out and "I63.9" not in out
