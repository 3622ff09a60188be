"""Signs and abnormal results coded where no diagnosis explains them (guidelines I.B.4-5, IV.D, IV.H): a TSH out of
range while a thyroid disorder is only weighed, an ECG's nonspecific ST or T wave changes, a lobe's opacity or mass,
a swollen calf by its side, daytime sleepiness, nausea with vomiting and a diarrhea whose denied blood is no kind of
it; each kept out where it is denied, a relative's, or part of a diagnosis the note confirms."""
import pytest

from services.coding.domain.thyroid_results import out_of_range_tsh_weighed
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Endo consult. Tired, 6 kg up in 5 mo. TSH 11.3, free T4 normal. Probable subclinical hypothyroidism; TPO Ab.",
    "Shaky and losing weight. TSH <0.01, FT4 3.0. Graves disease vs toxic nodule - uptake scan ordered.",
    "Consult: TSH 0.05 on two draws. Suspected hyperthyroidism, no treatment until the scan.",
])
def test_an_out_of_range_tsh_beside_a_weighed_thyroid_disorder_is_r94_6(suggest, note):
    assert "R94.6" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Graves disease confirmed, TRAb positive, TSH <0.01 - methimazole 10 mg.",
    "TSH 2.8, free T4 normal. Possible hypothyroidism - repeat in 3 mo.",
    "TSH 9.1 on labs from another clinic; repeat TSH ordered.",
    "G2P1 at 10 weeks. TSH 0.1. Possible hyperthyroidism vs the hCG effect of pregnancy - repeat FT4.",
])
def test_an_affirmed_disorder_a_normal_tsh_an_unweighed_one_or_a_pregnancys_keeps_r94_6_out(suggest, note):
    assert "R94.6" not in billed(suggest, note)


def test_the_tsh_read_is_the_one_out_of_range():
    found = out_of_range_tsh_weighed("TSH 3.1 in May, TSH 8.4 today. Possible Hashimoto thyroiditis.")
    assert found is not None and found.group("value") == "8.4"
    assert out_of_range_tsh_weighed("TSH 8.4 today. Hashimoto thyroiditis on levothyroxine.") is None


@pytest.mark.parametrize("note", [
    "Exertional chest tightness. ECG: nonspecific ST-T changes. Stress echo to evaluate for angina.",
    "Preop ECG with non-specific T wave abnormalities; no chest pain. Cardiology to review.",
])
def test_nonspecific_st_or_t_wave_changes_are_an_abnormal_ecg(suggest, note):
    assert "R94.31" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "NSTEMI with nonspecific ST changes, troponin 410 - heparin, cath.",
    "Unstable angina. ECG nonspecific ST-T changes, troponin negative. Admit for cath.",
    "ECG: no ST or T wave changes.",
])
def test_st_changes_of_a_confirmed_infarct_or_angina_or_denied_are_not(suggest, note):
    assert "R94.31" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Cough x 4 wks. CXR: LLL opacity. Pneumonia vs aspiration - CT chest.",
    "Ex-smoker, 3 kg weight loss. CXR: RUL mass, malignancy to be excluded - PET-CT.",
    "CT: patchy opacity in the right lower lobe, infection vs inflammation; repeat in 6 wks.",
])
def test_a_lobes_opacity_or_mass_under_work_up_is_r91_8(suggest, note):
    assert "R91.8" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "CXR: RML opacity. Dx: community-acquired pneumonia - doxycycline.",
    "Referred for a RUL opacity on CXR. CT: 8 mm solid nodule in the right upper lobe.",
    "CXR: no LUL opacity, lungs clear.",
])
def test_a_confirmed_pneumonia_a_named_nodule_or_a_clear_film_keeps_r91_8_out(suggest, note):
    assert "R91.8" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Order: D-dimer. Reason: R calf pain and swelling x 2 days.", "R22.41"),
    ("Swollen L calf after a flight, duplex to evaluate for DVT.", "R22.42"),
    ("A/P: 1. HTN - continue amlodipine. 2. R calf swelling - venous duplex.", "R22.41"),
])
def test_a_swollen_calf_is_a_localized_swelling_of_the_lower_limb_by_side(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "No calf swelling or tenderness.",
    "Sister had L calf swelling from a DVT last year.",
    "Acute DVT of the R femoral vein, R calf swelling - apixaban.",
    "CAD with stable angina on atorvastatin. New R calf swelling: duplex negative for DVT.",
])
def test_a_denied_a_relatives_an_explained_or_an_aside_calf_swelling_is_not_billed(suggest, note):
    assert not any(c.startswith("R22.4") for c in billed(suggest, note))


