"""A diagnosis "consider" only proposes stays uncoded when its own qualifiers stand between the cue and the
condition ("consider mild gastritis"); a condition stated beside a "consider" that proposes a drug or a test for it
is still coded."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, out", [
    ("A/P: 1. Epigastric burning - consider mild gastritis, trial of famotidine.", "K29"),
    ("A/P: 1. HTN - continue lisinopril. 2. Elevated ALT - consider NAFLD, RUQ US ordered.", "K76"),
    ("Transaminitis; consider nonalcoholic fatty liver disease vs medication effect.", "K76"),
    ("A/P: 1. Fatigue, HCV Ab reactive - consider chronic hepatitis C, RNA pending.", "B18"),
    ("Daily headaches x 4 mo - consider chronic migraine; headache diary.", "G43.7"),
])
def test_a_proposed_diagnosis_with_its_qualifiers_is_not_billed(suggest, note, out):
    found = {s.code for s in suggest(note) if s.confidence >= 0.90}
    assert not any(code.startswith(out) for code in found)


@pytest.mark.parametrize("note, kept", [
    ("A/P: 1. NAFLD - consider liver biopsy if ALT stays up.", "K76.0"),
    ("A/P: 1. Chronic hepatitis C - consider starting sofosbuvir/velpatasvir.", "B18.2"),
    ("A/P: 1. Mild gastritis on EGD - consider a PPI trial.", "K29.70"),
    ("A/P: 1. Consider a statin for hyperlipidemia, LDL 182.", "E78.5"),
])
def test_a_stated_condition_beside_a_proposed_drug_or_test_is_still_billed(suggest, note, kept):
    assert kept in {s.code for s in suggest(note) if s.confidence >= 0.90}
