"""Heart, lung and gland conditions of chronic care read as the index files them: its entries no term met, the
diabetes "with" complications (ketoacidosis, hyperosmolarity, autonomic neuropathy), COPD with an acute lower
respiratory infection and a retinopathy stated apart for each eye. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("A/P: right lower lobe lobar pneumonia - amoxicillin-clavulanate, CXR in 6 weeks.", {"J18.1"}),
    ("Impression: lobar pneumonia of the left lung.", {"J18.1"}),
    ("CTA chest: saddle pulmonary embolism; started heparin drip.", {"I26.92"}),
    ("Dx: saddle PE with acute cor pulmonale on echo.", {"I26.02"}),
    ("Asthma flare progressing to status asthmaticus despite nebs - sent to ED.", {"J45.902"}),
    ("CT abdomen incidental: aortic atherosclerosis. Continue statin.", {"I70.0"}),
    ("CXR: calcified aorta, otherwise clear.", {"I70.0"}),
    ("Gyn referral. Polycystic ovary syndrome with irregular cycles - metformin.", {"E28.2"}),
    ("Assessment: pulmonary hypertension secondary to severe COPD; on home oxygen.", {"I27.23", "J44.9"}),
    ("Echo: PH 2/2 HFpEF, RVSP 52.", {"I27.22"}),
    ("Pulm HTN due to interstitial lung disease, stable.", {"I27.23"}),
    ("Renal f/u: hypertensive chronic kidney disease, CKD stage 3b, on losartan.", {"I12.9", "N18.32"}),
    ("Dx: hypertensive nephrosclerosis with ESRD on hemodialysis MWF.", {"I12.0"}),
    ("Problem: hypertensive heart and kidney disease, CKD 4, no heart failure symptoms.", {"I13.10"}),
    ("Stroke clinic: pAF, on apixaban 5 mg BID.", {"I48.0", "Z79.01"}),
])
def test_an_index_entry_in_the_words_clinics_use_meets_its_code(suggest, note, expected):
    assert expected <= billed(suggest, note)


@pytest.mark.parametrize("note, kept_out", [
    ("Lobar pneumonia due to Streptococcus pneumoniae, culture confirmed.", "J18.1"),
    ("No lobar pneumonia on today's film.", "J18.1"),
    ("Severe persistent asthma with status asthmaticus last year; well controlled now.", "J45.902"),
    ("Denies hx of saddle PE.", "I26.92"),
    ("CTA: no aortic atherosclerosis, no dissection.", "I70.0"),
    ("Echo: calcified aortic valve with moderate stenosis.", "I70.0"),
    ("Mother has polycystic ovary syndrome.", "E28.2"),
])
def test_denied_past_relatives_or_other_kinds_are_not_read_so(suggest, note, kept_out):
    assert kept_out not in billed(suggest, note)


@pytest.mark.parametrize("note, expected, not_expected", [
    ("Urgent visit: type 1 diabetes with DKA, bicarbonate 15, ketones large - sent to ED.", "E10.10", "E10.9"),
    ("A/P: T2DM with diabetic ketoacidosis precipitated by a missed dose of insulin.", "E11.10", "E11.9"),
    ("Urgent care: T2DM with hyperosmolar hyperglycemic state, glucose 780, osmolality 340 - transfer to ED.",
     "E11.00", "E11.65"),
    ("A/P: type 2 diabetes with autonomic neuropathy - orthostatic dizziness, midodrine.", "E11.43", "E11.42"),
    ("T1DM with diabetic autonomic neuropathy; gastric emptying study ordered.", "E10.43", "E10.9"),
])
def test_diabetes_with_ketoacidosis_hyperosmolarity_or_autonomic_neuropathy_is_the_combination(
        suggest, note, expected, not_expected):
    codes = billed(suggest, note)
    assert expected in codes and not_expected not in codes


@pytest.mark.parametrize("note, kept_out", [
    ("T2DM. No DKA episodes this year.", "E11.10"),
    ("T2DM. History of DKA in 2019 when newly diagnosed.", "E11.10"),
    ("Type 1 diabetes. Hyperosmolar state discussed as a risk of illness.", "E10.0"),
    ("T2DM with DKA and coma on arrival to ED.", "E11.10"),
    ("Post-hospital f/u: T1DM, admitted last week with DKA; glucose now 150s.", "E10.10"),
    ("T2DM, discharged after hyperosmolar hyperglycemic state; reviewed sick-day rules.", "E11.00"),
    ("Peds endo: T1DM, presented in DKA at diagnosis 5 months ago; A1c 7.0 on MDI.", "E10.10"),
    ("Type 2 diabetes found at onset in DKA, 2 yrs ago; metformin alone now.", "E11.10"),
])
def test_a_denied_past_or_comatose_ketoacidosis_is_not_the_combination_without_coma(suggest, note, kept_out):
    assert kept_out not in billed(suggest, note)


def test_a_ketoacidosis_today_is_the_combination_beside_one_at_the_diagnosis_years_ago(suggest):
    codes = billed(suggest, "Dx: T1DM with DKA today, anion gap 22, to the ED. Also had DKA at diagnosis 3 yrs ago.")
    assert "E10.10" in codes and "E10.9" not in codes


@pytest.mark.parametrize("note, expected", [
    ("COPD with acute bronchitis - doxycycline x 5 days, cont tiotropium.", {"J44.0"}),
    ("Dx: COPD; acute bronchitis. Azithromycin.", {"J44.0"}),
    ("COPD exacerbation with acute bronchitis, prednisone and doxycycline.", {"J44.0", "J44.1"}),
])
def test_copd_with_an_acute_lower_respiratory_infection_is_j44_0(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected <= codes and "J44.9" not in codes


@pytest.mark.parametrize("note", [
    "Impression: chronic obstructive lung disease with acute bronchitis; start doxycycline.",
    "1. AECOPD with acute bronchitis - steroid burst, azithromycin.",
    "Dx: COPD w/ acute bronchitis, afebrile, lungs with scattered rhonchi.",
])
def test_copd_with_acute_bronchitis_bills_the_bronchitis_beside_j44_0(suggest, note):
    codes = billed(suggest, note)
    assert {"J44.0", "J20.9"} <= codes


def test_a_bronchitis_past_beside_a_copd_stays_a_default_entry(suggest):
    codes = billed(suggest, "COPD on tiotropium. Acute bronchitis in March, cleared.")
    assert "J20.9" not in codes and "J44.0" not in codes


def test_autonomic_neuropathy_named_with_its_gastroparesis_is_one_combination(suggest):
    codes = billed(suggest, "Type 1 diabetes with autonomic neuropathy presenting as gastroparesis; metoclopramide.")
    assert "E10.43" in codes and "G90.9" not in codes and "E10.42" not in codes


def test_copd_beside_a_past_bronchitis_stays_copd(suggest):
    codes = billed(suggest, "COPD, stable on tiotropium. Had acute bronchitis last winter, resolved.")
    assert "J44.0" not in codes


@pytest.mark.parametrize("note, expected", [
    ("T2DM. Eye exam: moderate NPDR with macular edema, right eye; mild NPDR without macular edema, left eye.",
     {"E11.3311", "E11.3292"}),
    ("Type 1 diabetes. Retina: severe NPDR with DME OS; mild NPDR OD.", {"E10.3412", "E10.3291"}),
])
def test_a_retinopathy_stated_apart_for_each_eye_is_coded_once_for_each_eye(suggest, note, expected):
    assert expected <= billed(suggest, note)


def test_one_retinopathy_in_both_eyes_stays_one_code(suggest):
    codes = billed(suggest, "T2DM with moderate NPDR without macular edema OU. Retinopathy stable on last exam.")
    assert {c for c in codes if c.startswith("E11.3")} == {"E11.3393"}


def test_a_diabetic_neuropathy_typed_elsewhere_in_the_note_is_not_also_unspecified(suggest):
    codes = billed(suggest, "NCS: type 2 diabetes with axonal polyneuropathy, both legs. "
                            "Dx: T2DM with diabetic neuropathy; continue gabapentin.")
    assert "E11.42" in codes and "E11.40" not in codes


def test_a_diabetic_neuropathy_of_no_stated_type_stays_unspecified(suggest):
    assert "E11.40" in billed(suggest, "Dx: T2DM with diabetic neuropathy; continue gabapentin.")
