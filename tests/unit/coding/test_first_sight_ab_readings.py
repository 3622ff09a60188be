"""Readings of classes first met on notes ab1-ab40: a cue that belongs to another word ("gluten-free", "a healed
fx"), a course completed after a semicolon, the diabetes type a note states elsewhere, hypertension with heart
disease, diabetic nephropathy, and index words for coronary stenosis, lobe nodules, buckle fractures."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_free_denies_the_word_it_is_joined_to_not_an_earlier_condition(suggest):
    assert "K90.0" in billed(suggest, "Celiac disease, on gluten-free diet.")
    assert "R56.9" not in {s.code for s in suggest("Seizure free x 2 yrs on lamotrigine.")}


def test_a_cue_after_an_article_is_the_next_conditions_adjective(suggest):
    coded = billed(suggest, "74F with age-related osteoporosis and a healed L distal radius fragility fx (2023).")
    assert {"M81.0", "Z87.310"} <= coded
    assert not {c for c in billed(suggest, "Cellulitis of L leg, healed.") if c.startswith("L03")}


def test_a_condition_now_resolved_is_not_current(suggest):
    assert "J18.9" not in billed(suggest, "Pneumonia, now resolved on CXR.")


def test_a_course_completed_after_a_semicolon_makes_the_follow_up_and_the_history(suggest):
    coded = billed(suggest, "Post-discharge follow-up. Hospitalized 11/18-11/22 for RLL community-acquired pneumonia; "
                            "completed levofloxacin 11/25. Today afebrile, lungs clear.")
    assert {"Z09", "Z87.01"} <= coded and "J18.9" not in coded


def test_the_type_stated_elsewhere_governs_an_untyped_diabetes(suggest):
    coded = billed(suggest, "Diabetes visit, 24F with T1DM on insulin pump. Mild NPDR OU without macular edema.")
    assert "E10.3293" in coded and "Z79.4" not in coded and not {c for c in coded if c.startswith("E11")}
    assert "Z79.4" in billed(suggest, "Diabetes f/u. T2DM on insulin glargine.")


def test_diabetic_nephropathy_is_its_combination_unless_ckd_is_stated(suggest):
    assert "E11.21" in billed(suggest, "T2DM x 12 yrs, A1c 8.6. A: diabetic nephropathy, UACR 300.")
    coded = billed(suggest, "T2DM on metformin. CKD stage 3a. Nephropathy.")
    assert "E11.22" in coded and not {"E11.21", "N08"} & coded


def test_hypertension_with_lvh_is_hypertensive_heart_disease(suggest):
    coded = billed(suggest, "Echo: LVEF 50%, mild LVH. Her hypertension is well controlled on losartan.")
    assert "I11.9" in coded and not {"I10", "I51.7"} & coded
    assert "I51.7" in billed(suggest, "Echo: moderate left atrial enlargement. Persistent AF on apixaban.")
    assert {"I10", "I51.7"} <= billed(suggest, "LVH due to aortic stenosis. HTN.")


def test_coronary_stenosis_and_a_stent_placed(suggest):
    assert {"I25.10", "Z95.5"} <= billed(suggest, "Cath: 90% RCA stenosis, DES placed. Discharged on ASA 81.")


@pytest.mark.parametrize("note, code", [
    ("9 mm solid RUL nodule found on CT.", "R91.1"), ("Three nodules in the LLL, stable.", "R91.8"),
    ("12 yo with R distal radius buckle (torus) fx, 3 wks in cast, routine healing.", "S52.521D"),
    ("He also has primary osteoarthritis of both knees.", "M17.0"), ("ODD criteria still met.", "F91.3"),
    ("Dx: long-term methotrexate for psoriatic arthritis.", "L40.50"),
])
def test_index_words_first_met_on_these_notes(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_diagnosis_without_complications_does_not_deny_the_drug_after_it(suggest):
    coded = billed(suggest, "Lab req: CBC, A1c. Dx: T2DM w/o complications on metformin; HLD; hypothyroidism.")
    assert {"E11.9", "Z79.84"} <= coded
    assert "Z79.84" not in billed(suggest, "T2DM, diet controlled, not on metformin.")
