"""Common outpatient diagnoses written by the names the alphabetic index holds, where the tabular's title uses
other words."""
import pytest

from services.coding.domain.documented_findings import documented_findings
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Runny nose and sneezing for two days; impression: common cold.", "J00"),
    ("Dyslipidemia, LDL 162, start rosuvastatin.", "E78.5"),
    ("Erectile dysfunction for a year, trial of tadalafil.", "N52.9"),
    ("Constant tinnitus in the left ear since the concert.", "H93.12"),
    ("Tinnitus in both ears, audiogram ordered.", "H93.13"),
    ("Diffuse myalgias since the viral illness.", "M79.10"),
    ("Nonverbal child with autism, speech therapy twice weekly.", "F84.0"),
    ("Acromegaly, IGF-1 high, pituitary MRI ordered.", "E22.0"),
    ("Thyrotoxicosis, TSH suppressed, start methimazole.", "E05.90"),
    ("Thyrotoxicosis with thyroid storm, admitted.", "E05.91"),
    ("Thyrotoxicosis, probable Graves disease, TRAb pending.", "E05.90"),
    ("HIV disease, viral load undetectable on bictegravir.", "B20"),
    ("HIV infection, asymptomatic, CD4 780.", "Z21"),
    ("Chronic hepatitis C, genotype 3, referred for treatment.", "B18.2"),
    ("Chronic HCV, fibroscan F2.", "B18.2"),
    ("Hepatitis C, starts glecaprevir next week.", "B19.20"),
    ("Acute hepatitis C after a needlestick.", "B17.10"),
    ("Hepatitis B, on entecavir, LFTs normal.", "B19.10"),
    ("Chronic hepatitis B on tenofovir.", "B18.1"),
    ("Acute hepatitis B, IgM core antibody positive.", "B16.9"),
    ("Sed rate elevated at 64, temporal artery biopsy planned.", "R70.0"),
    ("Triggering of the right ring finger: trigger finger, injected.", "M65.341"),
    ("Left trigger thumb, locks in flexion.", "M65.312"),
    ("Trigger finger, splint at night.", "M65.30"),
    ("Painful radial wrist, Finkelstein positive: De Quervain tenosynovitis.", "M65.4"),
    ("Ganglion cyst on the back of the right hand.", "M67.441"),
    ("Ganglion over the left ankle, aspirated.", "M67.472"),
    ("Nausea and vomiting since last night, tolerating sips.", "R11.2"),
    ("Pyelonephritis, ciprofloxacin, urine culture sent.", "N12"),
    ("Vertebrogenic low back pain, basivertebral nerve ablation discussed.", "M54.51"),
    ("Low sodium at 128 on the last panel.", "E87.1"),
    ("Low potassium, 3.1, start KCl.", "E87.6"),
    ("Low platelets, 96K, repeat CBC.", "D69.6"),
    ("High white count, 14.2, no fever.", "D72.829"),
    ("Low B12 level, start injections.", "E53.8"),
    ("Gastritis on EGD, H. pylori biopsies pending.", "K29.70"),
    ("Diverticulosis, high-fiber diet.", "K57.90"),
    ("Scope showed diverticulosis of the descending colon.", "K57.30"),
    ("Sigmoid diverticulitis, CT without abscess, oral antibiotics.", "K57.32"),
    ("Hepatic steatosis on the CT, ALT 58.", "K76.0"),
    ("Peripheral arterial disease, ABI 0.82, walking program.", "I73.9"),
    ("PVD, pulses diminished, on cilostazol.", "I73.9"),
    ("Male hypogonadism, on testosterone cypionate.", "E29.1"),
    ("Adrenal insufficiency, on hydrocortisone 15 mg daily.", "E27.40"),
    ("Mitral valve prolapse on echo, trace leak.", "I34.1"),
    ("ECG: sinus rhythm with first-degree AV block.", "I44.0"),
    ("Ulnar neuropathy at the left elbow on NCS.", "G56.22"),
    ("Fungal toenails, terbinafine discussed.", "B35.1"),
    ("Ringworm on the left forearm, clotrimazole.", "B35.4"),
    ("Recurrent canker sores, topical steroid.", "K12.0"),
    ("Heavy periods for a year, ferritin 8.", "N92.0"),
    ("Painful periods since menarche, NSAIDs before cycle.", "N94.6"),
    ("Perimenopausal with hot flashes and night sweats.", "N95.1"),
    ("Abnormal gait, wide-based, fall risk.", "R26.9"),
    ("Difficulty walking since the hip surgery.", "R26.2"),
    ("Spondylosis of the lumbar spine on X-ray.", "M47.816"),
    # the index's "without myelopathy or radiculopathy" denies the root's lesion; a level names the region
    ("Impression: thoracic spondylosis w/o myelopathy or radiculopathy.", "M47.814"),
    ("Dx - lumbar spondylosis, no radiculopathy on exam; PT.", "M47.816"),
    ("L4-5 spondylosis, mild, on the flexion films.", "M47.816"),
    ("C6-7 spondylosis with radiculopathy into the left hand.", "M47.22"),
    ("Lumbosacral spondylosis with radiculopathy, S1 on the right.", "M47.27"),
    ("T7-8 spondylosis with myelopathy, surgery consult.", "M47.14"),
    ("Paraspinal muscle spasm, heat and stretching.", "M62.830"),
    ("Left tennis elbow, counterforce strap.", "M77.12"),
    ("Golfer's elbow on the right, PT.", "M77.01"),
    ("Achilles tendinopathy, left, eccentric exercises.", "M76.62"),
    ("Marital discord for months, sleeping poorly.", "Z63.0"),
    ("Mid back pain after a long drive, no trauma.", "M54.6"),
    ("Aching pain between the shoulder blades for 3 weeks.", "M54.6"),
    ("Relationship problems with her partner; couples therapy.", "Z63.0"),
    ("Diet advice given. Low sodium (128) on today's BMP, fluid restriction.", "E87.1"),  # after the diet's sentence
])
def test_the_common_name_meets_its_index_entry(tabular, note, expected):
    out, reasons = documented_findings([], note, tabular)
    assert expected in {s.code for s in out} and reasons


