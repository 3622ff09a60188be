"""Encounter Z codes where the note documents them: screening, routine exams, counselling given as the service,
long-term drug therapy."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Screening colonoscopy today.", ["Z12.11"]), ("Screening mammogram ordered and done.", ["Z12.31"]),
    ("Annual physical exam, no abnormal findings.", ["Z00.00"]),
    ("Annual physical exam with abnormal findings: new murmur.", ["Z00.01"]),
    ("Well child check, normal exam.", ["Z00.129"]),
    ("Counseled on smoking cessation for 5 minutes.", ["Z71.6"]),
    ("On long-term warfarin.", ["Z79.01"]), ("Long-term insulin use.", ["Z79.4"]),
])
def test_documented_encounter_reasons_are_coded(tabular, note, expected):
    out, reasons = encounter_z_codes([], note, tabular)
    assert codes(out) == expected and all(s.convention == "encounter-z-code" for s in out) and reasons


@pytest.mark.parametrize("note", ["Patient declined screening colonoscopy.", "Due for screening mammogram.",
                                  "Depression screening positive.", "Started warfarin today.",
                                  "Tobacco use counseling; patient denies alcohol use."])
def test_not_done_positive_or_short_term_is_not_coded(tabular, note):
    assert encounter_z_codes([], note, tabular)[0] == []


def test_counselling_not_given_as_the_service_drops_the_index_z71_9(tabular):
    note = "Tobacco use counseling."
    out, _ = encounter_z_codes(found(note, ("Z71.9", "counseling"), ("Z72.0", "Tobacco use")), note, tabular)
    assert codes(out) == ["Z72.0"]


@pytest.mark.parametrize("note, code, evidence", [
    ("Obesity. Counseled on diet and exercise.", "E66.9", "Obesity"),
    ("A1c 5.9 - prediabetes, counseled on diet.", "R73.03", "prediabetes"),  # treated by diet and exercise alone
])
def test_counselling_integral_to_a_coded_condition_is_not_coded(tabular, note, code, evidence):
    out, _ = encounter_z_codes(found(note, (code, evidence)), note, tabular)
    assert codes(out) == [code]


def test_a_routine_exam_with_conditions_neither_called_abnormal_nor_normal_goes_to_a_coder(tabular):
    note = "Annual physical exam. Hypertension, BP 150/95."
    out, _ = encounter_z_codes(found(note, ("I10", "Hypertension")), note, tabular)
    exam = next(s for s in out if s.code == "Z00.00")
    assert exam.confidence < 0.9 and "a coder decides" in exam.reason


def test_a_routine_exam_reviewing_a_condition_presented_as_managed_is_without_findings(tabular):
    note = "Annual physical exam. Hypertension stable."
    out, _ = encounter_z_codes(found(note, ("I10", "Hypertension")), note, tabular)
    exam = next(s for s in out if s.code == "Z00.00")
    assert exam.confidence >= 0.9


def test_otherwise_normal_says_the_exam_found_something_abnormal(tabular):
    note = "Complete physical exam. New dx type 2 DM. Otherwise exam normal."
    out, _ = encounter_z_codes(found(note, ("E11.9", "type 2 DM")), note, tabular)
    exam = next(s for s in out if s.code.startswith("Z00"))
    assert exam.code == "Z00.01" and exam.confidence >= 0.9
    note = "Complete physical exam. Exam normal."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z00.00"]


def test_no_new_problems_states_a_routine_exam_without_abnormal_findings(tabular):
    note = "Medicare AWV. HTN at goal. AWV completed, no new problems."
    out, _ = encounter_z_codes(found(note, ("I10", "HTN")), note, tabular)
    exam = next(s for s in out if s.code.startswith("Z00"))
    assert exam.code == "Z00.00" and exam.confidence >= 0.9


def test_a_steroid_the_note_says_is_long_term_after_a_decimal_dose(tabular):
    note = "Addison's on hydrocortisone 15/5 mg and fludrocortisone 0.1 mg long term."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z79.52"]


def test_counselling_to_quit_is_tobacco_counselling_but_not_to_quit_drinking(tabular):
    assert codes(encounter_z_codes([], "Current smoker. Counseled to quit (10 min).", tabular)[0]) == ["Z71.6"]
    assert "Z71.6" not in codes(encounter_z_codes([], "Counseled to quit drinking (10 min).", tabular)[0])


def test_alcohol_misuse_screening_is_z13_39(tabular):
    out, _ = encounter_z_codes([], "Alcohol use screening (AUDIT-C) negative.", tabular)
    assert [s.code for s in out] == ["Z13.39"]


@pytest.mark.parametrize("note, expected", [
    ("Risedronate weekly, long-term, for osteoporosis.", ["Z79.83"]),
    ("Maintenance lithium, level due.", ["Z79.899"]),
    ("Chronic oxycodone for back pain.", ["Z79.891"]),
    ("Opioid use disorder on buprenorphine maintenance.", []),
    # an antibiotic taken for months is prophylaxis; a course of days is not long-term
    ("Recurrent UTI, on nitrofurantoin ppx (long term).", ["Z79.2"]),
    ("Acne on doxycycline 100 mg daily for 6 months.", ["Z79.2"]),
    ("Cellulitis: cephalexin x 7 days.", []),
    # a psychotropic named by the drug, not its class
    ("Schizophrenia stable on long-acting injectable paliperidone monthly, long term.", ["Z79.899"]),
])
def test_long_term_drugs_and_treatment_of_opioid_dependence_is_not_an_analgesic(tabular, note, expected):
    out, _ = encounter_z_codes([], note, tabular)
    assert codes(out) == expected


@pytest.mark.parametrize("note, expected", [
    ("Annual depression screen, PHQ-9 = 3, negative.", ["Z13.31"]),
    ("Abdominal aortic US today for screening: no aneurysm.", ["Z13.6"]),
    ("Screened for HIV and hepatitis C today.", ["Z11.4", "Z11.59"]),
    ("DEXA for osteoporosis screening, T-score -1.2.", ["Z13.820"]),
    ("HPV screening with her cytology today.", ["Z11.51"]),
    ("Screening for human papillomavirus by co-test.", ["Z11.51"]),
    ("Toddler seen at the parents' request for an autism screen; M-CHAT-R/F low risk.", ["Z13.41"]),
    ("Developmental screening with the ASQ-3 today, every domain above its cutoff.", ["Z13.42"]),
    ("Capillary lead level drawn, screening for lead in an older home.", ["Z13.88"]),
])
def test_a_screening_in_other_words_is_coded_for_what_it_screens(tabular, note, expected):
    assert codes(encounter_z_codes([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note", [
    "Well child check at 18 months: M-CHAT screen low risk, developmental screening (ASQ) passed.",
    "Hip ultrasound as developmental dysplasia screening for a breech baby.",
    "We discussed how screening may lead to more tests.",
])
def test_a_well_child_visits_own_screenings_and_other_words_are_not_a_childs_screening(tabular, note):
    assert not {"Z13.41", "Z13.42", "Z13.88"} & set(codes(encounter_z_codes([], note, tabular)[0]))


@pytest.mark.parametrize("note", ["Screening. Diabetes well controlled.",  # another sentence
                                  "Colon cancer screening up to date.",  # done at another encounter
                                  "Depression screen positive, PHQ-9 of 14.", "HIV screening declined."])
def test_a_screening_word_does_not_reach_another_sentence_nor_a_positive_or_declined_one(tabular, note):
    assert encounter_z_codes([], note, tabular)[0] == []


def test_a_routine_exam_that_makes_a_new_diagnosis_is_with_abnormal_findings(tabular):
    note = "Annual exam. BP 152/94 twice, new dx essential hypertension."
    out, _ = encounter_z_codes(found(note, ("I10", "essential hypertension")), note, tabular)
    assert codes(out) == ["I10", "Z00.01"] and next(s for s in out if s.code == "Z00.01").confidence >= 0.9


@pytest.mark.parametrize("note", ["Hyperlipidemia; long-term statin use.", "Long-term hydroxychloroquine for lupus.",
                                  "Long-term antipsychotic therapy: paliperidone monthly.",
                                  "Maintenance antidepressant, sertraline 100 mg."])
def test_a_drug_without_a_class_of_its_own_taken_long_term_is_z79_899(tabular, note):
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z79.899"]


@pytest.mark.parametrize("note, expected", [
    ("Medicare AWV, subsequent. Exam normal.", ["Z00.00"]),
    ("Hep C antibody and HIV screening today.", ["Z11.4", "Z11.59"]),
    ("Smokes 1/2 ppd cigarettes, advised to quit, 4 min counseling.", ["Z71.6"]),
])
def test_shorthand_for_exams_screenings_and_counselling_time_is_read(tabular, note, expected):
    assert codes(encounter_z_codes([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note, expected", [
    ("Sarcoidosis. On prednisone 10 mg daily for more than 6 months.", ["Z79.52"]),
    ("PMR on prednisone 5 mg since 2022.", ["Z79.52"]),
    ("Hashimoto's, levothyroxine x 10 yrs.", ["Z79.899"]),
    ("COPD exacerbation. Prednisone 40 mg x 5 days.", []),
    ("Prednisone taper over 2 weeks.", []),
    ("Naproxen for 2 months for knee pain.", []),

])
def test_a_course_of_three_months_or_more_stated_as_its_duration_is_long_term(tabular, note, expected):
    out, _ = encounter_z_codes([], note, tabular)
    assert codes(out) == expected
    assert all("long-term drug therapy" in s.reason for s in out)


def test_insulin_taken_for_years_is_long_term_except_in_type_1_diabetes(tabular):
    note = "Diabetes x 20 yrs, on insulin."
    assert codes(encounter_z_codes(found(note, ("E11.9", "Diabetes")), note, tabular)[0]) == ["E11.9", "Z79.4"]
    assert codes(encounter_z_codes(found(note, ("E10.9", "Diabetes")), note, tabular)[0]) == ["E10.9"]


@pytest.mark.parametrize("note, expected", [
    ("Screening mammogram ordered, 50 F, no breast complaints.", ["Z12.31"]),
    ("Labs ordered: PSA - screening for prostate ca, 55M, asymptomatic.", ["Z12.5"]),
    ("Lab order: HIV-1/2 Ag/Ab and hep C antibody. Routine one-time screening, asymptomatic.", ["Z11.4", "Z11.59"]),
])
def test_a_screening_the_note_opens_by_ordering_is_the_orders_reason(tabular, note, expected):
    out, _ = encounter_z_codes([], note, tabular)
    assert sorted(codes(out)) == sorted(expected)
    assert {s.convention for s in out} == {"screening-ordered-as-reason"} and all(s.confidence >= 0.9 for s in out)


@pytest.mark.parametrize("note", [
    "Mother had breast cancer at 45. Screening mammogram ordered.",  # a visit about something else orders it
    "Tobacco use disorder. Eligible for LDCT, ordered.",
    "Lab order: HIV-1/2 Ag/Ab. Reason: exposure, not screening.",  # a bare screening the note negates
])
def test_a_screening_only_ordered_in_a_visit_about_something_else_is_not_coded(tabular, note):
    assert encounter_z_codes([], note, tabular)[0] == []


def test_a_bare_screening_takes_only_the_tests_its_order_opens_with(tabular):
    note = "Orders: A1c - screening, no diabetes sx. Lipid panel - known hypercholesterolemia."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z13.1"]


@pytest.mark.parametrize("note", ["COPD stable. Annual LDCT last month negative (Lung-RADS 2).",
                                  "Screening colonoscopy 3 yrs ago, normal.", "Screening mammogram in 2024: benign."])
def test_a_screening_the_sentence_dates_before_the_visit_is_a_past_result_not_coded(tabular, note):
    assert encounter_z_codes([], note, tabular)[0] == []


@pytest.mark.parametrize("note, expected", [("Annual depression screen, PHQ-9 = 3, negative.", ["Z13.31"]),
                                            ("Lung cancer screening LDCT today; last year's was clear.", ["Z12.2"])])
def test_a_screening_of_this_visit_beside_its_result_or_another_sentence_is_still_coded(tabular, note, expected):
    assert codes(encounter_z_codes([], note, tabular)[0]) == expected


def test_diet_or_exercise_counselling_at_a_routine_exam_is_part_of_the_exam_but_tobacco_counselling_is_not(tabular):
    note = "Preventive visit, 52M. Exam without abnormal findings. Counseled on exercise and sleep."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z00.00"]
    note = "Annual physical exam, no abnormal findings. Counseled on smoking cessation for 5 minutes."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z00.00", "Z71.6"]


@pytest.mark.parametrize("note, condition, counselling", [
    ("Obesity. Unhealthy eating habits, sodas daily - dietary counseling 15 min.", ("E66.9", "Obesity"), "Z71.3"),
    ("Type 2 DM. Physically inactive; exercise counseling 10 min.", ("E11.9", "Type 2 DM"), "Z71.82"),
])
def test_counselling_for_a_lifestyle_problem_the_note_records_is_coded_beside_the_condition(
        tabular, note, condition, counselling):
    assert counselling in codes(encounter_z_codes(found(note, condition), note, tabular)[0])


@pytest.mark.parametrize("note", ["STI screening panel ordered: screen for STIs, new partner.",
                                  "Lab req: NAAT and RPR to screen for sexually transmitted infections."])
def test_sexually_transmitted_infections_in_the_plural_are_their_screening(tabular, note):
    assert "Z11.3" in codes(encounter_z_codes([], note, tabular)[0])


def test_a_steroid_taken_x_years_is_long_term_therapy(tabular):
    note = "Giant cell arteritis, stable on prednisolone 7.5 mg daily x years."
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z79.52"]


@pytest.mark.parametrize("note", [
    "Vapes daily. Spent 8 min of tobacco cessation counseling with pt today.",
    "Dips snuff; tobacco cessation counselling, 4 mins, handout given.",
    "Cigarettes 1/2 ppd - counselled on quitting 6 min, declined varenicline.",
    "Smokes 20 cigs a day - counseled to stop, plan as discussed.",
])
def test_tobacco_counselling_given_with_its_time_or_beside_a_refused_drug_is_z71_6(tabular, note):
    assert codes(encounter_z_codes([], note, tabular)[0]) == ["Z71.6"]


@pytest.mark.parametrize("note", ["Smoking cessation counseling declined today.",
                                  "Tobacco cessation counselling, 5 min, refused by the patient."])
def test_tobacco_counselling_the_patient_refused_is_not_coded(tabular, note):
    assert "Z71.6" not in codes(encounter_z_codes([], note, tabular)[0])
