"""A diabetic's counted "lows" are hypoglycemia; a sleep disorder's word beside insomnia names no kind of it; the
index's psychophysiological insomnia is its own code."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, expected, other_type", [
    ("Type 1 DM on a pump; 4 lows a week, lowest 51, no LOC.", "E10.649", "E11"),
    ("T2DM on glyburide, recurrent lows before dinner (BG 48-58) - lower the dose.", "E11.649", "E10"),
])
def test_a_diabetics_lows_are_the_diabetes_with_hypoglycemia_of_its_type(suggest, frame, item, expected, other_type):
    coded = billed(suggest, frame.format(item))
    assert expected in coded
    assert not any(code.startswith(other_type) for code in coded)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "T2DM on metformin alone, no lows.",  # denied
    "Bipolar II disorder with highs and lows, on lamotrigine.",  # a mood's, no diabetes in the note
    "T1DM on pump. Orthostatic BP lows to 88 systolic.",  # a pressure's
    "Mother has T2DM with frequent lows.",  # a relative's
])
def test_lows_that_are_denied_a_relatives_or_no_sugars_are_no_hypoglycemia(suggest, frame, item):
    coded = billed(suggest, frame.format(item))
    assert not any(code.endswith(".649") or code == "E16.2" for code in coded)


@pytest.mark.parametrize("frame", FRAMES)
def test_insomnia_beside_a_named_apnea_stays_insomnia(suggest, frame):
    coded = billed(suggest, frame.format("Severe OSA on CPAP. Sleep-maintenance insomnia predating the apnea, "
                                         "CBT-I."))
    assert "G47.30" not in coded
    assert {"G47.33", "G47.00"} <= coded


def test_a_qualifier_of_the_same_condition_still_names_its_code(suggest):
    assert "J21.0" in billed(suggest, "Acute bronchiolitis, respiratory syncytial virus positive.")


@pytest.mark.parametrize("frame", FRAMES)
def test_psychophysiological_insomnia_is_its_own_index_entry(suggest, frame):
    coded = billed(suggest, frame.format("Psychophysiological insomnia x 2 yrs - CBT-I, no hypnotics."))
    assert "F51.04" in coded and "G47.00" not in coded


@pytest.mark.parametrize("frame", FRAMES)
def test_a_denied_or_a_relatives_psychophysiological_insomnia_is_not_coded(suggest, frame):
    for item in ("Not psychophysiological insomnia - shift work.", "Sister has psychophysiological insomnia."):
        assert "F51.04" not in billed(suggest, frame.format(item))


def test_hypoglycemia_named_twice_is_one_combination_code_and_no_leftover_hint(suggest):
    found = suggest("Type 1 DM on pump. Recurrent hypoglycemia overnight, lows to 55, no LOC.")
    assert [s.code for s in found if s.code in ("E10.649", "E16.2")] == ["E10.649"]