def test_daytime_sleepiness_is_somnolence_unless_a_sleep_apnea_is_confirmed(suggest):
    assert "R40.0" in billed(suggest, "Referred for snoring and excessive daytime sleepiness; sleep study ordered.")
    assert "R40.0" not in billed(suggest, "Daytime sleepiness, Epworth 16. Dx: obstructive sleep apnea - CPAP.")
    assert "R40.0" not in billed(suggest, "No daytime sleepiness.")
    assert "R40.0" not in billed(suggest, "Severe OSA on CPAP; daytime sleepiness better. R/o narcolepsy - MSLT.")


def test_nausea_and_vomiting_whose_blood_is_denied_is_r11_2(suggest):
    assert "R11.2" in billed(suggest, "Nausea and vomiting x 1 day, no blood, keeping fluids down.")
    assert "R11.2" not in billed(suggest, "Nausea and vomiting with blood-streaked emesis this morning.")


def test_a_diarrhea_whose_blood_is_denied_is_not_held_for_a_kind(suggest):
    assert "R19.7" in billed(suggest, "Loose watery diarrhea x 4 days, no blood. Likely viral.")
    assert "R19.7" not in billed(suggest, "Diarrhea with blood x 2 days.")


@pytest.mark.parametrize("note", [
    "ROS negative for chest pain - reports palpitations at night.",
    "Denies fever or cough - now c/o palpitations since Monday.",
])
def test_a_sign_stated_after_a_dash_that_closes_a_denial_is_coded(suggest, note):
    assert "R00.2" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Denies chest pain - palpitations.",
    "ROS negative for chest pain or palpitations - reports fatigue.",
    "Sister with palpitations - has SVT.",
])
def test_a_denied_or_a_relatives_sign_before_the_dash_stays_uncoded(suggest, note):
    assert "R00.2" not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("BPH with lower urinary tract symptoms: nocturia x2 and a weak stream - tamsulosin.", {"N40.1", "R35.1", "R39.12"}),
    ("Meds: finasteride (BPH with nocturia x3).", {"N40.1", "R35.1"}),
    ("A/P: 1. HLD - atorvastatin. 2. Slow stream and nocturia x 3 mo - PSA, UA.", {"E78.5", "R39.12", "R35.1"}),
])
def test_the_urinary_symptoms_a_bph_asks_for_are_coded_beside_it(suggest, note, expected):
    assert expected <= billed(suggest, note)


@pytest.mark.parametrize("note", ["BPH, no nocturia, stream good.", "Father with BPH and a weak stream."])
def test_denied_or_a_relatives_urinary_symptoms_are_not(suggest, note):
    assert not billed(suggest, note) & {"R35.1", "R39.12"}


def test_falls_counted_with_x_are_repeated_falls_and_over_a_year_a_history_too(suggest):
    assert "R29.6" in billed(suggest, "A/P: 2. Falls x 3 this month - PT gait and balance, home safety.")
    assert {"R29.6", "Z91.81"} <= billed(suggest, "Falls x 2 in the past year, no injuries.")
    assert "R29.6" not in billed(suggest, "No falls x 2 years.")


def test_fever_and_chills_is_fever_with_chills_not_a_chill_without_fever(suggest):
    found = billed(suggest, "Fever and chills x 2 days, no cough. A/P: fever, likely viral - fluids.")
    assert "R50.9" in found and "R68.83" not in found
    assert not billed(suggest, "Denies fever and chills.") & {"R50.9", "R68.83"}
    assert "R68.83" in billed(suggest, "Shaking chills at night without fever x 3 nights.")
