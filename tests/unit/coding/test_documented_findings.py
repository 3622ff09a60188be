"""Conditions the index does not reach from the words notes use, with the specificity those words carry."""
import pytest

from services.coding.domain.documented_findings import documented_findings
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Pneumonia confirmed on x-ray.", ["J18.9"]), ("Dizziness when standing.", ["R42"]),
    ("Edema of both ankles.", ["R60.0"]), ("Weight loss of ten pounds.", ["R63.4"]),
    ("Rash on the arms for a week.", ["R21"]), ("Neck pain after a fall.", ["M54.2"]),
    ("Low back pain for two weeks.", ["M54.50"]), ("Conjunctivitis of the right eye.", ["H10.9"]),
    ("Gout flare of the left great toe.", ["M10.072"]), ("Gout.", ["M10.9"]),
    ("Benign prostatic hyperplasia with nocturia.", ["N40.1"]), ("BPH, no urinary symptoms.", ["N40.0"]),
    ("Heart failure with reduced ejection fraction.", ["I50.20"]),
    ("Acute on chronic systolic heart failure.", ["I50.23"]), ("Chronic diastolic heart failure.", ["I50.32"]),
    ("COPD exacerbation.", ["J44.1"]), ("COPD, stable.", ["J44.9"]), ("Asthma exacerbation.", ["J45.901"]),
    ("Moderate persistent asthma with acute exacerbation.", ["J45.41"]),
    ("Pharyngitis, rapid strep positive.", ["J02.0"]), ("Strep throat.", ["J02.9"]),
    ("Sore throat, rapid strep positive.", ["J02.0"]),
    ("COPD without exacerbation.", ["J44.9"]), ("Right lower leg cellulitis.", ["L03.119"]),
])
def test_the_words_a_note_uses_meet_their_code(tabular, note, expected):
    out, reasons = documented_findings([], note, tabular)
    assert codes(out) == expected and all(s.convention == "documented-finding" for s in out) and reasons


@pytest.mark.parametrize("note", ["No pneumonia on x-ray.", "Denies dizziness.", "History of pneumonia.",
                                  "Return if rash or dizziness.", "Watch for signs of pneumonia.",
                                  "Intentional weight loss of ten pounds.",
                                  "Possible pneumonia.", "Pulmonary edema on x-ray."])
def test_negated_uncertain_past_or_family_mentions_are_not_coded(tabular, note):
    assert documented_findings([], note, tabular)[0] == []


@pytest.mark.parametrize("note", ["Rapid strep +. Strep pharyngitis.", "Strep pharyngitis, rapid strep positive."])
def test_a_positive_strep_test_written_with_a_plus_sign_confirms_streptococcal_pharyngitis(tabular, note):
    assert codes(documented_findings([], note, tabular)[0]) == ["J02.0"]


def test_chest_wall_pain_is_r07_89_over_the_pain_the_index_found(tabular):
    note = "Dx: chest wall pain."
    assert codes(documented_findings(found(note, ("R52", "pain")), note, tabular)[0]) == ["R07.89"]


def test_an_exacerbation_dated_before_the_visit_is_not_todays(tabular):
    note = "Severe persistent asthma, status asthmaticus last month (hospitalized), now at baseline."
    assert codes(documented_findings([], note, tabular)[0]) == ["J45.50"]
    note = "Severe persistent asthma in status asthmaticus."
    assert codes(documented_findings([], note, tabular)[0]) == ["J45.52"]


def test_an_abnormal_result_beside_a_diagnosis_in_its_sentence_is_not_a_symptom(tabular):
    note = "Obesity (BMI 33.4) and prediabetes (A1c 5.9)."
    assert codes(documented_findings(found(note, ("E66.9", "Obesity")), note, tabular)[0]) == ["E66.9", "R73.03"]


def test_a_relatives_condition_is_only_its_family_history_code(tabular):
    out, _ = documented_findings([], "Mother has COPD.", tabular)
    assert codes(out) == ["Z82.5"] and out[0].context == "family"


def test_a_less_specific_index_code_on_the_same_words_is_replaced(tabular):
    note = "Heart failure with reduced ejection fraction."
    out, reasons = documented_findings(found(note, ("I50.9", "Heart failure")), note, tabular)
    assert codes(out) == ["I50.20"] and "I50.9" in reasons[0]


def test_a_different_code_the_index_found_on_the_words_is_kept(tabular):
    note = "Aspiration pneumonia."
    given = found(note, ("J69.0", "Aspiration pneumonia"))
    assert documented_findings(given, note, tabular) == (given, [])


@pytest.mark.parametrize("note", ["Edema: none.", "Pneumonia resolved.", "Discussed weight loss and exercise.",
                                  "Weight loss goal of ten pounds."])
