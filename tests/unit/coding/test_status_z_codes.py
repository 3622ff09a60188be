"""Status Z codes (devices, dependences), insulin for type 2 diabetes, drug level monitoring, refused vaccines."""
import pytest

from services.coding.domain.status_z_codes import status_z_codes
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Uses an insulin pump since 2019.", ["Z96.41"]),
    ("Pulmonary fibrosis on 2 L of continuous oxygen.", ["Z99.81"]),
    ("Needs supplemental oxygen with exertion.", ["Z99.81"]),
    ("Status post angioplasty with stenting of the RCA; coronary stent in place.", ["Z95.5"]),
    ("Prosthetic aortic valve, echo stable.", ["Z95.2"]),
    ("Sick sinus syndrome with a pacemaker, interrogated today.", ["Z95.0"]),
    ("ESRD on hemodialysis.", ["Z99.2"]),
    ("Patient refused the shingles vaccine today.", ["Z28.21"]),
    ("Flu shot declined.", ["Z28.21"]),  # the refusal after the vaccine
    ("Influenza vaccine given. tdap declined.", ["Z28.21"]),  # a vaccine named by its product
    ("IPF on nintedanib. Uses 2L O2 with exertion.", ["Z99.81"]),  # oxygen by its flow
    ("COPD GOLD 3. Uses 2 L NC with exertion and sleep.", ["Z99.81"]),  # by the nasal cannula
    ("Known CAD s/p drug-eluting stent to LAD 2021, no angina.", ["Z95.5"]),  # a stent's kind, no "the"
    ("Dx: iron deficiency anemia. Hx gastric bypass 2015.", ["Z98.84"]),
    ("s/p sleeve gastrectomy, B12 yearly.", ["Z98.84"]),
    ("Surveillance after LUL adenocarcinoma (lobectomy 2021); CT today NED.", ["Z90.2"]),
    # an absent breast by the side written beside the operation, not another side in the sentence
    ("Hx breast cancer s/p left mastectomy 2015, no recurrence; right knee pain.", ["Z90.12"]),
    ("s/p bilateral mastectomies 2019, on tamoxifen.", ["Z90.13"]),
    ("Mastectomy in 2010 for DCIS.", ["Z90.10"]),
    ("Renal cell carcinoma s/p right radical nephrectomy 2018.", ["Z90.5"]),
    ("Post-splenectomy: vaccines reviewed.", ["Z90.81"]),
])
def test_a_status_the_note_documents_is_coded(tabular, note, expected):
    out, reasons = status_z_codes([], note, tabular)
    assert codes(out) == expected and out[0].convention == "status-z-code" and reasons


@pytest.mark.parametrize("note", [
    "No pacemaker.", "Pacemaker removed last year.", "Father has a pacemaker.",
    "Candidate for home oxygen if saturations fall.", "Denies insulin pump malfunction; no insulin pump.",
    "Mother refused the flu vaccine for herself.", "ECG: wandering atrial pacemaker, rate 70.",
    "Saturating 88% on room air, started on 2 L oxygen in clinic.",
    "Class 3 obesity, BMI 42. Prior bariatric surgery declined.", "Referred for gastric bypass evaluation.",
    "No insulin pump, on MDI.", "Breast cancer; mastectomy discussed with surgery.",
    "Mother had a mastectomy.",
])
def test_a_denied_removed_planned_or_relatives_device_is_not(tabular, note):
    assert status_z_codes([], note, tabular)[0] == []


def test_another_conditions_negation_earlier_in_the_sentence_does_not_deny_the_device(tabular):
    note = "Type 1 diabetes without complications, managed with an insulin pump."
    assert codes(status_z_codes([], note, tabular)[0]) == ["Z96.41"]


@pytest.mark.parametrize("diabetes, expected", [("E11.9", ["E11.9", "Z79.4"]), ("E10.9", ["E10.9"])])
def test_insulin_is_z79_4_for_type_2_diabetes_not_type_1(tabular, diabetes, expected):
    note = "Diabetes mellitus, on insulin glargine nightly."
    out, _ = status_z_codes(found(note, (diabetes, "Diabetes mellitus")), note, tabular)
    assert codes(out) == expected


@pytest.mark.parametrize("note", ["T2DM. Lantus 20u qhs + Januvia.", "T2DM, Humalog sliding scale with meals.",
                                  "T2DM. Glargine 10 units qhs."])
