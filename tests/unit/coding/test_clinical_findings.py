"""Endocrine, cardiac, pulmonary and laboratory findings in the notes' words, and index codes the sentence specifies."""
import pytest

from services.coding.domain.clinical_findings import coronary_with_angina, refined_by_sentence
from services.coding.domain.conventions import hypertension_combination
from services.coding.domain.documented_findings import documented_findings
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Impaired fasting glucose on labs.", "R73.01"), ("Fasting glucose 118, repeat ordered.", "R73.01"),
    ("Abnormal TSH, pt asymptomatic; repeat TFTs.", "R94.6"), ("Elevated PSA, urology referral.", "R97.20"),
    ("Elevated transaminases on statin.", "R74.01"), ("Graves disease, euthyroid on methimazole.", "E05.00"),
    ("Graves' disease with thyroid storm.", "E05.01"), ("Moderate aortic stenosis, echo yearly.", "I35.0"),
    ("Aortic stenosis with regurgitation.", "I35.2"), ("Mild mitral regurgitation on echo.", "I34.0"),
    ("8 mm pulmonary nodule, CT in 6 months.", "R91.1"), ("Multiple lung nodules, stable.", "R91.8"),
    ("New pleuritic L chest pain x1 d.", "R07.81"), ("Pleuritic pain with deep breaths.", "R07.81"),
    ("Vitamin D 18, deficiency: start D3.", "E55.9"), ("Vitamin D insufficiency.", "E55.9"),
    ("Low vitamin D on labs.", "E55.9"),
    ("Pulmonary sarcoid, stage II: bilateral hilar adenopathy.", "D86.2"),
    ("Primary adrenal insufficiency on hydrocortisone.", "E27.1"), ("Male hypogonadism, testosterone 180.", "E29.1"),
    ("Atherosclerosis of the right leg with intermittent claudication.", "I70.211"),
    ("Bronchiectasis w/ acute exacerbation.", "J47.1"),
    ("Hypertrophic cardiomyopathy, obstructive, LVOT gradient 60.", "I42.1"), ("HCM, on metoprolol.", "I42.2"),
    ("Raynaud's phenomenon, both hands.", "I73.00"), ("Pituitary microadenoma 6 mm.", "D35.2"),
    ("B12 deficiency, start cyanocobalamin.", "E53.8"), ("DVT of left popliteal vein.", "I82.432"),
    ("Chronic DVT of the right femoral vein.", "I82.511"), ("Dx acute cystitis.", "N30.00"),
    ("Acute cystitis with hematuria.", "N30.01"), ("Acute cystitis, no hematuria.", "N30.00"),
    ("Nitrofurantoin x5d for uncomplicated cystitis.", "N30.90"), ("Cystitis with gross hematuria.", "N30.91"),
    ("Atrial fibrillation, permanent, on warfarin.", "I48.21"), ("Paroxysmal atrial fibrillation.", "I48.0"),
    ("Frequent PVCs on Holter.", "I49.3"), ("Acute idiopathic pericarditis.", "I30.0"),
    ("Hyponatremia, Na 129.", "E87.1"), ("AAA 4.2 cm on US.", "I71.40"),
    ("Adenocarcinoma of the right upper lobe, stage IV.", "C34.11"), ("Bilateral cerumen impaction.", "H61.23"),
    ("Dx: macrocytic anemia; B12 and folate ordered.", "D53.9"), ("Anemia, macrocytic (MCV 106).", "D53.9"),
    ("Ingrown toenail.", "L60.0"), ("Paronychia of the right great toe.", "L03.031"),
])
def test_the_words_meet_the_code_the_index_sends_them_to(tabular, note, expected):
    out, reasons = documented_findings([], note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", [
    "Fasting glucose 92, normal.", "Fasting glucose 140.",  # normal, or in the diabetic range: not IFG
    "Hypothyroidism on levothyroxine; TSH elevated, dose increased.",  # part of the thyroid disease
    "No aortic stenosis on echo.", "Rheumatic aortic stenosis.", "Possible Graves disease, TRAb ordered.",
])
def test_normal_values_integral_findings_and_uncertain_or_negated_ones_are_not_coded(tabular, note):
    assert documented_findings([], note, tabular)[0] == []


def test_prediabetes_replaces_the_diabetes_the_index_found_in_its_word(tabular):
    note = "Pre-diabetes, A1c 6.1%."
    out, _ = documented_findings(found(note, ("E11.9", "diabetes")), note, tabular)
    assert codes(out) == ["R73.03"]


