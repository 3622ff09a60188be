"""The cervical smear's findings by their Bethesda names, and the high-risk HPV test positive: sentences of our
own wording."""
import pytest

from services.coding.domain.cervical_cytology import NAME, cervical_cytology
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Pap result: ASC-US, reflex HPV negative.", ["R87.610"]),
    ("Cervical cytology shows atypical squamous cells of undetermined significance.", ["R87.610"]),
    ("Pap returned ASC-H; colposcopy next week.", ["R87.611"]),
    ("Pap smear: low-grade squamous intraepithelial lesion.", ["R87.612"]),
    ("LGSIL on her Pap, HR HPV positive.", ["R87.612", "R87.810"]),
    ("Liquid-based cytology with HSIL.", ["R87.613"]),
    ("Pap NILM but high-risk HPV detected.", ["R87.810"]),
    ("Co-testing: cytology normal, positive for high-risk HPV.", ["R87.810"]),
])
def test_the_smears_findings(tabular, note, expected):
    out, reasons = cervical_cytology([], note, tabular)
    assert codes(out) == expected and reasons and all(s.convention == NAME for s in out)


@pytest.mark.parametrize("note", [
    "Pap normal, HPV negative; no ASC-US or LSIL.",
    "History of LSIL on Pap in 2015, every Pap normal since.",
    "Anal Pap: LSIL, referred for high-resolution anoscopy.",
    "Cervical biopsy showed CIN 2 after her HSIL Pap.",
    "Screening Pap and HPV collected today.",
])
def test_no_finding_denied_past_elsewhere_or_given_by_histology(tabular, note):
    assert cervical_cytology([], note, tabular)[0] == []


def test_a_result_followed_up_is_no_screening(tabular):
    note = "Pap smear result: LSIL."
    start = note.index("Pap smear")
    screening = Suggestion(code="Z12.4", description="d", confidence=0.94, start=start, end=start + 9,
                           evidence="Pap smear", context="affirmed")
    assert codes(cervical_cytology([screening], note, tabular)[0]) == ["R87.612"]