def test_insulin_named_by_its_product_is_insulin(tabular, note):
    out, _ = status_z_codes(found(note, ("E11.9", "T2DM")), note, tabular)
    assert codes(out) == ["E11.9", "Z79.4"]


def test_insulin_without_diabetes_coded_is_not_z79_4(tabular):
    assert status_z_codes([], "On insulin per endocrinology.", tabular)[0] == []


def test_an_inr_check_for_a_long_term_anticoagulant_is_drug_level_monitoring(tabular):
    note = "PT/INR check today. Long-term apixaban."
    out, _ = status_z_codes(found(note, ("Z79.01", "apixaban")), note, tabular)
    assert codes(out) == ["Z51.81", "Z79.01"]
    assert status_z_codes([], "INR check, not on any anticoagulant.", tabular)[0] == []


def test_a_code_already_suggested_is_not_made_twice(tabular):
    note = "Home oxygen at night."
    out, reasons = status_z_codes(found(note, ("Z99.81", "Home oxygen")), note, tabular)
    assert codes(out) == ["Z99.81"] and reasons == []


@pytest.mark.parametrize("note, expected", [
    ("Sick sinus syndrome s/p dual chamber PPM 2022.", ["Z95.0"]), ("CAD s/p CABG 2018.", ["Z95.1"]),
    ("Ischemic cardiomyopathy with an AICD, no shocks.", ["Z95.810"]), ("Aortic stenosis s/p TAVR 2023.", ["Z95.2"]),
])
def test_a_device_or_graft_in_cardiology_shorthand_is_a_status(tabular, note, expected):
    assert codes(status_z_codes([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note", ["Referred for CABG evaluation.", "Candidate for AICD if EF stays low.",
                                  "Three-vessel CAD, needs CABG.", "Awaiting AICD placement."])
def test_a_graft_or_device_only_considered_is_not_a_status(tabular, note):
    assert status_z_codes([], note, tabular)[0] == []


@pytest.mark.parametrize("note, drug, code", [
    ("RA on methotrexate long term; drug toxicity monitoring.", "methotrexate", "Z79.631"),
    ("Order: TSH. On amiodarone long term for AF; monitoring for thyroid toxicity.", "amiodarone", "Z79.899"),
])
def test_a_drug_toxicity_check_of_a_long_term_drug_is_drug_monitoring(tabular, note, drug, code):
    out, _ = status_z_codes(found(note, (code, drug)), note, tabular)
    assert codes(out) == sorted(["Z51.81", code])


@pytest.mark.parametrize("note", ["PT/INR. Reason: long-term anticoagulation with warfarin.",
                                  "Warfarin for AF, INR goal 2-3.",
                                  "Requisition - PT/INR. Pt on chronic warfarin for AF.",
                                  "Req: INR. Long-term warfarin."])
def test_an_inr_ordered_or_aimed_at_for_a_long_term_anticoagulant_is_drug_monitoring(tabular, note):
    out, _ = status_z_codes(found(note, ("Z79.01", "arfarin")), note, tabular)
    assert codes(out) == ["Z51.81", "Z79.01"]


def test_an_inr_named_in_passing_is_not_drug_monitoring(tabular):
    note = "Labs: CBC, PT/INR normal. On long-term warfarin."
    assert codes(status_z_codes(found(note, ("Z79.01", "warfarin")), note, tabular)[0]) == ["Z79.01"]
    note = "Labs: INR 2.4 last week. On long-term warfarin."
    assert codes(status_z_codes(found(note, ("Z79.01", "warfarin")), note, tabular)[0]) == ["Z79.01"]


@pytest.mark.parametrize("note, drug, z79", [
    ("Requisition: digoxin level, BMP. On digoxin long term for permanent AF.", "digoxin", "Z79.899"),
    ("Reasons: methotrexate monitoring - long-term methotrexate for RA.", "methotrexate", "Z79.631"),
])
def test_a_long_term_drug_named_with_its_level_or_monitoring_is_drug_monitoring(tabular, note, drug, z79):
    out, _ = status_z_codes(found(note, (z79, drug)), note, tabular)
    assert codes(out) == [z79, "Z51.81"] or codes(out) == ["Z51.81", z79]
    assert status_z_codes([], "Digoxin level 0.9 last month.", tabular)[0] == []  # no long-term drug coded


def test_a_drug_monitored_by_its_level_is_long_term_therapy_where_the_note_says_so(tabular):
    from services.coding.domain.encounter_z_codes import encounter_z_codes
    assert codes(encounter_z_codes([], "On digoxin long term for AF.", tabular)[0]) == ["Z79.899"]
    assert encounter_z_codes([], "Digoxin 0.125 mg started today.", tabular)[0] == []


def test_a_level_planned_for_a_later_draw_is_not_this_visits_monitoring(tabular):
    note = "Bipolar I, manic. Lithium started, to be continued long term; lithium level and BMP in 5 days."
    assert codes(status_z_codes(found(note, ("Z79.899", "Lithium")), note, tabular)[0]) == ["Z79.899"]
    note = "Req: lithium level in 5 days. Long-term lithium for bipolar I disorder."  # the order itself
    assert "Z51.81" in codes(status_z_codes(found(note, ("Z79.899", "lithium")), note, tabular)[0])


def test_a_standing_inr_order_for_a_long_term_anticoagulant_is_drug_monitoring(tabular):
    note = "Standing order: PT/INR every 4 wks. Indication: chronic anticoagulation - warfarin for hx of PE."
    out, _ = status_z_codes(found(note, ("Z79.01", "warfarin")), note, tabular)
    assert codes(out) == ["Z51.81", "Z79.01"]


def test_a_denial_of_another_item_of_the_list_does_not_reach_the_device(tabular):
    note = "Type 1 diabetes with hypoglycemia episodes, no coma, on insulin pump."
    assert codes(status_z_codes([], note, tabular)[0]) == ["Z96.41"]


def test_a_drugs_levels_said_in_general_or_an_anticoagulation_clinic_elsewhere_are_not_this_visits_monitoring(tabular):
    note = "Stable on clozapine long term; caffeine can raise clozapine levels."
    assert codes(status_z_codes(found(note, ("Z79.899", "clozapine")), note, tabular)[0]) == ["Z79.899"]
    note = "On warfarin for a mechanical valve, dosed by her anticoagulation clinic."
    assert "Z51.81" not in codes(status_z_codes(found(note, ("Z79.01", "warfarin")), note, tabular)[0])
    note = "Digoxin levels drawn this morning. On digoxin long term for AF."
    assert "Z51.81" in codes(status_z_codes(found(note, ("Z79.899", "digoxin")), note, tabular)[0])


@pytest.mark.parametrize("note, drug, z79", [
    ("Orders: 1. Chronic AF on warfarin - PT/INR. 2. HTN - BMP.", "warfarin", "Z79.01"),
    ("AF on sotalol and amiodarone long term; ECG and TSH to monitor for amiodarone toxicity.", "amiodarone",
     "Z79.899"),
])
def test_an_inr_listed_with_warfarin_or_a_check_for_the_named_drugs_toxicity_is_drug_monitoring(tabular, note, drug,
                                                                                                 z79):
    out, _ = status_z_codes(found(note, (z79, drug)), note, tabular)
    assert sorted(codes(out)) == sorted(["Z51.81", z79])


@pytest.mark.parametrize("note", ["Seizure disorder on Depakote 500 bid; VPA level sent this morning.",
                                  "Focal epilepsy, Dilantin 100 mg tid, Dilantin level checked.",
                                  "Trigeminal neuralgia on Tegretol 200 bid. Tegretol level ordered."])
def test_a_level_drug_named_by_its_brand_or_abbreviation_is_long_term_therapy_and_its_monitoring(tabular, note):
    from services.coding.domain.encounter_z_codes import encounter_z_codes
    therapy, _ = encounter_z_codes([], note, tabular)
    assert codes(therapy) == ["Z79.899"]
    assert codes(status_z_codes(therapy, note, tabular)[0]) == ["Z51.81", "Z79.899"]


@pytest.mark.parametrize("note", ["Hypoxemia with exertion - start O2 2 L with exertion, recheck 3 mo.",
                                  "Qualifies today: home O2 2 L continuous ordered."])
def test_oxygen_the_visit_starts_is_not_yet_a_dependence(tabular, note):
    assert [s.code for s in status_z_codes([], note, tabular)[0]] == []


@pytest.mark.parametrize("note", ["Started home O2 2 L continuous in 2023, uses it daily.",
                                  "Labs ordered, on home O2 continuous."])
def test_oxygen_started_before_the_visit_is_a_dependence(tabular, note):
    assert [s.code for s in status_z_codes([], note, tabular)[0]] == ["Z99.81"]
