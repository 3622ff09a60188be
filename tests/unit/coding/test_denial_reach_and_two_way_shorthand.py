"""A denial stops at the spaced dash that opens a diagnosis after the denied words, and still reaches across its
list; "RA" beside a drug class or a heart chamber is no rheumatoid arthritis, and a condition another clinician only
asked about is not the patient's; "RA-associated ILD" is the rheumatoid lung disease, M05.10."""
import pytest

from services.coding.domain.denial_reach import closed_by_a_dash
from services.coding.domain.shorthand_guards import heart_chamber, receptor_agonist
from tests.unit.coding.test_note_readings import billed, coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


@pytest.mark.parametrize("reach, closed", [
    (" claudication - diabetic peripheral ", True),
    (" DM - ", True),
    (" fever/chills \u2013 ", True),
    (": - fever - ", False),  # a dashed list the denial heads
    (" fever, chills, or ", False),
    (" T-score -2.6 L spine, ", False),  # hyphens, not a spaced dash
    (" fever; chills - ", False),  # the dash is in the next clause
])
def test_the_denied_words_then_a_spaced_dash_close_the_reach(reach, closed):
    assert closed_by_a_dash(reach) is closed


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code, denied", [
    ("T2DM on metformin. PAD, ABI 0.78, no claudication - diabetic peripheral angiopathy, walking program.",
     "E11.51", "I73.9"),
    ("Lipids ok; no DM - prediabetes, A1c 6.1.", "R73.03", "E11.9"),
    ("No fever or cough - community-acquired pneumonia RLL on CXR, amoxicillin.", "J18.9", "R50.9"),
])
def test_a_diagnosis_after_the_dash_is_coded_and_the_denied_words_are_not(suggest, frame, item, code, denied):
    found = billed(suggest, frame.format(item))
    assert code in found
    assert denied not in found


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, denied", [
    ("No fever - chills.", "R68.83"),  # a sign after the dash may be one more denied item
    ("Denies chest pain, SOB, or palpitations.", "R00.2"),
    ("No fever/chills/cough.", "R05.9"),
    ("Neg for asthma, COPD and pneumonia.", "J44.9"),
    ("Without fever or dysuria.", "R30.0"),
    ("Denies: - fever - chills.", "R68.83"),
])
def test_a_denial_still_reaches_across_its_list(suggest, frame, item, denied):
    assert denied not in coded(suggest, frame.format(item))


@pytest.mark.parametrize("text, before_ra, guard, reads", [
    ("adding a GLP-1 RA", "adding a GLP-1 ", receptor_agonist, True),
    ("on GIP/GLP-1 RA tirzepatide", "on GIP/GLP-1 ", receptor_agonist, True),
    ("RA on MTX", "", receptor_agonist, False),
    ("LA and RA mildly dilated", "LA and ", heart_chamber, True),
    ("RA enlarged on echo", "", heart_chamber, True),
    ("RA on MTX", "", heart_chamber, False),
    ("seropositive RA, hands", "seropositive ", heart_chamber, False),
])
def test_ra_beside_a_drug_class_or_a_chamber(text, before_ra, guard, reads):
    start = len(before_ra)
    assert guard(text, start, start + 2) is reads


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "T2DM with hyperglycemia on metformin - adding a GLP-1 RA.",
    "T2DM on dual GIP/GLP-1 RA tirzepatide.",
    "Echo: EF 55%, LA and RA mildly dilated, mild TR.",
    "SpO2 94% on RA.",
    "PCP asked about RA: RF and CCP neg, no synovitis - not RA.",
])
def test_ra_that_is_no_rheumatoid_arthritis(suggest, frame, item):
    assert not any(code.startswith(("M05", "M06")) for code in billed(suggest, frame.format(item)))


@pytest.mark.parametrize("frame", FRAMES)
def test_the_patients_ra_beside_a_glp1_ra_is_still_coded(suggest, frame):
    found = billed(suggest, frame.format("RA on methotrexate; T2DM on metformin - adding a GLP-1 RA."))
    assert {"M06.9", "Z79.631"} <= found


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item", [
    "RA-associated ILD, NSIP pattern, on mycophenolate.",
    "Rheumatoid lung disease - PFTs stable, continue mycophenolate.",
    "RA-ILD on HRCT, rheum following.",
])
def test_a_rheumatoid_arthritiss_lung_disease_is_m05_10_not_the_arthritis_alone(suggest, frame, item):
    found = billed(suggest, frame.format(item))
    assert "M05.10" in found
    assert "M06.9" not in found


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, arthritis", [
    ("No RA-ILD on HRCT.", None),
    ("RA on MTX. ILD, likely drug-induced, pulm following.", "M06.9"),
    ("RA on MTX, no ILD on CT.", "M06.9"),
])
def test_no_rheumatoid_lung_disease_where_the_note_denies_it_or_names_another_cause(suggest, frame, item, arthritis):
    found = billed(suggest, frame.format(item))
    assert "M05.10" not in found
    assert arthritis is None or arthritis in found