def test_hypertensive_heart_disease_with_heart_failure_is_the_i11_0_combination(tabular):
    note = "Hypertension heart disease with chronic systolic heart failure."
    given = found(note, ("I10", "Hypertension"), ("I51.9", "heart disease"),
                  ("I50.22", "chronic systolic heart failure"))
    out, _ = documented_findings(given, note, tabular)
    assert codes(out) == ["I11.9", "I50.22"]
    combined, _ = hypertension_combination(out, note, tabular)
    assert codes(combined) == ["I11.0", "I50.22"]


@pytest.mark.parametrize("note, given, expected", [
    ("Hypothyroidism s/p total thyroidectomy 2019.", ("E03.9", "Hypothyroidism"), "E89.0"),
    ("Hypothyroidism after radioactive iodine.", ("E03.9", "Hypothyroidism"), "E89.0"),
])
def test_the_sentence_specifies_the_code_the_index_found(tabular, note, given, expected):
    out, reasons = refined_by_sentence(found(note, given), note, tabular)
    assert codes(out) == [expected] and out[0].convention == "clinical-refinement" and reasons


def test_without_the_specifying_words_the_index_code_stays(tabular):
    note = "Hypothyroidism, TSH at goal, AF s/p ablation."  # a cardiac ablation, not the thyroid's
    given = found(note, ("E03.9", "Hypothyroidism"))
    assert codes(refined_by_sentence(given, note, tabular)[0]) == ["E03.9"]


@pytest.mark.parametrize("note, expected", [("Pulmonary sarcoidosis, stable.", ["D86.0"]),
                                            ("Sarcoidosis; pulmonary function tests ordered.", [])])
def test_sarcoidosis_of_the_lung_is_d86_0_only_when_the_words_say_so(tabular, note, expected):
    out, _ = documented_findings(found(note, ("D86.9", "arcoidosis")), note, tabular)
    assert codes(out) == (expected or ["D86.9"])


@pytest.mark.parametrize("note, expected", [
    ("Mild mitral regurgitation and moderate aortic regurgitation on echo.", ["I08.0"]),
    ("Aortic stenosis, mild; mitral valve prolapse.", ["I08.0"]),
])
def test_disease_of_both_the_mitral_and_aortic_valves_is_i08_0(tabular, note, expected):
    assert sorted({s.code for s in documented_findings([], note, tabular)[0]}) == expected


@pytest.mark.parametrize("note, given, expected", [
    ("Hyperthyroidism due to toxic multinodular goiter. No storm.",
     [("E05.90", "Hyperthyroidism"), ("E04.2", "multinodular goiter")], ["E05.20"]),
    ("Hypothyroidism due to Hashimoto thyroiditis.", [("E03.9", "Hypothyroidism"), ("E06.9", "thyroiditis")],
     ["E06.3"]),
])
def test_a_thyroid_disorder_named_with_its_cause_is_the_cause_s_code_alone(tabular, note, given, expected):
    out, _ = documented_findings(found(note, *given), note, tabular)
    out, _ = refined_by_sentence(out, note, tabular)
    assert sorted({s.code for s in out}) == expected


@pytest.mark.parametrize("note, expected", [
    ("COPD w/ chronic hypoxemic respiratory failure, on home O2.", "J96.11"),
    ("Acute on chronic hypercapnic respiratory failure.", "J96.22"),
    ("Acute respiratory failure, cause unclear.", "J96.00"),
])
def test_respiratory_failure_is_coded_by_acuity_and_type(tabular, note, expected):
    assert expected in codes(documented_findings([], note, tabular)[0])


def test_respiratory_failure_without_an_acuity_or_with_both_types_is_left_to_a_coder(tabular):
    for note in ("Respiratory failure.", "Chronic respiratory failure with hypoxia and hypercapnia."):
        assert not any(s.code.startswith("J96") for s in documented_findings([], note, tabular)[0])


@pytest.mark.parametrize("note, angina, expected", [
    ("Stable angina, CAD of native vessel.", ("I20.89", "Stable angina"), "I25.118"),
    ("Coronary artery disease with unstable angina.", ("I20.0", "unstable angina"), "I25.110"),
    ("CAD. Angina on exertion.", ("I20.9", "Angina"), "I25.119"),
])
def test_coronary_disease_with_angina_is_one_combination_code(tabular, note, angina, expected):
    out, reasons = coronary_with_angina(found(note, angina), note, tabular)
    assert codes(out) == [expected] and out[0].convention == "with-presumption" and reasons