@pytest.mark.parametrize("note, not_made", [
    ("No tinnitus, no hearing loss.", "H93.19"),
    ("Denies nausea and vomiting.", "R11.2"),
    ("Nausea and vomiting of pregnancy, 9 weeks.", "R11.2"),
    ("Erectile dysfunction due to type 2 diabetes.", "N52.9"),
    ("Thyrotoxicosis from a toxic nodule, radioiodine planned.", "E05.90"),
    ("Hepatitis C antibody ordered.", "B19.20"),
    ("Hepatitis C screening today.", "B19.20"),
    ("HBV DNA ordered.", "B19.10"),
    ("Hepatitis B surface antibody positive after the series.", "B19.10"),
    ("Hep B vaccine #2 today.", "B19.10"),
    ("Hep B #1 given in the nursery.", "B19.10"),
    ("Hepatitis B and C serologies negative.", "B19.10"),
    ("Chronic pyelonephritis with reflux scarring.", "N12"),
    ("Stellate ganglion block for the left arm pain.", "M67.40"),
    ("Low B12 with macrocytic anemia.", "E53.8"),
    ("Low sodium diet for the blood pressure.", "E87.1"),
    ("HTN. Dietary counseling (DASH, low sodium) 10 min.", "E87.1"),  # the diet advised in parentheses
    ("CKD 3b: diet (low potassium, low phosphorus) reviewed.", "E87.6"),
    ("Subacute thyroiditis (de Quervain's), ESR 70.", "M65.4"),
    ("Statin stopped last year for muscle aches.", "M79.10"),
    ("Meniere disease, left: vertigo spells with tinnitus.", "H93.12"),
    ("Hepatitis C and HIV screening, low risk.", "B19.20"),
    ("Flank pain, fever: pyelonephritis - no; cystitis.", "N12"),
    ("Erosive gastritis with bleeding, admitted.", "K29.70"),
    ("Diverticulitis with abscess, IR drain.", "K57.92"),
    ("Alcoholic fatty liver, counseled on abstinence.", "K76.0"),
    ("Diabetic peripheral arterial disease with claudication.", "I73.9"),
    ("Primary adrenal insufficiency (Addison disease).", "E27.40"),
    ("Hot flashes with the tamoxifen.", "N95.1"),
    ("Cervical spondylosis with radiculopathy at C6.", "M47.812"),
    ("L4-5 spondylosis and sciatica on the left.", "M47.816"),
    ("L5-S1 spondylosis with myelopathy?", "M47.17"),
    ("Heating pad on the back at night.", "I73.9"),
    ("Hepatitis C treated in 2019, SVR, cured.", "B19.20"),
    ("Back spasm on exam. Dx: lumbar strain.", "M62.830"),
    ("Parents' marital conflict was a stressor in childhood; no current problems.", "Z63.0"),
])
def test_denied_or_another_kind_is_not_made(tabular, note, not_made):
    out, _ = documented_findings([], note, tabular)
    assert not_made not in {s.code for s in out}


@pytest.mark.parametrize("note", [
    "Stellate ganglion block for the left arm pain.", "Trigger fingers of both hands, right middle and left ring.",
])
def test_no_ganglion_or_trigger_finger_code_where_the_site_is_not_one(tabular, note):
    out, _ = documented_findings([], note, tabular)
    assert not {s.code for s in out if s.code.startswith(("M67.4", "M65.3"))}


def test_nausea_with_vomiting_replaces_nausea(suggest):
    coded = billed(suggest, "Nausea and vomiting x 2 days after a take-out meal, no diarrhea.")
    assert "R11.2" in coded and "R11.0" not in coded


def test_chronic_hepatitis_c_is_not_chronic_hepatitis_nos(suggest):
    coded = billed(suggest, "Dx: chronic hepatitis C, untreated; HCV RNA ordered.")
    assert "B18.2" in coded and "K73.9" not in coded


def test_abbreviations_of_common_diagnoses_are_written_out(suggest):
    coded = billed(suggest, "IBS-D, on rifaximin. OAB, on mirabegron. PMR, on prednisone.")
    assert {"K58.0", "N32.81", "M35.3"} <= coded


@pytest.mark.parametrize("note, expected", [
    ("Acute otitis media of both ears, amoxicillin.", "H66.93"),
    ("Serous otitis media, bilateral, tubes discussed.", "H65.93"),
])
def test_bilateral_ear_condition_is_the_bilateral_code_not_two_sides(suggest, note, expected):
    coded = billed(suggest, note)
    assert expected in coded and not {c for c in coded if c[:5] == expected[:5] and c != expected}


@pytest.mark.parametrize("note, code", [
    ("HTN on amlodipine, BP 132/80. Dietary counseling (DASH, low sodium) 10 min.", "E87.1"),
    ("CKD stage 3b. Renal diet reviewed (low potassium, low phosphorus).", "E87.6"),
])
def test_a_diet_advised_in_parentheses_is_no_lab_finding_by_any_reading(suggest, note, code):
    assert code not in billed(suggest, note)