def test_a_finding_negated_after_it_or_given_as_advice_is_not_coded(tabular, note):
    assert documented_findings([], note, tabular)[0] == []


def test_asthma_without_a_stated_exacerbation_or_severity_keeps_the_index_code(tabular):
    note = "Asthma, no recent exacerbation."
    given = found(note, ("J45.909", "Asthma"))
    assert documented_findings(given, note, tabular) == (given, [])


def test_a_symptom_with_a_diagnosis_in_its_sentence_is_not_coded(tabular):
    note = "Lightheaded and dizzy, orthostatic hypotension."
    given = found(note, ("I95.1", "orthostatic hypotension"))
    assert documented_findings(given, note, tabular) == (given, [])


@pytest.mark.parametrize("note, expected", [
    ("Gastroesophageal reflux disease, on omeprazole.", ["K21.9"]),
    ("Gastro-esophageal reflux disease with esophagitis on EGD.", ["K21.00"]),
    ("Coronary artery disease, no angina.", ["I25.10"]),
    ("Atypical chest pain, reproducible with palpation.", ["R07.89"]),
    ("Panic disorder, stable on sertraline.", ["F41.0"]),
    ("Seasonal allergic rhinitis every spring.", ["J30.2"]),
    ("Swimmer's ear.", ["H60.339"]),
    ("Post-traumatic osteoarthritis of the left wrist.", ["M19.139"]),
])
def test_conditions_written_out_meet_the_code_the_index_sends_them_to(tabular, note, expected):
    out, reasons = documented_findings([], note, tabular)
    assert codes(out) == expected and reasons


def test_coronary_artery_disease_with_angina_is_left_to_a_coder(tabular):
    assert documented_findings([], "Coronary artery disease with stable angina.", tabular)[0] == []


def test_knee_osteoarthritis_replaces_the_unspecified_site_code_on_its_words(tabular):
    note = "Osteoarthritis of the right knee."
    out, _ = documented_findings(found(note, ("M19.90", "Osteoarthritis")), note, tabular)
    assert codes(out) == ["M17.10"]


@pytest.mark.parametrize("note, evidence, expected", [
    ("Primary OA, left knee, KL grade 3.", "Primary OA", "M17.10"),
    ("primary osteoarthritis, left knee", "primary osteoarthritis", "M17.10"),
    ("OA right knee, stable.", "OA", "M17.10"), ("Osteoarthritis in the left hip.", "Osteoarthritis", "M16.10"),
])
def test_knee_and_hip_osteoarthritis_with_the_side_after_a_comma_or_alone(tabular, note, evidence, expected):
    out, _ = documented_findings(found(note, ("M19.91", evidence)), note, tabular)
    assert codes(out) == [expected]


def test_post_traumatic_osteoarthritis_is_not_read_as_primary(tabular):
    note = "Post-traumatic osteoarthritis, left knee."
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == ["M17.30"]


@pytest.mark.parametrize("note, expected", [
    ("Lab req: UA. Reason: dysuria and frequency x 2 days.", ["R35.0"]),
    ("Req: UA, urine culture. Reason: urgency and frequency x 3d.", ["R39.15", "R35.0"]),
    ("Urinary urgency, no incontinence.", ["R39.15"]),
])
def test_bare_frequency_or_urgency_about_urination_is_the_urinary_symptom(tabular, note, expected):
    assert sorted(codes(documented_findings([], note, tabular)[0])) == sorted(expected)


@pytest.mark.parametrize("note", ["Dx: hypertensive urgency, BP 188/112.", "Headache frequency down to 2 a month.",
                                  "Seen with some urgency today for chest pain."])
def test_frequency_or_urgency_of_anything_else_is_not_a_urinary_symptom(tabular, note):
    assert not [c for c in codes(documented_findings([], note, tabular)[0]) if c[:3] in ("R35", "R39")]


def test_urinary_frequency_beside_cystitis_is_part_of_it(suggest):
    found = coded(suggest, "Dysuria and frequency x2d. UA + nitrite. Dx: acute cystitis w/o hematuria.")
    assert "N30.00" in found and "R35.0" not in found


