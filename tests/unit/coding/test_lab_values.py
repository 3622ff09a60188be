"""Laboratory results the note calls high or low, or gives beyond the reference range it states, read as the
finding the index names for the analyte; a bare number, a value inside its range, a result back to normal or one a
diagnosis in the note explains is not coded."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("BMP reviewed: K 5.9 (high); repeat in the morning.", "E87.5"),
    ("Chemistry today: potassium 3.1 mmol/L, low. Add KCl.", "E87.6"),
    ("Na 128 (L) on the admission panel; fluid restriction.", "E87.1"),
    ("Serum sodium 149, high; encourage free water.", "E87.0"),
    ("Calcium 11.4 mg/dL (ref 8.6-10.3); PTH to follow.", "E83.52"),
    ("Calcium 7.9 (low) after the thyroid surgery last year; start calcium carbonate.", "E83.51"),
    ("Magnesium 1.3 (low) on diuretics; oral replacement.", "E83.42"),
    ("Ferritin 7 ng/mL (ref 15-150), hemoglobin fine.", "E61.1"),
    ("Vitamin D 12 ng/mL (low); start ergocalciferol weekly.", "E55.9"),
    ("B12 150 pg/mL (ref 200-900); IM injections monthly.", "E53.8"),
    ("Folate 2.0 (low); folic acid 1 mg daily.", "E53.8"),
    ("Hepatic panel: ALT 3x ULN, bilirubin normal.", "R74.01"),
    ("Alkaline phosphatase 210 U/L (high), GGT pending.", "R74.8"),
    ("CK 1,850 U/L (high) after a long run; hydrate and recheck.", "R74.8"),
    ("CRP 3.2 mg/dL (high); nonspecific, repeat later.", "R79.82"),
    ("ESR 61 mm/h (ref 0-20) at the last draw.", "R70.0"),
    ("CEA 7.4 ng/mL, elevated; CT abdomen ordered.", "R97.0"),
    ("CA-125 88 U/mL (high); pelvic ultrasound.", "R97.1"),
    ("WBC 14.8 (H), afebrile, no source found.", "D72.829"),
    ("WBC 2.9 K/uL (low); repeat CBC with differential.", "D72.819"),
    ("ANC 1,100/uL (ref >= 1,500); recheck weekly.", "D70.9"),
    ("Platelets 96K (low); no bleeding.", "D69.6"),
    ("Platelet count 612 (high); iron studies sent.", "D75.839"),
    ("Hgb 10.2 g/dL (low); no bleeding history.", "D64.9"),
    ("Absolute eosinophils 1,200 (high); stool O&P sent.", "D72.10"),
    ("Triglycerides 520 mg/dL (high); fenofibrate started.", "E78.1"),
    ("LDL 201 (high); high-intensity statin.", "E78.00"),
    ("HDL 28 (low); exercise counselling.", "E78.6"),
    ("Lp(a) 190 nmol/L (high); discussed inherited risk.", "E78.41"),
    ("Low magnesium at 1.4; replace orally.", "E83.42"),
    ("Elevated CRP at 2.6; follow-up in a month.", "R79.82"),
    ("Low ferritin, 10; oral iron every other day.", "E61.1"),
])
def test_a_result_called_abnormal_is_its_finding(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("BMP: K 5.9, Na 139, creatinine 1.0.", "E87.5"),  # a bare number
    ("Calcium 9.8 (ref 8.6-10.3).", "E83.52"),  # inside its stated range
    ("Calcium 9.8 (ref 8.6-10.3).", "E83.51"),
    ("Potassium 5.1, high-normal; no change.", "E87.5"),
    ("K 5.8 (high) last week, now 4.6 after the dose change.", "E87.5"),  # back to normal
    ("Ferritin 6 (low); iron deficiency anemia, start oral iron.", "E61.1"),  # the anemia explains it
    ("Uric acid 9.4 (high); gout of the right great toe, colchicine.", "E79.0"),
    ("ALT 2x ULN; chronic hepatitis C, genotype 1a, treatment planned.", "R74.01"),
    ("Glucose 240 (high); type 2 diabetes mellitus, A1c 9.1.", "R73.9"),
    ("PSA 12.4 (high); prostate adenocarcinoma on active surveillance.", "R97.20"),
    ("No hyperkalemia; potassium normal today.", "E87.5"),
    ("Family history: mother with low platelets (low).", "D69.6"),
])
def test_a_bare_normal_back_to_normal_or_explained_result_is_not_coded(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_cancer_antigen_is_not_a_calcium(suggest):
    codes = billed(suggest, "CA 125 410 (high); pelvic mass on ultrasound.")
    assert "E83.52" not in codes


def test_a_letter_flag_is_read_only_as_a_flag(suggest):
    assert "D64.9" in billed(suggest, "CBC: Hgb 10.4 L, MCV 78 L.")
    assert "E87.6" not in billed(suggest, "Knee: K-wire removed, 2 L of fluid given.")


@pytest.mark.parametrize("note, absent", [
    ("Cardiac rehab: counselled to keep a high-potassium diet off now that spironolactone is stopped.", "E87.5"),
    ("HTN. Eats out daily, a high sodium intake; reviewed a 2 g low sodium diet.", "E87.0"),
    ("Osteopenia: high calcium diet plus vitamin D 1000 IU daily, DEXA in 2 years.", "E83.52"),
    ("Osteopenia: calcium-rich foods and weight-bearing exercise encouraged.", "E83.51"),
    ("Heavy menses; iron-rich foods discussed, CBC next visit.", "E61.1"),
    ("Dyslipidemia: she keeps a low cholesterol diet; LDL 118, statin declined.", "E78.00"),
    ("Hyperlipidemia managed with rosuvastatin; he still eats high cholesterol foods on weekends.", "E78.00"),
    ("Type 2 diabetes on metformin; a low sugar diet and carb counting reviewed with the dietitian.", "E11.649"),
    ("Prediabetes, A1c 6.0, with a high sugar intake from juice; low sugar snacks suggested.", "E16.2"),
])
def test_a_diet_food_or_intake_is_not_a_result(suggest, note, absent):
    """"High sodium diet", "calcium-rich foods", "low sugar diet": what is eaten, not a result the note calls
    abnormal nor the condition named by it."""
    assert absent not in {s.code for s in suggest(note)}


@pytest.mark.parametrize("note, code", [
    ("Dx: hyperlipidemia on a low cholesterol diet; lipid panel in 3 months.", "E78.5"),
    ("Obesity, BMI 33.4, following a low calorie diet with the dietitian.", "E66.9"),
])
def test_a_diet_phrase_is_no_kind_of_the_condition_beside_it(suggest, note, code):
    """"cholesterol", "low", "calorie" in a diet phrase are not the words another code of the category adds."""
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Sodium 149 (high) on the repeat panel; free water encouraged.", "E87.0"),
    ("Low sugars overnight on glargine; dose reduced by 10%.", "E16.2"),
])
def test_a_result_beside_no_diet_word_is_still_read(suggest, note, code):
    assert code in {s.code for s in suggest(note)}


def test_an_analyte_is_scanned_only_where_its_name_is_written_as_a_word():
    from services.coding.domain import lab_values

    hemoglobin = next(place for place, analyte in enumerate(lab_values.ANALYTES) if "hgb" in analyte.words)
    note = "Follow-up for type 2 diabetes and hypertension. Venipuncture for A1c."
    assert hemoglobin in lab_values._named(note)  # its required strings are single letters the note holds
    assert list(lab_values._candidates({hemoglobin}, note)) == []
    assert [entry[2] for entry in lab_values._candidates({hemoglobin}, "Hgb 9.1 (L).")] == [
        pattern for place, _, pattern in lab_values._PATTERNS if place == hemoglobin]


def test_no_analyte_pattern_matches_where_its_name_does_not():
    import csv

    from services.coding.domain import lab_values
    from services.coding.evaluate_suggestions import DEVELOPMENT_SET

    with open(DEVELOPMENT_SET, newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)]
    matched = 0
    for note in notes:
        for place, _, pattern in lab_values._PATTERNS:
            if pattern.search(note):
                matched += 1
                assert lab_values._NAMES[place].search(note), (place, note[:80])
    assert matched > 50
