"""A relative's condition takes its own family history code from the whole Z80-Z84 table, however the family
history is written ("fam hx of", "FH:", a relative's name), and a denied one takes none."""
import pytest

from services.coding.domain.context_z_codes import history_code
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _family(found):
    return sorted(s.code for s in found if s.context == "family")


@pytest.mark.parametrize("condition, expected", [
    ("R56.9", "Z82.0"), ("H54.7", "Z82.1"), ("H91.90", "Z82.2"), ("H90.3", "Z82.2"), ("H35.30", "Z83.518"),
    ("N18.30", "Z84.19"), ("N20.0", "Z84.19"),
])
def test_the_table_names_the_entry_for_a_relatives_seizures_sight_hearing_macula_and_kidneys(condition, expected):
    assert history_code("family", condition) == expected


@pytest.mark.parametrize("condition", ["R56.9", "H91.90", "H35.30"])
def test_those_entries_are_for_a_relative_only(condition):
    assert history_code("history", condition) is None


@pytest.mark.parametrize("note, expected", [
    ("Fam hx of prostate cancer in his father.", ["Z80.42"]),
    ("fam hx of melanoma, maternal side.", ["Z80.8"]),
    ("Fam history of CAD.", ["Z82.49"]),
    ("fam hx of Alzheimer's.", ["Z82.0"]),
    ("fam hx of colon polyps.", ["Z83.719"]),
])
def test_fam_hx_is_a_relatives_history_not_the_patients(suggest, note, expected):
    found = suggest(note)
    assert _family(found) == expected
    assert not [s for s in found if s.code.startswith(("Z85", "Z86", "Z87", "C", "D12"))]


@pytest.mark.parametrize("note, expected", [
    ("Grandfather had lymphoma.", "Z80.7"), ("FH: lymphoma (aunt).", "Z80.7"),
    ("Her brother has seizures.", "Z82.0"), ("FHx seizures.", "Z82.0"),
    ("Dad with macular degeneration.", "Z83.518"), ("FH hearing loss, both grandparents.", "Z82.2"),
    ("FH: MS in a cousin.", "Z82.0"), ("Family history significant for bipolar.", "Z81.8"),
])
def test_the_relatives_condition_takes_its_family_code(suggest, note, expected):
    found = suggest(note)
    assert expected in _family(found)
    assert not [s for s in found if s.context != "family"]


@pytest.mark.parametrize("note", ["No FH of lymphoma.", "No family history of seizures.",
                                  "Denies fam hx of colon cancer."])
def test_a_denied_family_history_is_not_coded(suggest, note):
    assert suggest(note) == []


@pytest.mark.parametrize("note, expected", [
    ("Hx of lymphoma, in remission since 2019, surveillance CT clear.", "Z85.72"),
    ("Lymphoma on R-CHOP, cycle 3 today.", "C85.90"),
    ("Seizures x 2 this month, EEG ordered.", "R56.9"),
    ("Hearing loss, referred to audiology.", "H91.90"),
])
def test_the_patients_own_condition_stays_the_patients(suggest, note, expected):
    found = suggest(note)
    assert expected in [s.code for s in found]
    assert not [s for s in found if s.context == "family"]
