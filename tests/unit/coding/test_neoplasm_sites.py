"""Neoplasms read by the site, kind and status the note gives them, as the Neoplasm Table and the tabular file them:
a current cancer by site and side, its spread by site, skin cancers by kind and site, leukemias, myeloma and
lymphomas by remission, carcinoma in situ, benign tumours by site, a breast lump not yet diagnosed, the cancer's
anemia and pain, a chemotherapy or immunotherapy visit, and the personal history of the cancers excised or
treated before. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected, not_expected", [
    ("Onc f/u: invasive ductal carcinoma of the left breast, on weekly paclitaxel.", "C50.912", "C80.1"),
    ("A/P: R breast ca, upper outer quadrant, neoadjuvant chemo underway.", "C50.411", "C50.911"),
    ("Problem list: breast cancer in a 70-year-old man, on tamoxifen.", "C50.929", "C50.919"),
    ("Assessment: prostate adenocarcinoma, Gleason 7, on active treatment with ADT.", "C61", "C80.1"),
    ("Colonoscopy biopsy confirmed adenocarcinoma of the sigmoid colon; surgery referral.", "C18.7", "C18.9"),
    ("Cancer of the cecum, staging CT ordered.", "C18.0", "C80.1"),
    ("Rectal cancer on chemoradiation.", "C20", "C80.1"),
    ("Left renal cell carcinoma, 4 cm, partial nephrectomy planned.", "C64.2", "C64.9"),
    ("Pancreatic head adenocarcinoma with biliary stent in place.", "C25.0", "C25.9"),
    ("Papillary thyroid carcinoma found on FNA; thyroidectomy next month.", "C73", "C80.1"),
    ("Urothelial carcinoma of the bladder, BCG instillations ongoing.", "C67.9", "C80.1"),
    ("Right ovarian cancer, cycle 2 of carboplatin.", "C56.1", "C56.9"),
    ("CT: new liver mets; continue FOLFOX.", "C78.7", None),
    ("Metastatic prostate cancer with mets to bone and liver.", "C78.7", None),
    ("MRI: two brain metastases, SRS planned.", "C79.31", None),
    ("Bone scan shows osseous metastases in the spine.", "C79.51", None),
    ("Peritoneal carcinomatosis on CT.", "C78.6", "C80.0"),
    ("Derm: BCC of the nose, Mohs booked.", "C44.311", "C44.91"),
    ("Basal cell carcinoma of the back, excision today.", "C44.519", "C44.91"),
    ("Biopsy: SCC of the skin of the left forearm.", "C44.629", "C44.92"),
    ("Cutaneous SCC, excision planned.", "C44.92", None),
    ("Melanoma of the left upper arm, Breslow 0.6 mm, wide excision planned.", "C43.62", "C43.9"),
    ("Back melanoma, stage IB, sentinel node biopsy next week.", "C43.59", "C43.9"),
    ("Melanoma in situ of the right cheek, excision booked.", "D03.39", "D03.9"),
    ("CLL, Rai stage 1, not in remission; observation.", "C91.10", "Z85.6"),
    ("Chronic lymphocytic leukemia in remission after FCR.", "C91.11", "C91.10"),
    ("AML in first complete remission, on maintenance.", "C92.01", "C92.00"),
    ("Multiple myeloma in relapse, starting a new line.", "C90.02", "C90.00"),
    ("DLBCL, stage II, R-CHOP cycle 3.", "C83.30", "C85.90"),
    ("Right breast DCIS, lumpectomy next week.", "D05.11", "D05.10"),
    ("Colposcopy biopsy: CIN 3; LEEP scheduled.", "D06.9", None),
    ("Subcutaneous lipoma of the left upper arm, 3 cm.", "D17.22", "D17.9"),
    ("Back lipoma, asymptomatic.", "D17.1", "D17.9"),
    ("MRI: 2 cm parasagittal meningioma, stable.", "D32.0", "D32.9"),
    ("Spinal meningioma at T6, neurosurgery follow-up.", "D32.1", "D32.9"),
    ("Prolactinoma, on cabergoline, prolactin normal.", "D35.2", None),
    ("XR: osteochondroma of the left distal femur, observation.", "D16.22", None),
    ("A: right breast mass, 2 cm, upper inner quadrant - diagnostic mammogram.", "N63.12", "C50.911"),
    ("Exam: mass, L breast upper outer quadrant. A: left breast lump, imaging ordered.", "N63.21", "N63.20"),
    ("Anemia of malignancy, Hgb 9.4.", "D63.0", "D64.9"),
    ("Chemotherapy-induced anemia, no transfusion needed.", "D64.81", "D64.9"),
    ("Cancer-related pain, on long-acting morphine.", "G89.3", "R52"),
    ("C2D1: carboplatin and pemetrexed given today.", "Z51.11", None),
    ("Pembrolizumab infused today, cycle 5.", "Z51.12", None),
    ("PMH: basal cell carcinoma of the cheek, excised 2021, clear margins.", "Z85.828", "C44.319"),
    ("Hx of Hodgkin lymphoma, treated 2009, no evidence of disease.", "Z85.71", "C81.90"),
    ("History of non-Hodgkin lymphoma, finished R-CHOP in 2019.", "Z85.72", None),
])
def test_a_neoplasm_in_the_words_clinics_use_meets_its_code(suggest, note, expected, not_expected):
    codes = billed(suggest, note)
    assert expected in codes
    assert not_expected is None or not_expected not in codes


@pytest.mark.parametrize("note, kept_out", [
    ("Mother had breast cancer at 52.", "C50.919"),
    ("History of prostate cancer, s/p prostatectomy 2017, PSA undetectable.", "C61"),
    ("Hx BCC, no new lesions today.", "C44.91"),
    ("BCC excised 2020 with clear margins.", "C44.91"),
    ("Thyroid cancer is not a concern on ultrasound.", "C73"),
    ("Bladder cancer treated with TURBT and BCG in 2019.", "C67.9"),
    ("Melanoma in situ of the left forearm, wide local excision last month, margins clear.", "D03.62"),
    ("History of melanoma in situ of the back.", "Z85.820"),
    ("Rule out colon cancer: colonoscopy ordered.", "C18.9"),
    ("No evidence of liver mets on CT.", "C78.7"),
    ("Closed transverse fracture of the left tibial shaft.", "C18.4"),
    ("Pain in the knee and lung nodules on CT.", "C78.00"),
    ("Chemo not given today: ANC 0.7.", "Z51.11"),
    ("Plan: start chemotherapy next week.", "Z51.11"),
    ("No breast masses on exam.", "N63.0"),
    ("Concern for a breast lump in both breasts; bilateral imaging.", "N63.0"),
])
def test_a_neoplasm_past_denied_supposed_or_not_named_is_not_coded(suggest, note, kept_out):
    assert kept_out not in billed(suggest, note)


@pytest.mark.parametrize("note, expected, not_expected", [
    ("PMH: L breast cancer s/p lumpectomy and XRT 2020, now on letrozole. 58 yo F.", "C50.912", "Z85.3"),
    ("71M. Prostate adenocarcinoma s/p radical prostatectomy 2018, continues leuprolide every 3 months.", "C61",
     "Z85.46"),
])
def test_a_cancer_excised_but_still_under_hormonal_therapy_is_current(suggest, note, expected, not_expected):
    codes = billed(suggest, note)
    assert expected in codes and not_expected not in codes


@pytest.mark.parametrize("note, expected", [
    ("Breast cancer s/p mastectomy 2015, completed 5 years of tamoxifen, off it since 2020.", "Z85.3"),
    ("Mother had breast cancer, still on anastrozole.", "Z80.3"),
])
def test_a_hormonal_therapy_over_or_a_relatives_leaves_the_history(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected in codes and not any(code.startswith("C50") for code in codes)


@pytest.mark.parametrize("note, code, not_history", [
    ("Heme-onc f/u: AML, status post induction and consolidation, on maintenance oral azacitidine.", "C92.00", "Z85.6"),
    ("Problem list: ALL in remission since 2024.", "C91.01", "Z85.6"),
    ("Peds onc: ALL s/p induction, on maintenance therapy.", "C91.00", "Z85.6"),
])
def test_a_leukemia_under_maintenance_or_in_remission_is_its_own_code_not_history(suggest, note, code, not_history):
    codes = billed(suggest, note)
    assert code in codes
    assert not_history not in codes
