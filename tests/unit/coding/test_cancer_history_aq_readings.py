"""Readings for a cancer in the past: the cues that place it there, the chemotherapy and radiation it had, and a
surveillance visit after it."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Hx colon ca (2014) - hemicolectomy; colonoscopies normal since.", "Z85.038"),
    ("Past: ovarian cancer, TAH-BSO 2012. Today knee pain.", "Z85.43"),
    ("Bladder cancer treated in 2017, cystoscopies clear. Now BPH with nocturia.", "Z85.51"),
    ("His prostate cancer is cured after surgery; PSA undetectable.", "Z85.46"),
    ("Renal cancer, nephrectomy, no evidence of disease at 5 years.", "Z85.528"),
    ("Osteosarcoma of the left tibia as a teenager, limb salvage; here for a sprained wrist.", None),
])
def test_a_cancer_placed_in_the_past_is_its_personal_history(suggest, note, expected):
    if expected:
        assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Hx: breast cancer, on letrozole since March, no evidence of disease on imaging.", "Z85.3"),
    ("No history of colon cancer. Screening colonoscopy due.", "Z85.038"),
    ("Lung cancer, metastatic, history of smoking; on chemo.", "Z85.118"),
])
def test_a_current_or_denied_cancer_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Hx of rectal cancer 2019: low anterior resection, chemo and radiation; CEA normal.", {"Z85.048", "Z92.21",
                                                                                          "Z92.3"}),
    ("PMH: breast cancer 2015, lumpectomy and radiotherapy. HTN on losartan.", {"Z85.3", "Z92.3"}),
    ("History of lung cancer, s/p lobectomy and adjuvant chemotherapy 2021.", {"Z85.118", "Z92.21"}),
    # radioiodine is therapeutic radiation too (`radioiodine_history`)
    ("Thyroid cancer s/p thyroidectomy and RAI 2019, NED; on levothyroxine.", {"Z85.850", "Z92.3"}),
])
def test_chemotherapy_or_radiation_a_past_cancer_had_is_its_history(suggest, note, expected):
    assert expected <= billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Hx of bladder cancer 2018, resected, no chemo or radiation given.", "Z92.21"),
    ("Hx of bladder cancer 2018, resected, no chemo or radiation given.", "Z92.3"),
    ("History of prostate cancer; radiation planned for the rising PSA.", "Z92.3"),
    ("Hx of breast cancer 2010. Neck pain with radiation to the arm for 2 weeks.", "Z92.3"),
])
def test_a_course_not_given_planned_or_a_pain_radiating_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Colon cancer surveillance. S/p sigmoid colectomy 2021; CEA normal, CT clear.",
    "Order: chest CT. Dx: history of lung cancer, s/p lobectomy 2020; annual surveillance.",
])
def test_a_surveillance_of_a_past_cancer_is_a_follow_up_after_its_treatment(suggest, note):
    assert "Z08" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Prostate cancer, Gleason 6, on active surveillance; PSA today.",
    "Surveillance colonoscopy for a history of adenomatous polyps; no cancer history.",
    "Hx of breast cancer 2012. Here for a cough.",
    "History of rectal cancer; surveillance CT due in March.",
    "Dx: gross hematuria. Hx bladder cancer 2016, on surveillance, no recurrence.",
])
def test_a_cancer_watched_or_no_surveillance_is_not(suggest, note):
    assert "Z08" not in billed(suggest, note)