@pytest.mark.parametrize("note, expected", [
    ("Decompensation today: HFpEF exacerbation with weight gain.", "I50.33"),
    ("Worse dyspnea from an exacerbation of her chronic combined systolic and diastolic heart failure.", "I50.43"),
    ("Systolic CHF (EF 30%) exacerbated by a salty diet.", "I50.23"),
])
def test_an_exacerbated_heart_failure_of_a_stated_type_is_acute_on_chronic(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == [expected]


@pytest.mark.parametrize("note, expected", [
    ("Impression: ADHF with HFrEF, diuresing.", ["I50.23"]),
    ("Seen for acutely decompensated diastolic heart failure, up 3 kg.", ["I50.33"]),
    ("Combined systolic and diastolic CHF, decompensated again this week.", ["I50.43"]),
    ("Plan: IV diuresis for ADHF.", ["I50.9"]),
    ("Heart failure exacerbation, no echo on file.", ["I50.9"]),
])
def test_a_decompensated_heart_failure_is_acute_on_chronic_of_the_type_the_note_states(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert set(codes(out)) == set(expected)


@pytest.mark.parametrize("note, expected", [
    ("Pulm: decompensated COPD, on 3 L now.", ["J44.1"]),
    ("COPD - decompensated; add prednisone.", ["J44.1"]),
    ("Decompensated cirrhosis. COPD on tiotropium.", ["J44.9"]),
])
def test_decompensated_copd_is_the_exacerbation_its_tabular_entry_includes(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert [c for c in codes(out) if c[:3] in ("J43", "J44")] == expected


@pytest.mark.parametrize("note", ["Asthma, no exacerbation since she moved.", "Asthma, last flare 2 yrs ago.",
                                  "Asthma: an attack unlikely today, cough from postnasal drip."])
def test_asthma_whose_exacerbation_is_denied_or_earlier_is_uncomplicated(tabular, note):
    out, _ = documented_findings([], note, tabular)
    assert [c for c in codes(out) if c.startswith("J45")] == ["J45.909"]


def test_an_exacerbation_without_its_type_takes_the_type_the_note_states_elsewhere(suggest):
    found = coded(suggest, "Echo: HFpEF, EF 60%. Today: CHF exacerbation after a salty holiday meal.")
    assert "I50.33" in found and not {"I50.30", "I50.9"} & set(found)


@pytest.mark.parametrize("note, expected", [
    ("ADHF admission in 2023; today chronic HFrEF, euvolemic.", ["I50.22"]),
    ("HFpEF exacerbation 3 wks ago, now at dry weight.", ["I50.30"]),
    ("Not in ADHF today. HFrEF on GDMT.", ["I50.20"]),
])
def test_a_decompensation_before_the_visit_or_denied_leaves_the_acuity(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert set(codes(out)) == set(expected)


@pytest.mark.parametrize("note, expected", [
    ("Chronic systolic CHF, euvolemic; asthma exacerbation treated.", ["I50.22", "J45.901"]),
    ("HFrEF with no exacerbation since spring.", ["I50.20"]),
])
def test_a_flare_beside_but_not_of_the_heart_failure_leaves_its_acuity(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == expected


@pytest.mark.parametrize("note, expected", [
    ("TSH 22 on amiodarone: hypothyroidism secondary to amiodarone.", "E03.2"),
    ("Lithium-induced hypothyroidism, started on replacement.", "E03.2"),
    ("Echo shows LVEF 35%: cardiomyopathy caused by trastuzumab.", "I42.7"),
    ("Anthracycline-related cardiomyopathy, EF 40%.", "I42.7"),
    ("DXA T -2.9 hip: glucocorticoid-induced osteoporosis.", "M81.8"),
    ("Osteoporosis secondary to prednisone, on risedronate.", "M81.8"),
])
def test_a_disorder_with_a_drug_named_as_its_cause_is_the_drug_induced_code(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == [expected]


def test_a_drug_beside_but_not_causing_the_disorder_leaves_it_unspecified(tabular):
    out, _ = documented_findings([], "Hypothyroidism on levothyroxine; AF on amiodarone.", tabular)
    assert "E03.2" not in codes(out)


@pytest.mark.parametrize("note, expected", [
    ("Chronic obstructive bronchitis on a LAMA.", ["J44.89"]),
    ("Pulm: chronic obstructive bronchitis, worse this week - acute exacerbation.", ["J44.1"]),
    ("Longstanding COPD, h/o flare in 2023; on tiotropium.", ["J44.9"]),
    ("COPD - one exacerbation last winter, breathing at baseline.", ["J44.9"]),
    ("COPD, hx of exacerbation 2022, no oxygen need.", ["J44.9"]),
    ("COPD, h/o exacerbation last month, still on a steroid taper.", []),
    ("Father: COPD, h/o flare last year.", ["Z82.5"]),
    ("No COPD; prior exacerbation of asthma in 2021.", []),
])
def test_a_copd_is_current_though_its_clause_dates_an_exacerbation_before_the_visit(tabular, note, expected):
    out, _ = documented_findings([], note, tabular)
    assert codes(out) == expected
