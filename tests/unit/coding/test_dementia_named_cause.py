"""A dementia whose own words name its disease ("PD dementia", "DLB") is coded after the disease, as F02.-."""
import pytest

from services.coding.domain.dementia_disturbance import dementia_disturbance
from services.coding.domain.dementia_in_disease import dementia_in_disease
from services.coding.domain.dementia_named_cause import dementia_named_cause
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _read(note, given, tabular):
    for convention in (dementia_named_cause, dementia_disturbance, dementia_in_disease):
        given, _ = convention(given, note, tabular)
    return given


@pytest.mark.parametrize("note, expected", [
    ("Dx: Alzheimer type dementia, moderate, stable on memantine.", ["F02.B0", "G30.9"]),
    ("Impression - late onset Alzheimer's dementia with agitation at dusk.", ["F02.811", "G30.1"]),
    ("Problem: AD dementia, severe; hospice discussed.", ["F02.C0", "G30.9"]),
    ("Plan for Parkinson dementia, mild: rivastigmine patch.", ["F02.A0", "G20.A1"]),
    ("Major NCD due to PD with visual hallucinations, quetiapine held.", ["F02.82", "G20.A1"]),
])
def test_the_disease_in_the_dementias_words_is_added_and_the_dementia_made_f02(tabular, note, expected):
    assert codes(_read(note, found(note, ("F03.90", "dementia" if "dementia" in note else "Major NCD")),
                       tabular)) == expected


@pytest.mark.parametrize("note, expected", [
    ("Known DLB, now with paranoia about neighbours.", ["F02.82", "G31.83"]),
    ("bvFTD with disinhibition, wife at every visit.", ["F02.818", "G31.09"]),
    ("PDD, moderate; no psychosis today.", ["F02.B0", "G20.A1"]),
])
def test_one_abbreviation_for_disease_and_dementia_gives_both(tabular, note, expected):
    assert codes(_read(note, [], tabular)) == expected


def test_a_disease_found_without_its_dementia_code_gets_one(tabular):
    note = "Lewy body dementia, mild, followed by neurology."
    assert codes(_read(note, found(note, ("G31.83", "Lewy body dementia")), tabular)) == ["F02.A0", "G31.83"]


@pytest.mark.parametrize("note", [
    "Mother had Alzheimer's dementia in her 80s.",
    "Rule out Alzheimer dementia; MoCA pending.",
    "No features of DLB on exam.",
    "Seborrheic dermatitis, AD lib moisturizer.",
    "Metformin 500 mg bid, pd at the pharmacy.",
])
def test_a_relatives_doubted_or_denied_dementia_or_another_words_letters_add_nothing(tabular, note):
    assert _read(note, [], tabular) == []


def test_a_disease_found_in_another_context_is_left_as_found(tabular):
    note = "Possible Alzheimer's disease; Alzheimer's dementia to be confirmed by PET."
    given = found(note, ("G30.9", "Alzheimer's disease"), context="uncertain")
    assert codes(dementia_named_cause(given, note, tabular)[0]) == ["G30.9"]
