"""The maintenance drug classes read by their common generic and brand names, and a start dated before the visit."""
import pytest

from services.coding.domain.drug_therapy import maintenance_drug_therapy
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Persistent AF on Jantoven 5 mg daily.", ["Z79.01"]),
    ("Cancer-associated VTE, on Fragmin daily while on chemotherapy.", ["Z79.01"]),
    ("Secondary stroke prevention: on Aggrenox twice daily.", ["Z79.02"]),
    ("Daily Ecotrin 81 mg for CAD.", ["Z79.82"]),
    ("T2DM: glimepiride (Amaryl) 4 mg daily.", ["Z79.84"]),
    ("Type 2 diabetes, on Steglatro 15 mg.", ["Z79.84"]),
    ("Diabetes type 2: Synjardy 12.5/1000 BID continued.", ["Z79.84"]),
    ("T2DM on Rybelsus 14 mg daily.", ["Z79.84"]),  # oral semaglutide is an oral hypoglycemic
    ("Type 2 DM, takes acarbose 50 mg with meals.", ["Z79.84"]),
    ("T2DM on Byetta 10 mcg BID.", ["Z79.85"]),
    ("Postmenopausal osteoporosis, Atelvia 35 mg weekly.", ["Z79.83"]),
    ("Metastatic breast cancer on fulvestrant 500 mg monthly.", ["Z79.818"]),
    ("Kidney transplant, on tacrolimus 3 mg BID and CellCept 1000 mg BID.", ["Z79.621", "Z79.624"]),
    ("Crohn's disease in remission on Stelara every 8 weeks.", ["Z79.620"]),
    ("Plaque psoriasis, takes Otezla 30 mg BID.", ["Z79.61"]),
    ("Rheumatoid arthritis, on leflunomide 20 mg daily.", ["Z79.624"]),
    ("Ulcerative colitis, Entyvio infusions continued every 8 weeks.", ["Z79.620"]),
])
def test_a_maintenance_drug_named_by_its_generic_or_brand_name_is_coded(tabular, note, expected):
    assert codes(maintenance_drug_therapy([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note, expected", [
    ("T2DM. Started Januvia 3 months ago, tolerating it well.", ["Z79.84"]),
    ("Type 2 diabetes: metformin started last year, A1c 6.9.", ["Z79.84"]),
    ("Paroxysmal AF, apixaban initiated in 2023.", ["Z79.01"]),
    ("AF. Refilled Eliquis.", ["Z79.01"]),
])
def test_a_drug_started_before_the_visit_or_refilled_is_in_current_use(tabular, note, expected):
    assert codes(maintenance_drug_therapy([], note, tabular)[0]) == expected


@pytest.mark.parametrize("note", [
    "Atopic dermatitis: tacrolimus 0.1% ointment BID.",  # topical: no systemic immunosuppression
    "Dry eye, cyclosporine eye drops BID.",
    "Type 2 diabetes. Started Januvia 100 mg daily today.",  # a start today is not yet a use
    "Enoxaparin 40 mg daily x 10 days after the knee replacement.",  # a course of days
    "Allergic to Humira.", "Consider Stelara if the flare persists.", "Methotrexate stopped in May for the LFTs.",
    "Obesity, BMI 38, on Rybelsus 7 mg daily.",  # oral semaglutide without diabetes named
    "Stopped glipizide 2 months ago after lows.",  # dated, but stopped
    "Relapsing MS on Ocrevus infusions.",  # a disease-modifying antibody: billed with the disease alone
])
def test_a_named_drug_not_in_current_maintenance_use_is_not_coded(tabular, note):
    assert maintenance_drug_therapy([], note, tabular)[0] == []


@pytest.mark.parametrize("note, expected", [
    ("Chronic low back pain on long-term Norco 10/325 TID under a pain agreement.", ["Z79.891"]),
    ("Knee OA, takes Celebrex 200 mg daily long-term.", ["Z79.1"]),
    ("Polymyalgia rheumatica, Medrol 4 mg daily, maintenance.", ["Z79.52"]),
    ("Menopausal symptoms, on Climara patch for 3 years.", ["Z79.890"]),
    ("Hepatic encephalopathy prevention: long-term Xifaxan 550 mg BID.", ["Z79.2"]),
])
def test_a_drug_given_also_for_days_is_coded_by_its_brand_name_where_long_term_is_stated(tabular, note, expected):
    from services.coding.domain.encounter_z_codes import encounter_z_codes
    assert expected[0] in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Post-op pain: Norco 5/325 q6h prn x 5 days.", "Acute gout: indomethacin 50 mg TID for 3 days.",
])
def test_a_short_course_by_brand_name_is_not_long_term(tabular, note):
    from services.coding.domain.encounter_z_codes import encounter_z_codes
    assert not [c for c in codes(encounter_z_codes([], note, tabular)[0]) if c.startswith("Z79")]


@pytest.mark.parametrize("note", ["T2DM on Lantus 20 units nightly.", "T2DM, Tresiba 30 units qHS."])
def test_insulin_in_use_with_type_2_diabetes_is_coded(tabular, note):
    from services.coding.domain.status_z_codes import status_z_codes
    from tests.unit.coding.test_conventions import found
    assert "Z79.4" in codes(status_z_codes(found(note, ("E11.9", "T2DM")), note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Type 2 DM, glucose 412: one dose of insulin lispro 6 units given in the office.",
    "Type 2 diabetes. Sliding-scale insulin x 3 days while on the prednisone burst.",
    "Type 2 diabetes. Allergic to insulin detemir (rash).",
])
def test_insulin_given_once_or_for_days_is_no_treatment_in_use(tabular, note):
    from services.coding.domain.status_z_codes import status_z_codes
    from tests.unit.coding.test_conventions import found
    assert "Z79.4" not in codes(status_z_codes(found(note, ("E11.9", "Type 2")), note, tabular)[0])


@pytest.mark.parametrize("note, expected", [
    # the parenthesis' duration is the antiplatelets' course, not the statin's
    ("Now on ticagrelor 90 mg BID plus aspirin 81 mg (DAPT for 12 months), metoprolol 50 mg, atorvastatin 80 mg.",
     []),
    ("Hyperlipidemia: atorvastatin 40 mg daily (for 5 years), LDL 70.", ["Z79.899"]),
    ("Menopause: estradiol patch 0.05 mg with progesterone, for 3 years; continue.", ["Z79.890"]),
])
def test_a_duration_in_a_parenthesis_is_the_course_of_what_it_is_attached_to(tabular, note, expected):
    from services.coding.domain.encounter_z_codes import encounter_z_codes
    found = [c for c in codes(encounter_z_codes([], note, tabular)[0]) if c in ("Z79.899", "Z79.890")]
    assert found == expected
