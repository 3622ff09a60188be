"""Joint signs by joint and side (effusion M25.4-, stiffness M25.6-, instability M25.3-, a popliteal cyst M71.2-),
on one side or both, and pain in the flank (R10.A-) or over the pubis (R10.24): coded where current, kept out where
denied, past, doubted or part of a diagnosis of the same joint."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("Left shoulder instability on apprehension testing - PT.", {"M25.312"}),
    ("Instability of the right ankle when walking on uneven ground.", {"M25.371"}),
    ("Ankle effusion on exam, side not recorded.", {"M25.473"}),
    ("Ankle stiffness after a long flight, resolves with walking.", {"M25.673"}),
    ("Morning stiffness L wrist > 30 min for a month.", {"M25.632"}),
    ("Stiffness of the right hand when gripping.", {"M25.641"}),
    ("AM stiffness B knees > 1 h for 3 mo - labs.", {"M25.661", "M25.662"}),
    ("B elbow effusions on exam, afebrile.", {"M25.421", "M25.422"}),
    ("Swelling of both wrists for 2 wk, no injury.", {"M25.431", "M25.432"}),
    ("Popliteal cyst, left knee, seen on ultrasound.", {"M71.22"}),
    ("Right-sided Baker's cyst causing tightness behind the knee.", {"M71.21"}),
    ("Pain in the left flank since yesterday, no fever.", {"R10.A2"}),
    ("Flank pain (R) with movement, no hematuria.", {"R10.A1"}),
    ("Flank pain on both sides x 2 d.", {"R10.A3"}),
    ("Flank pain, side not said.", {"R10.A0"}),
    ("Bilat flank pain after a long car ride.", {"R10.A3"}),
    ("Suprapubic discomfort since Monday - UA sent.", {"R10.24"}),
])
def test_current_joint_sign_or_flank_pain_is_coded_by_site_and_side(suggest, frame, text, codes):
    assert codes <= billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("No instability of the R knee on stress testing.", {"M25.361"}),
    ("Shoulder exam: R shoulder instability with recurrent subluxation.", {"M25.311"}),
    ("L knee instability from an ACL tear, reconstruction planned.", {"M25.362"}),
    ("No bilateral knee effusions.", {"M25.461", "M25.462"}),
    ("Gout flare with swelling of both knees - prednisone.", {"M25.461", "M25.462"}),
    ("Swelling of both ankles by evening, better with elevation.", {"M25.471", "M25.472"}),
    ("Ruptured Baker's cyst R knee - calf swelling.", {"M71.21"}),
    ("No Baker's cyst on the knee US.", {"M71.20"}),
    ("Denies flank pain or fever.", {"R10.A0"}),
    ("History of L flank pain, resolved after stone passage.", {"R10.A2"}),
    ("No suprapubic pain, no dysuria.", {"R10.24"}),
    ("R knee primary OA with stiffness of the R knee after sitting.", {"M25.661"}),
])
def test_denied_past_or_explained_joint_sign_stays_out(suggest, frame, text, codes):
    assert not codes & billed(suggest, frame.format(text))


def test_doubted_capsulitis_leaves_the_stiffness_coded(suggest):
    found = billed(suggest, "A/P: 1. L shoulder stiffness x 6 wk, ? adhesive capsulitis - PT.")
    assert "M25.612" in found and "M75.02" not in found


def test_flank_pain_beside_a_confirmed_pyelonephritis_is_not_billed(suggest):
    found = billed(suggest, "A/P: 1. Acute pyelonephritis with R flank pain and fever - ceftriaxone.")
    assert "R10.A1" not in found


def test_suprapubic_pain_beside_an_unrelated_diagnosis_is_billed(suggest):
    assert "R10.24" in billed(suggest, "A/P: 1. HTN - continue lisinopril. 2. Suprapubic pain x 2 d - UA.")
