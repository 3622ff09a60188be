"""Blood, nutritional and metabolic conditions read by the index entries the tabular's titles put out of reach
(the anemia's cause, the malnutrition's degree, the neutropenia's drug, the thrombophilia's gene), with the parts a
combination already names not coded beside it, and a measured value not read as a diagnosis."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    ("Assessment: anemia due to vitamin B12 deficiency, starting IM injections.", {"D51.9"}),
    ("A/P: B12 deficiency anemia - oral cyanocobalamin 1000 mcg daily.", {"D51.9"}),
    ("Impression: B12 deficiency anemia in a strict vegan; dietary counselling.", {"D51.3"}),
    ("A: anemia from folic acid deficiency, folic acid 1 mg daily.", {"D52.9"}),
    ("Dx: folate deficiency anemia from a poor diet with heavy drinking.", {"D52.0"}),
    ("Assessment: microcytic anemia due to iron deficiency; oral iron.", {"D50.9"}),
    ("Problem list: anemia of chronic disease, stable Hgb 10.4.", {"D63.8"}),
    ("Post-op day 10: acute blood loss anemia, Hgb 8.9, iron sulfate.", {"D62"}),
    ("A/P: chronic blood loss anemia from slow GI oozing; scope scheduled.", {"D50.0"}),
    ("ANC 900: neutropenia due to methimazole; stop it today.", {"D70.2"}),
    ("Assessment: carbamazepine-induced neutropenia, switching agents.", {"D70.2"}),
    ("A: chemotherapy-induced neutropenia, filgrastim with the next cycle.", {"D70.1"}),
    ("Dietitian: moderate malnutrition, intake under half of needs for a month.", {"E44.0"}),
    ("Assessment: mild protein-calorie malnutrition; oral supplements twice daily.", {"E44.1"}),
    ("Impression: severe malnutrition with muscle wasting; feeding plan.", {"E43"}),
    ("Thrombophilia screen: heterozygous for factor V Leiden; counselled on estrogen.", {"D68.51"}),
    ("Problem list: prothrombin G20210A mutation, on apixaban after a DVT.", {"D68.52"}),
    ("A: antithrombin III deficiency, lifelong anticoagulation.", {"D68.59"}),
    ("Heme f/u: immune thrombocytopenia, platelets 48K, no bleeding.", {"D69.3"}),
    ("Problem list: sickle trait; no crises ever.", {"D57.3"}),
    ("A/P: von Willebrand disease, type 1 - DDAVP before the dental extraction.", {"D68.01"}),
    ("Problem list: C282Y homozygous hemochromatosis, phlebotomy monthly.", {"E83.110"}),
    ("Dx: transfusional iron overload in thalassemia major; chelation.", {"E83.111"}),
    ("A: hypovitaminosis D, ergocalciferol weekly.", {"E55.9"}),
    ("Labs: phosphorus 1.9 - hypophosphatemia, oral replacement.", {"E83.39"}),
    ("Problem list: selective IgA deficiency, frequent sinus infections.", {"D80.2"}),
    ("A: lymphopenia, absolute count 600, recheck in a month.", {"D72.810"}),
    ("Problem list: exogenous obesity - diet plan reviewed.", {"E66.09"}),
    ("A/P: erythrocytosis secondary to testosterone; hold the injections, Hct in 6 weeks.", {"D75.1"}),
    ("Problem list: factor VIII deficiency, mild, factor before procedures.", {"D66"}),
    ("Exam: swollen left knee - hemarthrosis of the left knee in hemophilia B; factor IX given.", {"M25.062", "D67"}),
    ("Anticoag clinic: supratherapeutic INR 4.8 on warfarin, no bleeding; hold one dose.", {"R79.1"}),
    ("A: INR 6.1 on warfarin with gum bleeding and bruising - elevated INR, vitamin K given.", {"D68.32"}),
    ("Assessment: APS, on warfarin for life after two clots.", {"D68.61"}),
    ("Problem list: FVL heterozygote.", {"D68.51"}),
    ("Heme: hemolysis after a sulfa antibiotic in known G6PD deficiency; Hgb 8.7, retic 9%.", {"D55.0"}),
    ("A: G6PD deficiency anemia, stable; folic acid daily.", {"D55.0"}),
    ("Problem list: G6PD deficiency, never anemic; avoids fava beans.", {"D75.A"}),
    ("Assessment: sickle cell anemia with a vaso-occlusive crisis in both thighs; IV fluids, ketorolac.", {"D57.00"}),
    ("A/P: Hb SS disease without crisis, on hydroxyurea 1,000 mg.", {"D57.1"}),
    ("Heme consult: immune hemolytic anemia after cefazolin, Coombs positive; cefazolin held.", {"D59.0", "T36.1X5A"}),
    ("A/P: warm AIHA due to ceftriaxone, DAT IgG positive - stop ceftriaxone.", {"D59.0", "T36.1X5A"}),
])
def test_an_entry_the_title_hides_is_its_code(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Denies any history of a B12 deficiency anemia.", "D51"),
    ("Brother has factor V Leiden; she has not been tested.", "D68"),
    ("No malnutrition: albumin and weight stable.", "E4"),
    ("Neutropenia due to clozapine ruled out, ANC 2,800.", "D70"),
    ("Traumatic right knee hemarthrosis after a fall on the ice.", "M25.0"),
    ("Her son has G6PD deficiency; she was screened and is a carrier only.", "D55"),
    ("No sickle cell disease with crisis this year.", "D57.0"),
    ("Hemolytic anemia after ceftriaxone, DAT negative, likely oxidative.", "D59.0"),  # not immune: D59.2, a coder's
    ("Autoimmune hemolytic anemia after ceftriaxone was ruled out; DAT negative.", "D59"),
])
def test_a_denied_relatives_or_injurys_condition_is_not_read_so(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


def test_the_b12_deficiency_in_the_sentence_of_its_anemia_is_part_of_it(suggest):
    codes = billed(suggest, "Impression: pernicious anemia with a sensory neuropathy due to B12 deficiency.")
    assert "D51.0" in codes and "E53.8" not in codes


def test_a_b12_deficiency_in_a_sentence_of_its_own_is_left_as_it_is(suggest):
    assert "E53.8" in billed(suggest, "Vitamin B12 deficiency, level 140, on injections. Pernicious anemia ruled "
                                      "out; IF antibody negative.")


def test_a_lupus_anticoagulant_that_diagnoses_the_antiphospholipid_syndrome_is_its_criterion(suggest):
    codes = billed(suggest, "Lupus anticoagulant positive on two draws 12 weeks apart: antiphospholipid syndrome.")
    assert "D68.61" in codes and "D68.62" not in codes


def test_a_cap_with_a_number_is_the_elastography_value_not_a_pneumonia(suggest):
    assert not any(code.startswith("J18") for code in billed(suggest, "FibroScan: CAP 310 dB/m, 6.1 kPa; MASLD."))


def test_a_duration_in_years_is_not_the_patients_age_for_the_bmi(suggest):
    assert "Z68.27" in billed(suggest, "3 years after a sleeve gastrectomy. BMI 27.2 - overweight, keep going.")


def test_a_drugs_harm_only_to_be_evaluated_for_is_no_adverse_effect(suggest):
    codes = billed(suggest, "Hypercalcemia, Ca 10.9: PTH ordered to evaluate for lithium-associated "
                            "hyperparathyroidism.")
    assert "E83.52" in codes and not any(code.startswith("T43") for code in codes)