@pytest.mark.parametrize("note", ["Stable angina. No known CAD.", "Stable angina, CAD s/p CABG 2015."])
def test_angina_without_current_coronary_disease_or_with_a_graft_stays(tabular, note):
    given = found(note, ("I20.89", "Stable angina"))
    assert coronary_with_angina(given, note, tabular)[0] == given


@pytest.mark.parametrize("note, expected", [
    ("FHx CAD in brother.", ["Z82.49"]), ("Father with coronary artery disease at 50.", ["Z82.49"]),
    ("No FHx of CAD.", []), ("Brother had possible CAD.", []), ("Brother also has HCM.", ["Z82.49"]),
    ("Father w/ AAA.", ["Z82.49"]),
    ("9yo with CAD per parent reports.", []),  # reported by a parent: not a relative's (nor read as current)
])
def test_a_finding_given_to_a_relative_is_the_family_history_code_of_the_index(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == expected and all(s.context == "family" for s in out if s.code.startswith("Z"))


@pytest.mark.parametrize("note", ["CAD s/p PCI w/ DES to LAD 2020.", "CAD, status post CABG x3 in 2015."])
def test_coronary_disease_outlives_its_revascularization(tabular, note):
    assert codes(documented_findings([], note, tabular)[0]) == ["I25.10"]


def test_a_condition_after_s_p_is_still_past(tabular):
    assert documented_findings([], "S/p treatment for CAD.", tabular)[0] == []


def test_claudication_with_atherosclerosis_is_i70_21_by_side_and_replaces_the_unspecified_codes(tabular):
    note = "PAD due to atherosclerosis, bilateral LE, with intermittent claudication."
    given = found(note, ("I73.9", "PAD"), ("I70.90", "atherosclerosis"))
    out, _ = refined_by_sentence(documented_findings(given, note, tabular)[0], note, tabular)
    assert codes(out) == ["I70.213"]


@pytest.mark.parametrize("note", ["Intermittent claudication, ABI ordered.", "Bronchiectasis, no exacerbation."])
def test_claudication_without_atherosclerosis_or_bronchiectasis_without_a_flare_is_not_made(tabular, note):
    assert all(s.code not in ("J47.1",) and not s.code.startswith("I70.2")
               for s in documented_findings([], note, tabular)[0])


def test_chest_pain_gives_way_to_its_kind_named_in_the_note(tabular):
    from services.coding.domain.same_condition import same_condition
    note = "Chest pain eval: atypical. Dx: chest wall pain."
    out, _ = same_condition(found(note, ("R07.9", "Chest pain"), ("R07.89", "chest wall pain")), note, tabular)
    assert codes(out) == ["R07.89"]


def test_a_dvt_not_placed_in_a_leg_is_left_to_a_coder(tabular):
    assert documented_findings([], "DVT of the right subclavian vein.", tabular)[0] == []


@pytest.mark.parametrize("note, expected", [
    ("Vitamin D deficiency. Morbid obesity, BMI 42.3.", ["E66.01"]),
    ("BMI 41.3; severe obesity - referral to weight mgmt.", ["E66.01"]),
    ("Severe OSA (AHI 45). BMI 36.4, obese.", ["E66.9"]),
])
def test_obesity_in_the_indexs_words_is_its_code(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert [c for c in codes(out) if c.startswith("E66")] == expected


@pytest.mark.parametrize("note", ["Abdomen obese, soft, nontender.", "BMI 27.2, obese habitus per pt."])
def test_obese_without_a_bmi_in_the_obese_range_is_an_exam_word(tabular, note):
    assert not [c for c in codes(documented_findings([], note, tabular)[0]) if c.startswith("E66")]


@pytest.mark.parametrize("note, expected", [("Req: TSH. Reason: fatigue, weight gain x 3 mo.", "R63.5"),
                                            ("Neurogenic bladder managed by urology.", "N31.9")])
def test_index_entries_the_tabular_words_otherwise_are_read(tabular, note, expected):
    assert expected in codes(documented_findings([], note, tabular)[0])


def test_weight_gain_only_supposed_or_denied_is_not_coded(tabular):
    for note in ("Denies weight gain.", "Discussed risk of weight gain on mirtazapine."):
        assert "R63.5" not in codes(documented_findings([], note, tabular)[0])
