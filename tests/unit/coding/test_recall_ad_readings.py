"""Readings for codes missed at first sight on the pooled rounds' notes: an eponym written alone, alcoholism by
its index entry, and the status and long-term drug codes read through the whole suggester."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_an_eponym_written_alone_is_its_disease_for_the_patient_and_a_relative(suggest):
    assert "Z83.49" in billed(suggest, "FHx: sister with Hashimoto's.")
    assert "E06.3" in billed(suggest, "Hypothyroidism d/t Hashimoto's, on levothyroxine 100.")
    assert "E06.3" in billed(suggest, "Hashimoto's thyroiditis, euthyroid on levothyroxine.")  # its noun written


def test_alcoholism_is_alcohol_dependence(suggest):
    assert "Z81.1" in billed(suggest, "Family hx: father with alcoholism.")
    # the patient's own is the category's default entry, which goes to a coder as every default entry does
    assert "F10.20" in {s.code for s in suggest("Alcoholism, drinking daily; referred to IOP.")}


def test_an_absent_breast_by_its_side_and_a_replaced_joint_with_its_aftercare(suggest):
    assert "Z90.12" in billed(suggest, "Hx breast cancer s/p L mastectomy 2015, no recurrence.")
    assert {"Z47.1", "Z96.652"} <= billed(suggest, "6 wk post op visit s/p L total knee arthroplasy for primary OA.")


def test_a_word_written_as_one_is_the_tabulars_hyphenated_word(suggest):
    assert "F43.12" in billed(suggest, "Client with posttraumatic stress disorder, chronic, after deployment.")


def test_a_side_before_an_eponym_is_the_side_but_not_before_a_name(suggest):
    assert "S52.531D" in billed(suggest, "45F with R Colles fracture 4 wks ago, in cast. XR: routine healing.")
    assert not billed(suggest, "Referred by Dr. R Patel for a second opinion.")


def test_an_interrogation_of_a_pacemaker_named_by_its_kind_is_the_visits_reason(suggest):
    coded = billed(suggest, "Device clinic. Interrogation of dual-chamber pacemaker placed 2022 for sick sinus "
                            "syndrome: normal function.")
    assert "Z45.010" in coded and "Z95.0" not in coded


def test_a_glp1_agonist_beside_a_denied_diabetes_is_no_antidiabetic(suggest):
    coded = billed(suggest, "Obesity class 2, BMI 37.4, on tirzepatide for weight management (no diabetes).")
    assert "Z79.85" not in coded
    assert "Z79.85" in billed(suggest, "T2DM, A1c 7.2, on tirzepatide 5 mg weekly.")


def test_a_bare_copd_beside_copd_with_emphysema_is_the_emphysema(suggest):
    coded = billed(suggest, "COPD f/u. 68M with COPD with emphysema on Trelegy; no exacerbation.")
    assert "J43.9" in coded and not {c for c in coded if c.startswith("J44")}


def test_a_bacterium_without_sepsis_is_the_cause_of_a_disease_elsewhere(suggest):
    coded = billed(suggest, "Bronchiectasis with acute exacerbation; sputum culture grew Pseudomonas aeruginosa.")
    assert {"J47.1", "B96.5"} <= coded and "A41.52" not in coded
    assert "A41.52" in billed(suggest, "Sepsis due to Pseudomonas aeruginosa, on cefepime.")


def test_hyperuricemia_is_e79_0_unless_gout_isbilled(suggest):
    assert "E79.0" in billed(suggest, "Uric acid 8.4: hyperuricemia without gout, no treatment.")
    assert "E79.0" not in billed(suggest, "Gout with hyperuricemia on allopurinol.")


@pytest.mark.parametrize("note, code", [
    ("Allergic rhinitis due to cat dander, on cetirizine.", "J30.81"),
    ("Seasonal allergic rhinitis d/t pollen.", "J30.1"),
    ("Perennial allergic rhinitis due to dust mites.", "J30.89"),
])
def test_allergic_rhinitis_by_the_allergen_named(suggest, note, code):
    coded = billed(suggest, note)
    assert code in coded and not {c for c in coded if c.startswith("J30") and c != code}


def test_diabetes_with_microalbuminuria_is_its_kidney_complication_beside_the_finding(suggest):
    assert {"E11.29", "R80.9"} <= billed(suggest, "DM2 w/ microalbuminuria, UACR 85. A1c 7.9 on metformin.")
    coded = billed(suggest, "T2DM with diabetic CKD stage 3a and microalbuminuria, on metformin.")
    assert "E11.22" in coded and "E11.29" not in coded


def test_coronary_disease_of_native_vessels_with_angina_after_a_bypass_is_one_code(suggest):
    coded = billed(suggest, "CAD of native coronary arteries with stable angina on isosorbide; s/p CABG x3 2018.")
    assert {"I25.118", "Z95.1"} <= coded and not {c for c in coded if c.startswith("I20")}


def test_a_pregnancy_test_without_its_result_is_the_encounter_for_it(suggest):
    assert "Z32.00" in billed(suggest, "Order: urine pregnancy test - LMP 6 wks ago.")
    assert "Z32.00" not in billed(suggest, "Dysuria. Urine pregnancy test negative.")


@pytest.mark.parametrize("note, expected", [
    ("Also s/p L below-knee amputation 2019, walks with prosthesis.", {"Z89.512"}),
    ("PAD; R AKA 2018.", {"Z89.611"}),
    ("Bilateral BKA, uses wheelchair.", {"Z89.511", "Z89.512"}),
])
def test_an_amputated_leg_is_its_absence_by_side_and_level(suggest, note, expected):
    assert expected <= billed(suggest, note)


def test_aka_alone_is_also_known_as(suggest):
    assert not {c for c in billed(suggest, "Pt AKA John, prefers his nickname.") if c.startswith("Z89")}


def test_iron_deficiency_anemia_from_blood_loss_is_d50_0_beside_its_cause(suggest):
    assert "D50.0" in billed(suggest, "Dx: iron deficiency anemia secondary to menorrhagia.")
    assert "D50.0" not in billed(suggest, "Iron deficiency anemia, on oral iron.")


def test_a_bare_strength_closing_a_plan_item_is_the_dose_taken(suggest):
    coded = billed(suggest, "P: GDMT: metoprolol succinate, dapagliflozin; ASA 81 + clopidogrel 75.")
    assert {"Z79.82", "Z79.02"} <= coded
    assert "Z79.01" not in billed(suggest, "Warfarin 2015-2018 for a provoked DVT, stopped.")


def test_monitoring_of_a_long_term_therapy_is_drug_monitoring(suggest):
    coded = billed(suggest, "Urine drug screen ordered. Reason: monitoring of long-term opiate therapy (oxycodone "
                            "10 mg tid) for chronic low back pain.")
    assert {"Z51.81", "Z79.891"} <= coded


def test_d_t_is_due_to(suggest):
    assert "F51.05" in billed(suggest, "A: 1) MDD, recurrent, moderate. 2) Insomnia d/t depression.")


def test_familial_hypercholesterolemia_by_its_stated_zygosity(suggest):
    coded = billed(suggest, "A: familial hypercholesterolemia (heterozygous, Dutch score 8), elevated lipoprotein(a).")
    assert {"E78.011", "E78.41"} <= coded


def test_a_specialists_first_visit_and_a_surgical_referral_are_active_treatment(suggest):
    assert "S83.231A" in billed(suggest, "R knee: MRI shows complex tear of medial meniscus, current injury, from "
                                         "soccer 3 wk ago. Initial ortho visit.")
    assert "S46.011A" in billed(suggest, "Fell on outstretched arm 2 days ago. MRI: full-thickness supraspinatus tear, "
                                         "traumatic. Dx: traumatic R rotator cuff tear. Sling, surgical referral.")


def test_a_recheck_of_an_injury_is_its_subsequent_encounter(suggest):
    codes = {s.code for s in suggest("Recheck R ankle sprain (ATFL), sprained 2 wks ago, swelling down, PT started.")}
    assert "S93.491D" in codes
