"""Readings for screenings, requisitions and the routine exam missed at first sight: the routine adult exam headed
as clinics head it (a yearly physical, a health maintenance exam, a wellness check); the screenings whose subject
the index files under another heading (a thyroid disorder, a cardiomyopathy, sleep apnea, anxiety); a requisition
whose bare "screen" is the reason of the tests it opens with, "HbA1c" among them, or whose "routine adult
screening" is no subject of its own; acamprosate and disulfiram as an alcohol use disorder's maintenance drugs."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Yearly physical for a 50F in good health. Exam normal.",
    "Health maintenance visit, 41M. No complaints; normal exam.",
    "Wellness check today. 63F feels well, exam unremarkable.",
])
def test_the_routine_exam_as_clinics_head_it_is_z00_00(suggest, note):
    assert "Z00.00" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Missed her yearly physical last spring; here for a rash on the arm.",
    "Wellness check deferred; seen today for a sprained wrist.",
])
def test_such_an_exam_missed_or_deferred_is_not(suggest, note):
    assert not {"Z00.00", "Z00.01"} & billed(suggest, note)


@pytest.mark.parametrize("note,code", [
    ("Consult. No symptoms; her aunt has Graves disease. TSH drawn today to screen for thyroid disorder.", "Z13.29"),
    ("Echo performed as screening for cardiomyopathy given a brother with HCM. Normal study.", "Z13.6"),
    ("Sleep apnea screening done with a questionnaire, low risk.", "Z13.83"),
    ("New patient intake: anxiety screening with GAD-7 completed, score 1.", "Z13.39"),
])
def test_a_screening_is_coded_by_the_subject_the_index_files_it_under(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note,condition", [
    ("TSH drawn to screen for thyroid disease; no goiter, no symptoms.", "E0"),
    ("Sleep apnea screening done, low risk; no snoring.", "G47"),
    ("Anxiety screening completed, negative.", "F41"),
])
def test_the_condition_screened_for_is_never_coded_as_present(suggest, note, condition):
    assert not any(code.startswith(condition) for code in billed(suggest, note))


def test_a_screening_whose_result_is_positive_is_not_a_screening_code(suggest):
    assert "Z13.39" not in billed(suggest, "Anxiety screening positive today, GAD-7 of 15; generalized anxiety "
                                            "disorder diagnosed, sertraline started.")


@pytest.mark.parametrize("note,codes", [
    ("Lab order: HbA1c. Reason: screen. No known diabetes.", {"Z13.1"}),
    ("Requisition: lipid panel. Dx: screening for lipoid disorders.", {"Z13.220"}),
    ("Order: HIV antigen/antibody and hepatitis C antibody, once. Indication: routine adult screening.",
     {"Z11.4", "Z11.59"}),
])
def test_a_requisition_s_screening_is_the_reason_of_the_tests_it_orders(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Alcohol use disorder, severe, in sustained remission; on acamprosate 666 mg three times daily long term.",
    "Alcohol dependence, sober a year. Maintained on disulfiram for 2 years.",
])
def test_an_alcohol_use_disorder_s_maintenance_drugs_taken_long_term_are_z79_899(suggest, note):
    assert "Z79.899" in billed(suggest, note)


def test_the_same_drug_just_started_is_not(suggest):
    assert "Z79.899" not in billed(suggest, "Alcohol dependence. Acamprosate started today; recheck in 2 weeks.")


@pytest.mark.parametrize("note,code", [
    ("Asthma follow-up, stable on budesonide. Ex-smoker, quit 2016, 32 pack-years. LDCT ordered for lung cancer "
     "screening.", "Z12.2"),
    ("Depression follow-up, improving. HIV screening ordered at her request.", "Z11.4"),
    ("Gout visit. TSH and free T4 ordered to screen for thyroid disorder; no symptoms of it.", "Z13.29"),
])
def test_a_screening_given_as_the_reason_of_an_order_at_any_visit_is_coded(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note,code", [
    ("Knee pain visit. Lung cancer screening discussed; he will think about it.", "Z12.2"),
    ("Back pain. Colonoscopy for colon cancer screening ordered last year, never done.", "Z12.11"),
    ("Hypertension visit. Low-dose CT ordered for the lung nodule found in May.", "Z12.2"),
])
def test_a_screening_only_discussed_ordered_before_or_a_test_for_a_finding_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Rehab referral: two weeks after a right total knee replacement. Quad strengthening, walker to cane.",
    "Physical therapy order. 5 weeks s/p L THA for osteoarthritis; gait and hip abductor work.",
])
def test_therapy_ordered_in_the_weeks_after_a_joint_replacement_is_its_aftercare(suggest, note):
    assert "Z47.1" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "PT referral for trochanteric bursitis, 2x/week for 6 weeks. Left THA in 2014, doing well.",
    "PT/INR ordered 3 days after starting warfarin. Right TKA in 2019.",
    "Physical therapy referral before a planned right total knee replacement in 3 weeks.",
])
def test_therapy_years_after_the_replacement_or_before_it_is_not(suggest, note):
    assert "Z47.1" not in billed(suggest, note)


def test_a_screening_ending_the_sentence_before_a_vaccine_is_kept(suggest):
    codes = billed(suggest, "Routine physical, 50M, normal exam. A1c drawn today as screening. Flu vaccine given.")
    assert {"Z13.1", "Z23"} <= codes


def test_the_disease_a_vaccine_is_named_by_is_still_not_coded(suggest):
    assert not any(c.startswith("J1") for c in billed(suggest, "Nurse visit: influenza vaccine given, left deltoid."))


@pytest.mark.parametrize("note", [
    "Lab requisition: free T4 and TSH. Dx: toxic multinodular goiter on propylthiouracil, drug monitoring.",
    "Order: lithium level and creatinine. Indication: bipolar disorder on lithium, therapeutic drug monitoring.",
])
def test_a_drug_the_order_says_is_monitored_is_taken_long_term_and_monitored(suggest, note):
    assert {"Z79.899", "Z51.81"} <= billed(suggest, note)


def test_a_drug_stopped_is_not_long_term_even_beside_monitoring(suggest):
    codes = billed(suggest, "Lab order: CBC. Lithium stopped last month; drug monitoring no longer needed.")
    assert "Z79.899" not in codes


@pytest.mark.parametrize("note", [
    "Annual physical, 57M. Exam notable for a new left inguinal bulge on cough; surgery referral.",
    "Preventive visit. Examination is significant for a 2 cm lipoma on the back, new since last year.",
])
def test_a_routine_exam_said_to_find_something_is_with_abnormal_findings(suggest, note):
    codes = billed(suggest, note)
    assert "Z00.00" not in codes and "Z00.01" in {s.code for s in suggest(note)}


@pytest.mark.parametrize("note", [
    "Annual physical, 40F. Exam notable for nothing; no concerns.",
    "Yearly physical. Examination remarkable for no abnormalities.",
])
def test_a_routine_exam_said_to_find_nothing_stays_without(suggest, note):
    assert "Z00.01" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Lab order: CBC with differential and ESR for rheumatoid arthritis.",
    "Labs: CBC w/ differential. Dx: rheumatoid arthritis.",
])
def test_the_blood_count_s_differential_leaves_the_diagnosis_certain(suggest, note):
    assert "M06.9" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Joint pains. Differential includes rheumatoid arthritis; RF and CCP ordered.",
    "Hand swelling with differential diagnosis of rheumatoid arthritis versus psoriatic arthritis.",
])
def test_a_differential_diagnosis_is_still_uncertain(suggest, note):
    assert "M06.9" not in billed(suggest, note)


@pytest.mark.parametrize("note,codes", [
    ("Routine physical, normal exam. Cholesterol panel, fasting glucose and HIV test drawn as screening.",
     {"Z13.220", "Z13.1", "Z11.4"}),
    ("Hypertension visit. Lipid panel and a hepatitis C antibody were sent today for screening.", {"Z13.220", "Z11.59"}),
])
def test_tests_listed_then_given_screening_as_their_purpose_are_each_screened_for(suggest, note, codes):
    assert codes <= billed(suggest, note)


def test_a_test_given_its_own_reason_on_the_way_is_not_a_screening(suggest):
    codes = billed(suggest, "Lipid panel for his known hyperlipidemia and an HIV test as screening today.")
    assert "Z13.220" not in codes and "Z11.4" in codes
