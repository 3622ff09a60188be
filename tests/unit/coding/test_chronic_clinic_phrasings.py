"""Chronic conditions in the phrasings clinics write them ("OP on Prolia", "Osteoporotic - T -3.0", "PN, on
gabapentin", "RF-positive RA, polyarticular"), read to their codes; the same words as another thing (the
oropharynx, a fracture's kind, a progress note) or with an organ involved are not. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Problem list: 3. OP - continue Prolia q6mo, DEXA next spring.", "M81.0"),
    ("Bone health: OP (T-score -3.1 at the hip) on risedronate.", "M81.0"),
    ("Impression: 1. Osteoporotic, lumbar T -2.9, started zoledronic acid.", "M81.0"),
    ("Impression: RF-positive RA, polyarticular, no extra-articular disease; cont methotrexate.", "M05.79"),
    ("A: sero-positive rheumatoid arthritis involving multiple joints, stable on leflunomide.", "M05.79"),
    ("PMH: seropositive RA, multiple joints. A/P: 1. RA - continue etanercept.", "M05.79"),
])
def test_the_clinic_phrasing_is_its_chronic_condition(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Plan: 2. PN of the feet - increase gabapentin to 300 mg tid.",
    "Dx: neck pain; PN. Orders: B12, TSH.",
])
def test_pn_is_a_peripheral_neuropathy(suggest, note):
    """Read as the index's "peripheral neuropathy", which a coder confirms where first sight holds it."""
    assert "G62.9" in {s.code for s in suggest(note)}


def test_rheumatoid_arthritis_named_again_is_not_a_second_unspecified_one(suggest):
    codes = billed(suggest, "PMH: seropositive RA, multiple joints. A/P: 1. RA - continue etanercept.")
    assert not {"M06.9", "M05.9"} & codes


@pytest.mark.parametrize("note, prefix", [
    ("Exam: OP with mild erythema, tonsils 1+. Rapid strep neg.", "M81"),  # the oropharynx
    ("Referred to OP physical therapy after the ankle sprain.", "M81"),  # outpatient
    ("Hx: wrist fx 2019, osteoporotic, healed; DEXA due.", "M81"),  # a fracture's kind, in the past
    ("PN: patient seen for routine follow-up of hypertension.", "G62"),  # a progress note's heading
    ("Impression: seropositive RA of multiple joints with RA-ILD on CT; pulm following.", "M05.79"),  # the lung
    ("Impression: seropositive RA of both wrists; cont hydroxychloroquine.", "M05.79"),  # sites not multiple
    ("Rheumatology: RA ruled out; RF positive at low titre, multiple joints ache after work.", "M05"),
])
def test_another_meaning_or_an_organ_involved_is_not_read_so(suggest, note, prefix):
    assert not any(code.startswith(prefix) for code in billed(suggest, note))


@pytest.mark.parametrize("note, status", [
    ("Ortho: L hip OA, worse on stairs; s/p R THA 2018, no pain.", "Z96.641"),
    ("PMH: s/p left total knee arthroplasty 2016; right knee pain from OA.", "Z96.652"),
])
def test_the_side_written_against_the_replacement_is_its_own(suggest, note, status):
    codes = billed(suggest, note)
    assert status in codes and not {status[:-1] + "3"} & codes
