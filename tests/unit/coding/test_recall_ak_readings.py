"""Readings for histories, statuses and injuries missed at first sight: a problem list's bare "Hx" before an episode
that does not persist, a past gastrointestinal bleed, an organ taken out, and an osteoporotic vertebra that
collapsed."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Problem list: asthma. Hx concussion 2015 from a skateboard fall, no symptoms since.", "Z87.820"),
    ("Hx TBI (MVC 2012), back to baseline.", "Z87.820"),
    ("Hx GI bleed in 2019 on ibuprofen; stays off NSAIDs.", "Z87.19"),
    ("History of lower GI bleeding 2021, colonoscopy then showed diverticulosis.", "Z87.19"),
    ("PMH: gastrointestinal hemorrhage 2018, transfused, resolved.", "Z87.19"),
])
def test_an_episode_under_a_history_cue_is_its_personal_history(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("History: concussion at practice yesterday, headache and nausea since.", "Z87.820"),
    ("Family history concussion? Not relevant. Mother with migraines.", "Z87.820"),
    ("No hx GI bleed. Start apixaban.", "Z87.19"),
    ("Hx GI bleed from a gastric ulcer 2020.", "Z87.19"),
    ("Active GI bleed, melena since this morning; send to ED.", "Z87.19"),
])
def test_a_current_denied_relatives_or_ulcer_bleed_is_not(suggest, note, code):
    assert code not in billed(suggest, note)



@pytest.mark.parametrize("note, expected", [
    ("PSH: s/p right hemicolectomy 2016 for a cecal adenoma. Today: URI.", "Z90.49"),
    ("Colon cancer surveillance after a sigmoid colectomy in 2020; CEA normal.", "Z90.49"),
    ("Anemia, B12 deficiency; had a partial gastrectomy 10 years ago for an ulcer.", "Z90.3"),
    ("Status post VATS wedge resection 2023 of a left upper lobe nodule, benign.", "Z90.2"),
    ("Former smoker, s/p segmentectomy 2022. CT chest stable.", "Z90.2"),
    ("Erectile dysfunction after radical prostatectomy 2019.", "Z90.79"),
    ("Bipolar disorder on lithium. S/p total thyroidectomy 2015 for a goiter.", "E89.0"),
])
def test_an_organ_taken_out_is_its_absence_or_status(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Rectal cancer: referred for a low anterior resection and possible colectomy.", "Z90.49"),
    ("Colectomy is planned for next month.", "Z90.49"),
    ("Obesity class III, s/p sleeve gastrectomy 2021.", "Z90.3"),
    ("Mother had a total thyroidectomy in 2010.", "E89.0"),
    ("Thyroid nodule, Bethesda IV: discussed lobectomy vs total thyroidectomy.", "E89.0"),
    ("Ingrown toenail: wedge resection of the nail plate in 2022, recurred.", "Z90.2"),
])
def test_an_operation_to_come_a_relatives_or_another_organs_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_resection_is_not_read_as_a_misspelt_rejection(suggest):
    codes = billed(suggest, "Status post wedge resection of a right lower lobe nodule 2024, benign.")
    assert "Z90.2" in codes and not any(c.startswith("T86") for c in codes)


@pytest.mark.parametrize("note, expected", [
    ("Senile osteoporosis with an acute L3 compression fracture after a sneeze; TLSO brace, calcitonin.", "M80.08XA"),
    ("Postmenopausal osteoporosis. New thoracic vertebral compression fracture on today's film.", "M80.08XA"),
    ("Osteoporosis. T8 compression fracture from last month, healing, pain down to 2/10.", "M80.08XD"),
])
def test_a_collapsed_vertebra_in_osteoporosis_is_m80_by_encounter(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected in codes and "M81.0" not in codes


@pytest.mark.parametrize("note", [
    "Osteoporosis on alendronate. Hx of L1 compression fracture 2020, healed.",
    "Osteoporosis, T-score -2.9. Old T12 compression fracture on the lateral film.",
    "Traumatic L2 compression fracture in a car crash, new; no osteoporosis.",
])
def test_a_healed_past_or_non_osteoporotic_collapse_is_not(suggest, note):
    assert not any(c.startswith("M80") for c in billed(suggest, note))


@pytest.mark.parametrize("note, expected", [
    ("Seen 3 weeks after a bike crash: fractures of three right ribs, healing, breathing comfortably.", "S22.41XD"),
    ("Two left rib fractures from a fall on the stairs yesterday; lidocaine patch.", "S22.42XA"),
    ("Rib clinic: fractures of several left ribs, healing; walking daily.", "S22.42XD"),
])
def test_multiple_rib_fractures_take_their_side_and_stage(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Fractures of two right ribs, not healing after 8 weeks; CT ordered.",
    "Fractures of two right ribs two weeks ago; pain 6/10.",
])
def test_a_rib_fracture_not_stated_as_healing_waits_for_a_coder(suggest, note):
    assert not any(c.startswith("S22.41") for c in billed(suggest, note))


@pytest.mark.parametrize("note", [
    "Fatigue work-up: TSH 6.2 (high), free T4 normal. Recheck in 6 weeks.",
    "Incidental suppressed TSH on pre-op labs, no symptoms; refer to endocrinology.",
    "Free T4 low at 0.6 with a normal TSH; MRI pituitary if it persists.",
    "Low TSH on two draws; possible early hyperthyroidism, uptake scan ordered.",
])
def test_an_abnormal_thyroid_test_without_a_thyroid_diagnosis_is_r94_6(suggest, note):
    assert "R94.6" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Hashimoto hypothyroidism on levothyroxine; TSH high at 8.1, dose increased.",
    "Graves disease: TSH suppressed, free T4 high. Start methimazole.",
    "TSH 2.1, free T4 high-normal. No thyroid disease.",
    "TSH not elevated; fatigue likely from poor sleep.",
])
def test_a_thyroid_disorder_or_a_normal_test_keeps_r94_6_out(suggest, note):
    assert "R94.6" not in billed(suggest, note)


def test_a_thoracic_vertebra_is_no_thyroid_test(suggest):
    assert "R94.6" not in billed(suggest, "MRI: T4 compression fracture with low signal; back pain.")
